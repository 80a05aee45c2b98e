import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import { useI18n, type MessageKey } from '../i18n'
import { navigate } from '../routing/nav'
import {
  BOARD_PATH,
  DATA_PATH,
  KB_PATH,
  MY_TASKS_PATH,
  ONBOARDING_PATH,
  REPORTS_PATH,
  TEAM_PATH,
} from '../routing/paths'
import './main-nav.css'

const LINKS: readonly { path: string; label: MessageKey }[] = [
  { path: BOARD_PATH, label: 'nav.board' },
  { path: MY_TASKS_PATH, label: 'nav.myTasks' },
  { path: TEAM_PATH, label: 'nav.team' },
  { path: KB_PATH, label: 'nav.kb' },
  { path: ONBOARDING_PATH, label: 'nav.onboarding' },
  { path: REPORTS_PATH, label: 'nav.reports' },
]
/** Imports and backups: the leads' and admins' (the server agrees). */
const DATA_LINK = { path: DATA_PATH, label: 'nav.data' } as const

/** The app's sections, in the top bar; a plain click stays in the app. */
export function MainNav({ path, user }: { path: string; user: User }) {
  const { t } = useI18n()
  const links = can(user.role, 'imports.run') ? [...LINKS, DATA_LINK] : LINKS
  return (
    <nav class="main-nav" aria-label={t('nav.label')}>
      {links.map((link) => (
        <a
          key={link.path}
          class="main-nav__link"
          href={link.path}
          aria-current={
            path === link.path || (link.path !== '/' && path.startsWith(`${link.path}/`))
              ? 'page'
              : undefined
          }
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
            event.preventDefault()
            navigate(link.path)
          }}
        >
          {t(link.label)}
        </a>
      ))}
    </nav>
  )
}
