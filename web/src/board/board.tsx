import { PhaseGroup } from '../components/phase-group'
import { useI18n } from '../i18n'
import type { BoardModel } from './board-model'

/** The whole journey, phase by phase; scrolls sideways, each column scrolls on its own. */
export function Board({ model, now }: { model: BoardModel; now: Date }) {
  const { t } = useI18n()
  return (
    <main class="board" aria-label={t('board.label')}>
      {model.phases.map((group, index) => (
        <PhaseGroup
          key={group.phase.id}
          group={group}
          index={index}
          roles={model.roles}
          members={model.members}
          now={now}
        />
      ))}
    </main>
  )
}
