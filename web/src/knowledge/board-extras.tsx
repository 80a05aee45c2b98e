import type { BoardModel } from '../board/board-model'
import { CloseIcon } from '../components/icons'
import { useI18n } from '../i18n'
import { navigate, withParam, type Place } from '../routing/nav'
import type { HighlightState } from '../onboarding/board-guidance'
import './board-links.css'

/**
 * The filter bar's knowledge-base controls: the chip of a stage opened from an article (the
 * board narrowed to that column), and the newcomer's "my stages" highlight toggle.
 */
export function BoardExtras({
  place,
  model,
  highlight,
}: {
  place: Place
  model: BoardModel
  highlight: HighlightState
}) {
  const { t, text } = useI18n()
  const stageId = place.search.get('stage')
  const stage = stageId ? model.stages.get(stageId) : undefined
  const focused = stage && place.search.get('phase') === stage.phaseId
  return (
    <>
      {focused && (
        <button
          type="button"
          class="chip chip--focus"
          aria-pressed="true"
          title={t('kb.board.stage.clear')}
          onClick={() => navigate(withParam(place, 'stage', null))}
        >
          {t('kb.board.stage', { name: text(stage.name) })}
          <CloseIcon />
        </button>
      )}
      {highlight.available && (
        <button
          type="button"
          class="chip chip--onboarding"
          aria-pressed={highlight.on}
          title={t('onboarding.highlight.title', { n: highlight.count })}
          onClick={highlight.toggle}
        >
          <span class="chip__swatch" aria-hidden="true" />
          {t('onboarding.highlight')}
        </button>
      )}
    </>
  )
}
