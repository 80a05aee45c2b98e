import { useState } from 'preact/hooks'
import { CONTACT_NOTES_MAX, type Contact } from '../../../schema/contacts'
import type { NpsAnswer } from '../../../schema/record'
import { addContact, addNps, patchContact, removeContact } from '../api/record'
import { ask } from '../components/confirm-dialog'
import { FieldError, invalidProps } from '../components/field-error'
import { useI18n } from '../i18n'
import { fieldErrors, recordFailed, today } from '../record/record-errors'

interface Props {
  clientId: string
  editable: boolean
  contacts: Contact[] | null
  nps: NpsAnswer[]
  /** Reload contacts and NPS after a write (the card's version moved too). */
  onChanged: () => void
}

interface Draft {
  name: string
  position: string
  phone: string
  email: string
  messenger: string
  decisionMaker: boolean
  notes: string
}

const EMPTY: Draft = {
  name: '',
  position: '',
  phone: '',
  email: '',
  messenger: '',
  decisionMaker: false,
  notes: '',
}

const draftOf = (c: Contact): Draft => ({
  ...c,
  phone: c.phone ?? '',
  email: c.email ?? '',
})

/** People at the client, decision makers first; each with their latest NPS and a way to add one. */
export function ContactsSection({ clientId, editable, contacts, nps, onChanged }: Props) {
  const i18n = useI18n()
  const { t, date } = i18n
  const [editing, setEditing] = useState<Contact | 'new' | null>(null)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string[]>>({})
  const [score, setScore] = useState<{ contactId: string; value: string; comment: string } | null>(
    null,
  )

  const open = (target: Contact | 'new') => {
    setEditing(target)
    setDraft(target === 'new' ? EMPTY : draftOf(target))
    setErrors({})
  }

  const save = async () => {
    const body = {
      ...draft,
      phone: draft.phone.trim() || null,
      email: draft.email.trim() || null,
    }
    try {
      if (editing === 'new') await addContact(clientId, body)
      else if (editing) await patchContact(editing.id, { ...body, version: editing.version })
      setEditing(null)
      onChanged()
    } catch (error) {
      const fields = fieldErrors(error)
      setErrors(fields)
      if (Object.keys(fields).length === 0) recordFailed(error, i18n)
    }
  }

  const remove = async (c: Contact) => {
    const ok = await ask({
      title: t('contacts.remove.title', { name: c.name }),
      message: t('contacts.remove.message'),
      confirm: t('contacts.remove'),
      cancel: t('record.cancel'),
    })
    if (!ok) return
    try {
      await removeContact(c.id, c.version)
      onChanged()
    } catch (error) {
      recordFailed(error, i18n)
    }
  }

  const saveScore = async () => {
    if (!score) return
    try {
      await addNps(clientId, {
        contactId: score.contactId,
        score: Number(score.value),
        comment: score.comment,
        answeredOn: today(),
      })
      setScore(null)
      onChanged()
    } catch (error) {
      recordFailed(error, i18n)
    }
  }

  const field = (
    key: keyof Omit<Draft, 'decisionMaker'>,
    label: string,
    mode: 'text' | 'tel' | 'email' = 'text',
  ) => (
    <label class="field">
      <span class="field__label">{label}</span>
      <input
        class="input"
        inputMode={mode}
        autoComplete={mode === 'text' ? undefined : mode}
        value={draft[key]}
        maxLength={key === 'notes' ? CONTACT_NOTES_MAX : 200}
        required={key === 'name'}
        {...invalidProps(`contact-${key}-error`, errors[key])}
        onInput={(e) => setDraft((d) => ({ ...d, [key]: e.currentTarget.value }))}
      />
      <FieldError id={`contact-${key}-error`} messages={errors[key]} />
    </label>
  )

  return (
    <section class="drawer__section" aria-labelledby="contacts-title">
      <h3 id="contacts-title" class="drawer__section-title">
        {t('contacts.title')}
      </h3>
      {contacts === null ? (
        <p class="drawer__empty">{t('app.loading')}</p>
      ) : contacts.length === 0 ? (
        <p class="drawer__empty">{t('contacts.empty')}</p>
      ) : (
        <ul class="contacts">
          {contacts.map((c) => {
            const last = nps.find((a) => a.contactId === c.id)
            return (
              <li key={c.id} class="contact">
                <p class="contact__name">
                  {c.name}
                  {c.decisionMaker && <span class="contact__badge">{t('contacts.decides')}</span>}
                  {last && (
                    <span class="contact__nps" title={last.comment || undefined}>
                      NPS {last.score} · {date(`${last.answeredOn}T12:00:00`)}
                    </span>
                  )}
                </p>
                {c.position && <p class="contact__meta">{c.position}</p>}
                <p class="contact__meta">
                  {c.phone && <a href={`tel:${c.phone}`}>{c.phone}</a>}
                  {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
                  {c.messenger && <span>{c.messenger}</span>}
                </p>
                {c.notes && <p class="contact__notes">{c.notes}</p>}
                {editable && (
                  <p class="contact__actions">
                    <button type="button" class="link-button" onClick={() => open(c)}>
                      {t('contacts.edit')}
                    </button>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => setScore({ contactId: c.id, value: '', comment: '' })}
                    >
                      {t('nps.add')}
                    </button>
                    <button type="button" class="link-button" onClick={() => void remove(c)}>
                      {t('contacts.remove')}
                    </button>
                  </p>
                )}
                {score?.contactId === c.id && (
                  <form
                    class="form nps-form"
                    onSubmit={(e) => {
                      e.preventDefault()
                      void saveScore()
                    }}
                  >
                    <div class="nps-form__scores" role="radiogroup" aria-label={t('nps.score')}>
                      {Array.from({ length: 11 }, (_, n) => (
                        <button
                          key={n}
                          type="button"
                          role="radio"
                          aria-checked={score.value === String(n)}
                          class="chip nps-form__score"
                          onClick={() => setScore({ ...score, value: String(n) })}
                        >
                          {n}
                        </button>
                      ))}
                    </div>
                    <input
                      class="input"
                      maxLength={2000}
                      placeholder={t('nps.comment')}
                      aria-label={t('nps.comment')}
                      value={score.comment}
                      onInput={(e) => setScore({ ...score, comment: e.currentTarget.value })}
                    />
                    <div class="form__actions">
                      <button type="button" class="button" onClick={() => setScore(null)}>
                        {t('drawer.reset')}
                      </button>
                      <button
                        type="submit"
                        class="button button--primary"
                        disabled={score.value === ''}
                      >
                        {t('drawer.save')}
                      </button>
                    </div>
                  </form>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {editable && editing === null && (
        <button type="button" class="button contacts__add" onClick={() => open('new')}>
          {t('contacts.add')}
        </button>
      )}
      {editing !== null && (
        <form
          class="form contact-form"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          {field('name', t('contacts.name'))}
          {field('position', t('contacts.position'))}
          <div class="form__row">
            {field('phone', t('contacts.phone'), 'tel')}
            {field('email', t('contacts.email'), 'email')}
          </div>
          {field('messenger', t('contacts.messenger'))}
          {field('notes', t('contacts.notes'))}
          <label class="check">
            <input
              type="checkbox"
              checked={draft.decisionMaker}
              onChange={(e) => setDraft((d) => ({ ...d, decisionMaker: e.currentTarget.checked }))}
            />
            {t('contacts.decisionMaker')}
          </label>
          <div class="form__actions">
            <button type="button" class="button" onClick={() => setEditing(null)}>
              {t('drawer.reset')}
            </button>
            <button type="submit" class="button button--primary" disabled={!draft.name.trim()}>
              {t('drawer.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
