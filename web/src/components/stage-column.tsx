import type { Member } from '../../../schema/members'
import type { Role } from '../../../schema/journey'
import type { BoardStage } from '../board/board-model'
import { useI18n } from '../i18n'
import { ClientCard } from './client-card'
import { TimerIcon } from './icons'
import { StageRoles } from './stage-roles'

interface Props {
  column: BoardStage
  roles: Map<string, Role>
  members: Map<string, Member>
  now: Date
}

export function StageColumn({ column, roles, members, now }: Props) {
  const { t, text, plural, number } = useI18n()
  const { stage, clients } = column
  const count = clients.length
  const limit = stage.wipLimit
  const over = limit !== null && count > limit
  const countTitle =
    limit === null
      ? t('stage.count.title', { n: count })
      : t(over ? 'stage.wip.over' : 'stage.wip.title', { n: count, limit })
  const slaTitle = t('stage.sla.title', { days: plural('count.workingDays', stage.slaDays) })

  return (
    <section class="column" data-stage-id={stage.id} aria-label={text(stage.name)}>
      <header class="column__header">
        <div class="column__heading">
          <h2 class="column__name" title={text(stage.description) || undefined}>
            {text(stage.name)}
          </h2>
          <span
            class={`count${over ? ' count--over' : limit !== null && count === limit ? ' count--full' : ''}`}
            title={countTitle}
            aria-label={countTitle}
          >
            {limit === null ? number(count) : `${number(count)} / ${number(limit)}`}
          </span>
        </div>
        <StageRoles roles={stage.roles} lookup={roles} />
        <span class="sla" title={slaTitle}>
          <TimerIcon />
          {t('stage.sla', { n: stage.slaDays })}
        </span>
      </header>
      <div class="column__cards">
        {clients.length === 0 ? (
          <p class="column__empty">{t('stage.empty')}</p>
        ) : (
          clients.map((client) => (
            <ClientCard key={client.id} client={client} members={members} now={now} />
          ))
        )}
      </div>
    </section>
  )
}
