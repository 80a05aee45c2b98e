import type { Client } from '../../../schema/clients'
import type { Member } from '../../../schema/members'
import { calendarDaysSince } from '../board/board-model'
import { useI18n } from '../i18n'
import { AssigneeAvatars } from './assignee-avatars'
import { ClockIcon, ScoreIcon } from './icons'
import { TierBadge } from './tier-badge'

interface Props {
  client: Client
  members: Map<string, Member>
  now: Date
}

export function ClientCard({ client, members, now }: Props) {
  const { t, plural, number, date } = useI18n()
  const days = calendarDaysSince(client.enteredStageAt, now)
  const scoreTitle =
    client.score === null ? t('card.score.none') : t('card.score', { n: client.score })

  return (
    <article class="card" data-client-id={client.id}>
      <header class="card__title">
        <TierBadge tier={client.tier} />
        <h3 class="card__name">{client.name}</h3>
      </header>
      <p class="card__company">{client.company}</p>
      <footer class="card__meta">
        <span class="card__stat" title={scoreTitle} aria-label={scoreTitle}>
          <ScoreIcon />
          {client.score === null ? '—' : number(client.score)}
        </span>
        <span
          class="card__stat"
          title={`${plural('count.days', days)} · ${t('card.days.title', { date: date(client.enteredStageAt) })}`}
        >
          <ClockIcon />
          {plural('count.days.short', days)}
        </span>
        <AssigneeAvatars assignees={client.assignees} members={members} />
      </footer>
    </article>
  )
}
