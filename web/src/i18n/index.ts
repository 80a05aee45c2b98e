import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { LocalizedText } from '../../../schema/common'
import { ru, type Messages, type PluralForms } from './ru'

export type Locale = 'ru' | 'en'
export const LOCALES: readonly Locale[] = ['ru', 'en']

// Russian, the product's language, comes with the first screen; English is a chunk of its own
// (16 KB gzipped), fetched before the first render when saved, or on the switch.
const dictionaries: Partial<Record<Locale, Messages>> = { ru }

/** Fetches a language's messages once; `createI18n` can speak it from then on. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (!dictionaries[locale]) dictionaries[locale] = (await import('./en')).en
}
const STORAGE_KEY = 'journey-board.locale'

type KeysOf<V> = { [K in keyof Messages]: Messages[K] extends V ? K : never }[keyof Messages]
export type MessageKey = KeysOf<string>
export type PluralKey = KeysOf<PluralForms>
type Params = Record<string, string | number>

/** Everything a component needs to speak the user's language. */
export interface I18n {
  locale: Locale
  /** A plain text; `{name}` placeholders are filled from `params` (numbers get formatted). */
  t(key: MessageKey, params?: Params): string
  /** A counted phrase in the right plural form, e.g. "5 клиентов". */
  plural(key: PluralKey, n: number): string
  number(n: number): string
  date(iso: string): string
  /** Date and time, for history entries. */
  dateTime(iso: string): string
  /** Picks the user's language out of text stored in both. */
  text(value: LocalizedText): string
}

/** Builds the formatters for one loaded language; cheap enough to call on every switch. */
export function createI18n(locale: Locale): I18n {
  const messages = dictionaries[locale]
  if (!messages) throw new Error(`The ${locale} messages are not loaded: await loadLocale first`)
  const numbers = new Intl.NumberFormat(locale)
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' })
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const plurals = new Intl.PluralRules(locale)
  const fill = (template: string, params: Params = {}) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name]
      if (value === undefined) return whole
      return typeof value === 'number' ? numbers.format(value) : value
    })

  return {
    locale,
    t: (key, params) => fill(messages[key], params),
    plural: (key, n) => {
      const forms = messages[key]
      return fill(forms[plurals.select(n)] ?? forms.other, { n })
    },
    number: (n) => numbers.format(n),
    date: (iso) => dates.format(new Date(iso)),
    dateTime: (iso) => dateTimes.format(new Date(iso)),
    text: (value) => value[locale] || value.ru,
  }
}

/** The saved choice, else Russian (the product's default whatever the browser says). */
export function savedLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    return saved === 'en' || saved === 'ru' ? saved : 'ru'
  } catch {
    return 'ru' // storage can be blocked (private mode, sandboxed iframes)
  }
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not saved: the switch still works for this visit.
  }
}

export const I18nContext = createContext<I18n>(createI18n('ru'))

export function useI18n(): I18n {
  return useContext(I18nContext)
}
