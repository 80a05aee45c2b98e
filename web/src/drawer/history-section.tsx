import { STAGE_ROLE_KINDS } from '../../../schema/enums'
import type { ClientEvent, StageRoleKind } from '../../../schema/clients'
import type { BoardModel } from '../board/board-model'
import { toCsv } from '../../../shared/csv-write'
import { ExportButton } from '../export/export-button'
import { useI18n, type I18n } from '../i18n'
import { describeRecord } from './record-history'
import { describeRecordEvent } from '../record/record-history'
import { describeExtras } from './history-extras'

const KINDS: readonly string[] = STAGE_ROLE_KINDS
const isKind = (v: unknown): v is StageRoleKind => typeof v === 'string' && KINDS.includes(v)

/** The client's history, newest first, a page at a time (`onOlder` loads the next page). */
export function HistorySection({
  events,
  model,
  onOlder,
}: {
  events: ClientEvent[] | null
  model: BoardModel
  onOlder?: () => void
}) {
  const i18n = useI18n()
  const { t, dateTime } = i18n
  return (
    <section class="drawer__section" aria-labelledby="history-title">
      <div class="export-head">
        <h3 id="history-title" class="drawer__section-title">
          {t('drawer.history')}
        </h3>
        {events && events.length > 0 && (
          <ExportButton name="history" csv={() => historyCsv(events, model, i18n)} />
        )}
      </div>
      {events === null ? (
        <p class="drawer__empty">{t('app.loading')}</p>
      ) : events.length === 0 ? (
        <p class="drawer__empty">{t('history.empty')}</p>
      ) : (
        <ol class="timeline">
          {events.map((event) => (
            <li key={event.id} class={`timeline__item timeline__item--${event.kind}`}>
              <p class="timeline__text">{describe(event, model, i18n)}</p>
              <time class="timeline__time" dateTime={event.at}>
                {dateTime(event.at)} · {event.actorName ?? t('history.bySystem')}
              </time>
            </li>
          ))}
        </ol>
      )}
      {onOlder && (
        <button type="button" class="button history-older" onClick={onOlder}>
          {t('history.older')}
        </button>
      )}
    </section>
  )
}

/** The client's history as CSV, as the timeline words it. */
function historyCsv(events: ClientEvent[], model: BoardModel, i18n: I18n): string {
  const { t } = i18n
  return toCsv(
    events,
    [
      { header: t('export.col.at'), value: (e) => i18n.dateTime(e.at) },
      { header: t('export.col.who'), value: (e) => e.actorName ?? t('history.bySystem') },
      { header: t('export.col.what'), value: (e) => describe(e, model, i18n) },
    ],
    i18n.locale,
  )
}

function describe(event: ClientEvent, model: BoardModel, i18n: I18n): string {
  const { t, text } = i18n
  const stage = (id: string | null) => {
    const found = id ? model.stages.get(id) : undefined
    return found ? text(found.name) : (id ?? '—')
  }
  const person = (id: unknown) =>
    typeof id === 'string' ? (model.members.get(id)?.name ?? id) : t('card.unassigned')
  const data = event.data ?? {}
  const recorded = describeRecordEvent(event, i18n)
  if (recorded) return recorded
  switch (event.kind) {
    case 'created':
      return t('history.created', { stage: stage(event.toStageId) })
    case 'moved':
      return (
        describeRecord(event, stage, i18n) ??
        t('history.moved', { from: stage(event.fromStageId), to: stage(event.toStageId) })
      )
    case 'reordered':
      return t('history.reordered', { stage: stage(event.toStageId) })
    case 'assigned': {
      const role = isKind(data.role) ? t(`role.${data.role}`) : String(data.role ?? '')
      return t('history.assigned', { role, from: person(data.from), to: person(data.to) })
    }
    case 'edited': {
      const changes = Object.entries(data).map(([key, change]) => {
        const label =
          key === 'name' || key === 'company' || key === 'tier' || key === 'score'
            ? t(`drawer.field.${key}`)
            : key === 'dueDate'
              ? t('due.title')
              : key
        const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown }
        return t('history.change', { field: label, from: shown(from, i18n), to: shown(to, i18n) })
      })
      return t('history.edited', { fields: changes.join('; ') })
    }
    case 'overdue':
      return t(data.level === 2 ? 'history.overdue2' : 'history.overdue', {
        stage: stage(event.toStageId),
      })
    case 'returned':
      return t('history.returned', { from: stage(event.fromStageId), to: stage(event.toStageId) })
    case 'archived':
      return t('history.archived')
    case 'restored':
      return t('history.restored')
    default:
      return (
        describeRecord(event, stage, i18n) ??
        describeExtras(event, i18n) ??
        t('history.other', { kind: event.kind })
      )
  }
}

/**
 * A field's value as the history shows it: nothing as a dash, text in the language's quotes
 * with its own quotes nested («ООО „Альфа“», “LLC ‘Alpha’”).
 */
function shown(value: unknown, { t, locale }: I18n): string {
  if (value === null || value === undefined || value === '') return t('history.none')
  if (typeof value !== 'string') return String(value)
  const [open, close, inner] = locale === 'ru' ? ['«', '»', ['„', '“']] : ['“', '”', ['‘', '’']]
  return `${open}${value.replaceAll('«', inner[0] ?? '').replaceAll('»', inner[1] ?? '')}${close}`
}
