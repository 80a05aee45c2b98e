import type { ClientEvent, StageRoleKind } from '../../../schema/clients'
import type { BoardModel } from '../board/board-model'
import { useI18n, type I18n } from '../i18n'

const KINDS: readonly string[] = ['owner', 'communicator', 'support']
const isKind = (v: unknown): v is StageRoleKind => typeof v === 'string' && KINDS.includes(v)

/** The client's history, newest first. */
export function HistorySection({
  events,
  model,
}: {
  events: ClientEvent[] | null
  model: BoardModel
}) {
  const i18n = useI18n()
  const { t, dateTime } = i18n
  return (
    <section class="drawer__section" aria-labelledby="history-title">
      <h3 id="history-title" class="drawer__section-title">
        {t('drawer.history')}
      </h3>
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
                {dateTime(event.at)}
                {event.actorId && model.members.get(event.actorId)
                  ? ` · ${model.members.get(event.actorId)?.name ?? ''}`
                  : ''}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function describe(event: ClientEvent, model: BoardModel, { t, text }: I18n): string {
  const stage = (id: string | null) => {
    const found = id ? model.stages.get(id) : undefined
    return found ? text(found.name) : (id ?? '—')
  }
  const person = (id: unknown) =>
    typeof id === 'string' ? (model.members.get(id)?.name ?? id) : t('card.unassigned')
  const data = event.data ?? {}
  switch (event.kind) {
    case 'created':
      return t('history.created', { stage: stage(event.toStageId) })
    case 'moved':
      return t('history.moved', { from: stage(event.fromStageId), to: stage(event.toStageId) })
    case 'reordered':
      return t('history.reordered', { stage: stage(event.toStageId) })
    case 'assigned': {
      const role = isKind(data.role) ? t(`role.${data.role}`) : String(data.role ?? '')
      return t('history.assigned', { role, from: person(data.from), to: person(data.to) })
    }
    case 'edited': {
      const fields = Object.keys(data).map((key) =>
        key === 'name' || key === 'company' || key === 'tier' || key === 'score'
          ? t(`drawer.field.${key}`)
          : key,
      )
      return t('history.edited', { fields: fields.join(', ') })
    }
    case 'archived':
      return t('history.archived')
    case 'restored':
      return t('history.restored')
    default:
      return t('history.other', { kind: event.kind })
  }
}
