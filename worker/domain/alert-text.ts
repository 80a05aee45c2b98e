import type { LocalizedText } from '../../schema/common'

/** A notification's words in both languages: the Russian is stored, the English rides in data. */
export interface AlertText {
  ru: { title: string; body: string }
  en: { title: string; body: string }
}

/**
 * A name in Russian quotes. Names often carry their own («НПО «Медиасофт»»): those become the
 * inner „German“ quotes, as Russian typography nests them — «НПО „Медиасофт“».
 */
export function quoteRu(name: string): string {
  return `«${name.replaceAll('«', '„').replaceAll('»', '“')}»`
}

/** A name in English quotes, its own «…» turned into the English ones. */
export function quoteEn(name: string): string {
  return `“${name.replaceAll('«', '‘').replaceAll('»', '’')}”`
}

const WORKING_DAYS = {
  ru: { one: 'рабочий день', few: 'рабочих дня', many: 'рабочих дней', other: 'рабочего дня' },
  en: { one: 'working day', other: 'working days' },
} as const

// Plural rules are costly to build (the sweep words thousands of alerts) and hold no data of ours.
const PLURALS = { ru: new Intl.PluralRules('ru'), en: new Intl.PluralRules('en') }

/** "1 рабочий день", "3 рабочих дня", "5 рабочих дней"; "1 working day", "2 working days". */
export function workingDays(n: number, locale: 'ru' | 'en'): string {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = WORKING_DAYS[locale]
  const form = forms[PLURALS[locale].select(n)] ?? WORKING_DAYS[locale].other
  return `${n} ${form}`
}

/** What happened to a card at its stage's clock. */
export type SlaEvent =
  | { kind: 'overdue'; level: 1 | 2 }
  | { kind: 'returned'; level: 1; to: { id: string; name: LocalizedText } }

/** The owner's and lead's notification about a card past its SLA, flagged or sent back. */
export function slaAlertText(
  company: string,
  stage: { name: LocalizedText; slaDays: number },
  what: SlaEvent,
): AlertText {
  const [ruName, enName] = [quoteRu(company), company]
  const title =
    what.kind === 'returned'
      ? {
          ru: `${ruName} возвращён на этап ${quoteRu(what.to.name.ru)}: SLA превышен`,
          en: `${enName} returned to ${what.to.name.en}: SLA exceeded`,
        }
      : what.level === 1
        ? {
            ru: `${ruName} просрочен на этапе ${quoteRu(stage.name.ru)}`,
            en: `${enName} is overdue at ${stage.name.en}`,
          }
        : {
            ru: `${ruName} на этапе ${quoteRu(stage.name.ru)} вдвое дольше SLA`,
            en: `${enName} has been at ${stage.name.en} for twice its SLA`,
          }
  return {
    ru: { title: title.ru, body: `SLA этапа: ${workingDays(stage.slaDays, 'ru')}` },
    en: { title: title.en, body: `Stage SLA: ${workingDays(stage.slaDays, 'en')}` },
  }
}
