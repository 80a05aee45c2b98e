import type { Client } from '../../../schema/clients'
import { dueState } from './due-date'
import { useI18n } from '../i18n'
import { LabelChips } from '../labels/label-chips'
import { useLabels } from '../labels/label-store'
import { CalendarIcon, CheckIcon } from './extra-icons'
import './card-extras.css'

interface Props {
  client: Client
  now: Date
}

/** The card's labels, its due date (overdue in red) and its open tasks with the next one due. */
export function CardExtras({ client, now }: Props) {
  const { t, date } = useI18n()
  const labels = useLabels()
  const { dueDate, tasks } = client
  const hasLabels = client.labelIds.some((id) => labels.has(id))
  if (!hasLabels && !dueDate && tasks.open === 0) return null
  const state = dueDate ? dueState(dueDate, now) : null
  const dueTitle = dueDate
    ? t(state === 'overdue' ? 'card.due.overdue' : 'card.due', { date: date(dueDate) })
    : ''
  const next = tasks.next
  const tasksTitle = next
    ? t('card.tasks.next', {
        open: tasks.open,
        total: tasks.open + tasks.done,
        title: next.title,
        date: date(next.dueDate),
      })
    : t('card.tasks', { open: tasks.open, total: tasks.open + tasks.done })
  return (
    <div class="card__extras">
      <LabelChips ids={client.labelIds} labels={labels} compact />
      {dueDate && state && (
        <span
          class={`card__due card__due--${state}`}
          title={dueTitle}
          aria-label={dueTitle}
          data-due-state={state}
        >
          <CalendarIcon />
          {shortDate(dueDate)}
        </span>
      )}
      {tasks.open > 0 && (
        <span
          class={`card__tasks${next && dueState(next.dueDate, now) === 'overdue' ? ' card__tasks--late' : ''}`}
          title={tasksTitle}
          aria-label={tasksTitle}
        >
          <CheckIcon />
          {tasks.open}
          {next && <span class="card__next">{shortDate(next.dueDate)}</span>}
        </span>
      )}
    </div>
  )
}

/** "24.12" — the day and month, as both languages write them on a small chip. */
const shortDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`
