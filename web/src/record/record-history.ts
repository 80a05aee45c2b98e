import { JOURNAL_KINDS, OUTCOMES } from '../../../schema/enums'
import type { ClientEvent } from '../../../schema/clients'
import type { I18n, MessageKey } from '../i18n'

const RECORD_KINDS = [
  'contact_added',
  'contact_edited',
  'contact_removed',
  'journal_added',
  'journal_edited',
  'profile_edited',
  'time_logged',
  'nps_recorded',
] as const

/** The history line of a change to the client's record (null for other kinds). */
export function describeRecordEvent(event: ClientEvent, { t }: I18n): string | null {
  const data = event.data ?? {}
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')
  if (event.kind === 'archived') {
    const outcome = OUTCOMES.find((o) => o === data.outcome)
    return outcome ? t('history.archivedAs', { outcome: t(`archive.outcome.${outcome}`) }) : null
  }
  const kind = RECORD_KINDS.find((k) => k === event.kind)
  if (!kind) return null
  const journalKind = (JOURNAL_KINDS as readonly string[]).includes(str(data.journalKind))
    ? t(`journal.kind.${str(data.journalKind)}` as MessageKey)
    : ''
  return t(`history.record.${kind}`, {
    name: str(data.name),
    kind: journalKind,
    minutes: str(data.minutes),
    score: str(data.score),
  })
}
