import { JOURNAL_KINDS } from '../../../schema/enums'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Contact } from '../../../schema/contacts'
import { JOURNAL_BODY_MAX, type JournalEntry, type JournalKind } from '../../../schema/journal'
import { renderMarkdown } from '../../../shared/markdown'
import { ServerHtml } from '../knowledge/server-html'
import { addJournalEntry, listJournal } from '../api/record'
import { FieldError } from '../components/field-error'
import { JournalCorrect } from './journal-correct'
import { useI18n } from '../i18n'
import { fieldErrors, recordFailed } from '../record/record-errors'
import '../record/record.css'

const KINDS: readonly JournalKind[] = JOURNAL_KINDS

interface Props {
  clientId: string
  editable: boolean
  /** Whether this caller may correct an entry (its author, or an admin). */
  mayCorrect: (entry: JournalEntry) => boolean
  contacts: Contact[]
  /** Bumped by "log a call": the form takes that kind and the focus. */
  compose: { kind: JournalKind; n: number } | null
  /** Changes when someone else changed this card: the journal loads again. */
  refresh: number
  onSaved: () => void
}

/** The client's journal: a quick-add form (Ctrl+Enter saves) above the timeline of entries. */
export function JournalSection(props: Props) {
  const { clientId, editable, mayCorrect, contacts, compose, refresh, onSaved } = props
  const i18n = useI18n()
  const { t, dateTime, date } = i18n
  const [entries, setEntries] = useState<JournalEntry[] | null>(null)
  const [kind, setKind] = useState<JournalKind>('call')
  const [body, setBody] = useState('')
  const [outcome, setOutcome] = useState('')
  const [nextStep, setNextStep] = useState('')
  const [nextOn, setNextOn] = useState('')
  const [contactId, setContactId] = useState('')
  const [errors, setErrors] = useState<Record<string, string[]>>({})
  const [saving, setSaving] = useState(false)
  const [fixing, setFixing] = useState<string | null>(null)
  const text = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const abort = new AbortController()
    listJournal(clientId, abort.signal)
      .then(setEntries)
      .catch(() => setEntries([]))
    return () => abort.abort()
  }, [clientId, refresh])

  useEffect(() => {
    if (!compose) return
    setKind(compose.kind)
    text.current?.focus()
  }, [compose?.n])

  const save = async () => {
    if (!body.trim() || saving) return
    setSaving(true)
    try {
      const entry = await addJournalEntry(clientId, {
        kind,
        body,
        outcome,
        nextStep,
        nextContactOn: nextOn || null,
        contactId: contactId || null,
      })
      setEntries((list) => [entry, ...(list ?? [])])
      setBody('')
      setOutcome('')
      setNextStep('')
      setNextOn('')
      setErrors({})
      onSaved()
    } catch (error) {
      const fields = fieldErrors(error)
      setErrors(fields)
      if (Object.keys(fields).length === 0) recordFailed(error, i18n)
    } finally {
      setSaving(false)
    }
  }

  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name
  return (
    <section class="drawer__section" aria-labelledby="journal-title">
      <h3 id="journal-title" class="drawer__section-title">
        {t('journal.title')}
      </h3>
      {editable && (
        <form
          class="form journal-add"
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault()
              void save()
            }
          }}
        >
          <div class="journal-add__kinds" role="radiogroup" aria-label={t('journal.kind')}>
            {KINDS.map((k) => (
              <button
                key={k}
                type="button"
                role="radio"
                aria-checked={kind === k}
                class="chip"
                onClick={() => setKind(k)}
              >
                {t(`journal.kind.${k}`)}
              </button>
            ))}
          </div>
          <label class="field">
            <span class="field__label">{t('journal.body')}</span>
            <textarea
              ref={text}
              class="input journal-add__body"
              rows={3}
              maxLength={JOURNAL_BODY_MAX}
              value={body}
              placeholder={t('journal.body.placeholder')}
              onInput={(e) => setBody(e.currentTarget.value)}
            />
            <FieldError id="journal-body-error" messages={errors.body} />
          </label>
          <div class="form__row">
            <label class="field">
              <span class="field__label">{t('journal.outcome')}</span>
              <input
                class="input"
                maxLength={1000}
                value={outcome}
                onInput={(e) => setOutcome(e.currentTarget.value)}
              />
            </label>
            <label class="field">
              <span class="field__label">{t('journal.contact')}</span>
              <select
                class="input"
                value={contactId}
                onChange={(e) => setContactId(e.currentTarget.value)}
              >
                <option value="">—</option>
                {contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <FieldError id="journal-contact-error" messages={errors.contactId} />
            </label>
          </div>
          <div class="form__row">
            <label class="field">
              <span class="field__label">{t('journal.nextStep')}</span>
              <input
                class="input"
                maxLength={500}
                value={nextStep}
                onInput={(e) => setNextStep(e.currentTarget.value)}
              />
            </label>
            <label class="field">
              <span class="field__label">{t('journal.nextOn')}</span>
              <input
                class="input"
                type="date"
                value={nextOn}
                onInput={(e) => setNextOn(e.currentTarget.value)}
              />
              <FieldError id="journal-next-error" messages={errors.nextContactOn} />
            </label>
          </div>
          <div class="form__actions">
            <span class="journal-add__hint">{t('journal.shortcut')}</span>
            <button type="submit" class="button button--primary" disabled={!body.trim() || saving}>
              {saving ? t('drawer.saving') : t('journal.add')}
            </button>
          </div>
        </form>
      )}
      {entries === null ? (
        <p class="drawer__empty">{t('app.loading')}</p>
      ) : entries.length === 0 ? (
        <p class="drawer__empty">{t('journal.empty')}</p>
      ) : (
        <ol class="timeline journal">
          {entries.map((e) => (
            <li key={e.id} class={`timeline__item journal__item journal__item--${e.kind}`}>
              <p class="journal__head">
                <span class="journal__kind">{t(`journal.kind.${e.kind}`)}</span>
                {contactName(e.contactId) && <span> · {contactName(e.contactId)}</span>}
              </p>
              {fixing === e.id ? (
                <JournalCorrect
                  entry={e}
                  onCancel={() => setFixing(null)}
                  onSaved={(fixed) => {
                    setEntries((list) => list?.map((x) => (x.id === fixed.id ? fixed : x)) ?? null)
                    setFixing(null)
                    onSaved()
                  }}
                />
              ) : (
                // The articles' renderer: raw HTML shows as text, links only where safe.
                <ServerHtml class="journal__body kb-prose" html={renderMarkdown(e.body)} />
              )}
              {e.outcome && (
                <p class="journal__meta">
                  <b>{t('journal.outcome')}:</b> {e.outcome}
                </p>
              )}
              {(e.nextStep || e.nextContactOn) && (
                <p class="journal__meta">
                  <b>{t('journal.nextStep')}:</b> {e.nextStep || '—'}
                  {e.nextContactOn && ` · ${date(`${e.nextContactOn}T12:00:00`)}`}
                </p>
              )}
              <time class="timeline__time" dateTime={e.createdAt}>
                {dateTime(e.createdAt)} · {e.authorName ?? t('history.bySystem')}
              </time>
              {editable && mayCorrect(e) && fixing !== e.id && (
                <button
                  type="button"
                  class="link-button journal__fix"
                  onClick={() => setFixing(e.id)}
                >
                  {t('journal.correct')}
                </button>
              )}
              {e.revisions.length > 0 && (
                <details class="journal__trail">
                  <summary>{t('journal.edited', { n: e.revisions.length })}</summary>
                  {e.revisions.map((r) => (
                    <div key={r.version} class="journal__revision">
                      <p class="timeline__time">
                        {t('journal.version', { v: r.version, at: dateTime(r.writtenAt) })}
                      </p>
                      <ServerHtml class="kb-prose" html={renderMarkdown(r.body)} />
                    </div>
                  ))}
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
