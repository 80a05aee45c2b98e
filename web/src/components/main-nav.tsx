import { useI18n, type MessageKey } from '../i18n'
import { navigate } from '../nav'
import { KB_PATH } from '../knowledge/kb-routes'
import { ONBOARDING_PATH } from '../onboarding/onboarding-route'
import { REPORTS_PATH } from '../reports/reports-route'
import { TEAM_PATH } from '../team/team-route'
import { MY_TASKS_PATH } from '../my-tasks/my-tasks-route'
import { can, type User } from '../api/auth'
import { DATA_PATH } from '../data/data-route'
import './main-nav.css'

const LINKS: readonly { path: string; label: MessageKey }[] = [
  { path: '/', label: 'nav.board' },
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
  const links = can.assign(user) ? [...LINKS, DATA_LINK] : LINKS
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
