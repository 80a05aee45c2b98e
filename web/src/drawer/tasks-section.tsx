import { useEffect, useState } from 'preact/hooks'
import type { Task } from '../../../schema/tasks'
import { ApiError } from '../api/client'
import { createTask, listTasks, patchTask } from '../api/tasks'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'

interface Props {
  clientId: string
  editable: boolean
  /** Changes when someone else changed the checklist: load it again. */
  refresh?: number
}

/** The client's checklist: tick items off, add new ones. */
export function TasksSection({ clientId, editable, refresh = 0 }: Props) {
  const { t, plural, date } = useI18n()
  const [tasks, setTasks] = useState<Task[] | null>(null)
  const [title, setTitle] = useState('')
  const [adding, setAdding] = useState(false)

  useEffect(() => {
    const abort = new AbortController()
    listTasks(clientId, abort.signal)
      .then(setTasks)
      .catch(() => setTasks([]))
    return () => abort.abort()
  }, [clientId, refresh])

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) return
    const conflict = error instanceof ApiError && error.code === 'version_conflict'
    const forbidden = error instanceof ApiError && error.code === 'forbidden'
    toast(
      conflict ? t('tasks.conflict') : forbidden ? t('drawer.forbidden') : t('tasks.failed'),
      'error',
    )
  }

  const toggle = async (task: Task) => {
    const optimistic = { ...task, done: !task.done }
    setTasks((list) => list?.map((x) => (x.id === task.id ? optimistic : x)) ?? null)
    try {
      const saved = await patchTask(task.id, { version: task.version, done: !task.done })
      setTasks((list) => list?.map((x) => (x.id === task.id ? saved : x)) ?? null)
    } catch (error) {
      const current =
        error instanceof ApiError && typeof error.body.current === 'object'
          ? (error.body.current as Task)
          : task
      setTasks((list) => list?.map((x) => (x.id === task.id ? current : x)) ?? null)
      failed(error)
    }
  }

  const open = tasks?.filter((x) => !x.done).length ?? 0

  return (
    <section class="drawer__section" aria-labelledby="tasks-title">
      <h3 id="tasks-title" class="drawer__section-title">
        {t('drawer.tasks')}
        {tasks && <span class="drawer__count">{plural('count.openTasks', open)}</span>}
      </h3>
      {tasks === null ? (
        <p class="drawer__empty">{t('app.loading')}</p>
      ) : tasks.length === 0 ? (
        <p class="drawer__empty">{t('tasks.empty')}</p>
      ) : (
        <ul class="checklist">
          {tasks.map((task) => (
            <li key={task.id} class={`checklist__item${task.done ? ' checklist__item--done' : ''}`}>
              <label>
                <input
                  type="checkbox"
                  checked={task.done}
                  disabled={!editable}
                  onChange={() => void toggle(task)}
                />
                <span class="checklist__title">{task.title}</span>
              </label>
              {(task.dueDate || task.createdBy.kind === 'automation') && (
                <span class="checklist__meta">
                  {task.createdBy.kind === 'automation' && t('tasks.automation')}
                  {task.dueDate && t('tasks.due', { date: date(task.dueDate) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          class="checklist__add"
          onSubmit={async (event) => {
            event.preventDefault()
            const text = title.trim()
            if (!text) return
            setAdding(true)
            try {
              const task = await createTask(clientId, text)
              setTasks((list) => [...(list ?? []), task])
              setTitle('')
            } catch (error) {
              failed(error)
            }
            setAdding(false)
          }}
        >
          <input
            class="input"
            value={title}
            maxLength={500}
            placeholder={t('tasks.new')}
            aria-label={t('tasks.new')}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={adding || !title.trim()}>
            {t('tasks.add')}
          </button>
        </form>
      )}
    </section>
  )
}
