import { useEffect, useState } from 'preact/hooks'
import type { MyTask } from '../../../schema/my-tasks'
import type { User } from '../api/auth'
import { myTasks } from '../api/record'
import { ExportButton } from '../export/export-button'
import { myTasksCsv } from '../export/list-csv'
import { useI18n } from '../i18n'
import { cardHref } from '../inbox/notification-view'
import { navigate } from '../routing/nav'
import { today } from '../record/record-errors'
import '../record/record.css'

/** My open tasks, soonest first; each opens its card on the board. */
export default function MyTasksPage({ user }: { user: User }) {
  const i18n = useI18n()
  const { t, date } = i18n
  const [tasks, setTasks] = useState<MyTask[] | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    const abort = new AbortController()
    myTasks(abort.signal)
      .then(setTasks)
      .catch(() => setFailed(true))
    return () => abort.abort()
  }, [])
  const now = today()
  return (
    <main class="my-tasks">
      <header class="export-head">
        <h1 class="my-tasks__title">{t('myTasks.title')}</h1>
        {tasks && tasks.length > 0 && (
          <ExportButton name="my-tasks" csv={() => myTasksCsv(tasks, now, i18n)} />
        )}
      </header>
      {!user.memberId ? (
        <p class="drawer__empty">{t('myTasks.noMember')}</p>
      ) : failed ? (
        <p class="drawer__empty">{t('myTasks.failed')}</p>
      ) : tasks === null ? (
        <p class="drawer__empty">{t('app.loading')}</p>
      ) : tasks.length === 0 ? (
        <p class="drawer__empty">{t('myTasks.empty')}</p>
      ) : (
        <ul class="my-tasks__list">
          {tasks.map((task) => {
            const href = cardHref({ path: '/tasks', search: new URLSearchParams() }, task.clientId)
            const late = task.dueDate !== null && task.dueDate < now
            return (
              <li key={task.id} class="my-tasks__item">
                <a
                  href={href}
                  class="my-tasks__link"
                  onClick={(event) => {
                    if (event.button !== 0 || event.metaKey || event.ctrlKey) return
                    event.preventDefault()
                    navigate(href)
                  }}
                >
                  <span class="my-tasks__task">{task.title}</span>
                  <span class="my-tasks__client">{task.clientName}</span>
                </a>
                {task.dueDate && (
                  <span class={`my-tasks__due${late ? ' my-tasks__due--late' : ''}`}>
                    {t(late ? 'myTasks.overdue' : 'myTasks.due', {
                      date: date(`${task.dueDate}T12:00:00`),
                    })}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </main>
  )
}
