import type { Stage } from '../../../schema/journey'
import { useI18n } from '../i18n'
import { useGuidanceRoles } from '../onboarding/board-guidance'
import { followLink } from '../routing/follow-link'
import { viewerRole } from './guide-role'
import { BookIcon } from './kb-icons'
import { kbUrl } from '../routing/kb-paths'
import './board-links.css'

/** The small "regulation" link in a column header: the stage's instruction for my role. */
export function StageGuideLink({ stage }: { stage: Stage }) {
  const { t, text } = useI18n()
  const url = kbUrl.stage(stage.id, viewerRole(stage.roles, useGuidanceRoles()))
  const title = t('kb.column.guide.title', { stage: text(stage.name) })
  return (
    <a class="column__guide" href={url} title={title} aria-label={title} onClick={followLink(url)}>
      <BookIcon />
      {t('kb.column.guide')}
    </a>
  )
}
