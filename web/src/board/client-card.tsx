import { memo } from 'preact/compat'
import { useMemo } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { Role, Stage } from '../../../schema/journey'
import type { Member } from '../../../schema/members'
import type { Calendar } from '../../../shared/clock'
import { slaProgress } from './working-days'
import { useI18n } from '../i18n'
import { AssigneeAvatars } from './assignee-avatars'
import { CardExtras } from './card-extras'
import { ClockIcon, ScoreIcon } from '../components/icons'
import { FlagBadges, KamBadge } from './record-badges'
import { TierBadge } from '../components/tier-badge'
import './client-card.css'

interface Props {
  client: Client
  stage: Stage
  members: Map<string, Member>
  roles: Map<string, Role>
  now: Date
  calendar: Calendar
}

/** A client card as drawn on the board and under the pointer while dragging. */
export const ClientCard = memo(function ClientCard(props: Props) {
  const { client, stage, members, roles, now, calendar } = props
  const { t, plural, number, date } = useI18n()
  // Counting working time walks the calendar day by day: not again for a hover or a drag frame.
  const { enteredStageAt, dueAt, overdueLevel } = client
  const sla = useMemo(
    () => slaProgress({ enteredStageAt, dueAt, overdueLevel }, stage.slaDays, now, calendar),
    [enteredStageAt, dueAt, overdueLevel, stage.slaDays, now, calendar],
  )
  const days = Math.floor(sla.days)
  const scoreTitle =
    client.score === null ? t('card.score.none') : t('card.score', { n: client.score })
  const slaTitle = t('card.sla.title', {
    days: plural('count.workingDays', days),
    sla: plural('count.workingDays', stage.slaDays),
    date: date(client.enteredStageAt),
  })
  const overdue = sla.level > 0 && t(sla.level === 2 ? 'card.overdue2' : 'card.overdue')

  return (
    <article
      class={`card card--${sla.state}${sla.level === 2 ? ' card--over2' : ''}`}
      data-client-id={client.id}
      data-overdue-level={sla.level}
    >
      <header class="card__title">
        <TierBadge tier={client.tier} />
        <h3 class="card__name" title={client.name}>
          {client.name}
        </h3>
        {client.kam && <KamBadge quadrant={client.kam} />}
        {overdue && (
          <span
            class={`card__overdue card__overdue--${sla.level}`}
            title={overdue}
            role="img"
            aria-label={overdue}
          >
            {sla.level === 2 ? '!!' : '!'}
          </span>
        )}
      </header>
      <div class="card__line">
        <p class="card__company" title={client.company}>
          {client.company}
        </p>
        <FlagBadges flags={client.flags} />
      </div>
      <CardExtras client={client} now={now} />
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
        <AssigneeAvatars
          acting={client.acting}
          roles={stage.roles}
          roleNames={roles}
          members={members}
        />
      </footer>
    </article>
  )
})
