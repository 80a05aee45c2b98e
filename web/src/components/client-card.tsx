import { memo } from 'preact/compat'
import type { Client } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import type { Member } from '../../../schema/members'
import { slaProgress } from '../board/working-days'
import { useI18n } from '../i18n'
import { AssigneeAvatars } from './assignee-avatars'
import { ClockIcon, ScoreIcon } from './icons'
import { TierBadge } from './tier-badge'

interface Props {
  client: Client
  stage: Stage
  members: Map<string, Member>
  now: Date
}

/** A client card as drawn on the board and under the pointer while dragging. */
export const ClientCard = memo(function ClientCard({ client, stage, members, now }: Props) {
  const { t, plural, number, date } = useI18n()
  const sla = slaProgress(client.enteredStageAt, stage.slaDays, now, client.dueAt)
  const days = Math.floor(sla.days)
  const scoreTitle =
    client.score === null ? t('card.score.none') : t('card.score', { n: client.score })
  const slaTitle = t('card.sla.title', {
    days: plural('count.workingDays', days),
    sla: plural('count.workingDays', stage.slaDays),
    date: date(client.enteredStageAt),
  })
  const overdue = sla.state === 'over'

  return (
    <article class={`card card--${sla.state}`} data-client-id={client.id}>
      <header class="card__title">
        <TierBadge tier={client.tier} />
        <h3 class="card__name" title={client.name}>
          {client.name}
        </h3>
        {overdue && (
          <span
            class="card__overdue"
            title={t('card.overdue')}
            role="img"
            aria-label={t('card.overdue')}
          >
            !
          </span>
        )}
      </header>
      <p class="card__company" title={client.company}>
        {client.company}
      </p>
      <footer class="card__meta">
        <span class="card__stat" title={scoreTitle} aria-label={scoreTitle}>
          <ScoreIcon />
          {client.score === null ? '—' : number(client.score)}
        </span>
        <span class={`card__sla card__sla--${sla.state}`} title={slaTitle} aria-label={slaTitle}>
          <ClockIcon />
          {t('card.sla', { days, sla: stage.slaDays })}
          <span class="sla-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, Math.round(sla.share * 100))}%` }} />
          </span>
        </span>
        <AssigneeAvatars assignees={client.assignees} members={members} />
      </footer>
    </article>
  )
})
