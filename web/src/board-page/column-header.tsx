import type { Stage } from '../../../schema/journey'
import { useBoard } from '../board/board-context'
import { StageRoles } from '../board/stage-roles'
import { BoltIcon, FunnelIcon, TimerIcon } from '../components/icons'
import { useI18n } from '../i18n'
import { StageGuideLink } from '../knowledge/stage-guide-link'
import { AddCardButton } from '../quick/add-card-button'

interface Props {
  stage: Stage
  /** Live cards in the column, filters aside. */
  count: number
  /** Cards the filters hide. */
  hidden: number
  /** With the add button, the roles and the SLA line; without, a column not yet in view. */
  details: boolean
}

/** A column's name and count, then (once drawn) what it adds, who works it and its SLA. */
export function ColumnHeader({ stage, count, hidden, details }: Props) {
  const { t, text, plural, number } = useI18n()
  const board = useBoard()
  const limit = stage.wipLimit
  const over = limit !== null && count > limit
  const full = limit !== null && count === limit
  const countTitle =
    limit === null
      ? t('stage.count.title', { n: count })
      : t(over ? 'stage.wip.over' : 'stage.wip.title', { n: count, limit })

  return (
    <header class="column__header">
      <div class="column__heading">
        <h3 class="column__name" title={text(stage.description) || undefined}>
          {text(stage.name)}
        </h3>
        <span
          class={`count${over ? ' count--over' : full ? ' count--full' : ''}`}
          title={countTitle}
          aria-label={countTitle}
        >
          {limit === null ? number(count) : `${number(count)} / ${number(limit)}`}
        </span>
        {details && <AddCardButton stage={stage} />}
      </div>
      {details && (
        <>
          <StageRoles roles={stage.roles} lookup={board.roles} />
          <div class="column__foot">
            <span
              class="sla"
              title={t('stage.sla.title', { days: plural('count.workingDays', stage.slaDays) })}
            >
              <TimerIcon />
              {t('stage.sla', { n: stage.slaDays })}
            </span>
            {stage.automationCount > 0 && (
              <span
                class="sla stage-automations"
                title={t('stage.automations', { n: stage.automationCount })}
                aria-label={t('stage.automations', { n: stage.automationCount })}
              >
                <BoltIcon />
                {number(stage.automationCount)}
              </span>
            )}
            <StageGuideLink stage={stage} />
            {hidden > 0 && (
              <span
                class="column__hidden"
                title={t('stage.hidden', { n: hidden })}
                aria-label={t('stage.hidden', { n: hidden })}
              >
                <FunnelIcon />
                {number(hidden)}
              </span>
            )}
          </div>
        </>
      )}
    </header>
  )
}
