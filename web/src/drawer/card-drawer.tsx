import { useEffect, useRef, useState } from 'preact/hooks'
import type { Client, ClientEvent, ClientPatch } from '../../../schema/clients'
import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import { clearPerson } from '../api/assignments'
import { ApiError } from '../api/client'
import { clientHistory, currentOf, getClient, patchClient } from '../api/clients'
import { roleNameMap, stageRoleIds } from '../assign/account-manager'
import { LazyAssignDialog } from '../assign/lazy-assign-dialog'
import type { BoardModel } from '../board/board-model'
import { locate, upsert } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import type { LiveBoard } from '../board/live-board'
import { CloseIcon } from '../components/icons'
import { TierBadge } from '../components/tier-badge'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { StageArticlesSection } from '../knowledge/stage-articles'
import { CycleSection } from './cycle-section'
import { DetailsSection } from './details-section'
import { FlagsSection } from './flags-section'
import { HistorySection } from './history-section'
import { KamSection } from './kam-section'
import { AttachmentsSection } from './attachments-section'
import { DueDateSection } from './due-date-section'
import { LabelsSection } from './labels-section'
import { MoveSection } from './move-section'
import { PeopleSection } from './people-section'
import { TasksSection } from './tasks-section'
import { ContactsSection } from './contacts-section'
import { DrawerTabs, type DrawerTab } from './drawer-tabs'
import { JournalSection } from './journal-section'
import { MoneySection } from './money-section'
import { RecordActions } from './record-actions'
import type { CardIntent } from '../board/board-context'
import type { JournalKind } from '../../../schema/journal'
import { ArchiveDialog } from '../record/archive-dialog'
import { TimeDialog } from '../record/time-dialog'
import { useRecord } from '../record/use-record'
import '../record/record.css'
import './card-drawer.css'

interface Props {
  clientId: string
  user: User
  model: BoardModel
  store: BoardStore
  /** Other people's changes: this card's history and tasks follow them. */
  live: LiveBoard | null
  onClose: () => void
  /** Opened from the card's menu to log a call or time: start there. */
  intent?: CardIntent
}

/**
 * The card opened, in tabs: Overview (details, money, KAM and flags, the stage's articles),
 * Journal, Contacts, People, Tasks, History. Each section is one line in its tab.
 */
export default function CardDrawer({ clientId, user, model, store, live, onClose, intent }: Props) {
  const i18n = useI18n()
  const { t, text } = i18n
  const [client, setClient] = useState<Client | undefined>(
    () => locate(store.snapshot, clientId)?.client,
  )
  const [missing, setMissing] = useState(false)
  const [events, setEvents] = useState<ClientEvent[] | null>(null)
  const [assigning, setAssigning] = useState<string | null>(null)
  /** Bumped when someone else changes this card's tasks: the checklist loads again. */
  const [tasksSeen, setTasksSeen] = useState(0)
  const closeRef = useRef<HTMLButtonElement>(null)
  const [tab, setTab] = useState<DrawerTab>(intent === 'call' ? 'journal' : 'overview')
  const [compose, setCompose] = useState<{ kind: JournalKind; n: number } | null>(
    intent === 'call' ? { kind: 'call', n: 1 } : null,
  )
  const [dialog, setDialog] = useState<'time' | 'archive' | null>(intent === 'time' ? 'time' : null)
  const record = useRecord(clientId)
  /** A write of the record moved the card's version: take the fresh card and history. */
  const recorded = () => {
    record.reload()
    getClient(clientId)
      .then((fresh) => {
        setClient(fresh)
        store.update((columns) => upsert(columns, fresh))
      })
      .catch(() => undefined)
    loadHistory()
  }

  const [olderFrom, setOlderFrom] = useState<number | null>(null)
  const loadHistory = () => {
    clientHistory(clientId)
      .then((page) => {
        setEvents(page.events)
        setOlderFrom(page.next)
      })
      .catch(() => setEvents([]))
  }
  const loadOlder = () => {
    if (olderFrom === null) return
    void clientHistory(clientId, olderFrom).then((page) => {
      setEvents((shown) => [...(shown ?? []), ...page.events])
      setOlderFrom(page.next)
    })
  }

  useEffect(() => {
    const abort = new AbortController()
    getClient(clientId, abort.signal)
      .then((fresh) => {
        setClient(fresh)
        store.update((columns) => upsert(columns, fresh))
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) setMissing(true)
      })
    loadHistory()
    // Follow the card on the board: a drag or another save gives it a newer version.
    const off = store.watch(() => {
      const found = locate(store.snapshot, clientId)?.client
      setClient((prev) => (found && (!prev || found.version > prev.version) ? found : prev))
    })
    return () => {
      abort.abort()
      off()
    }
  }, [clientId])

  useEffect(
    () =>
      live?.watchChanges((changes) => {
        const mine = changes.filter((c) => c.clientId === clientId)
        if (mine.some((c) => c.entity === 'client')) {
          loadHistory()
          record.reload()
        }
        if (mine.some((c) => c.entity === 'task')) setTasksSeen((n) => n + 1)
      }),
    [live, clientId],
  )

  useEffect(() => {
    const opener = document.activeElement
    closeRef.current?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) onClose()
    }
    addEventListener('keydown', onKey)
    return () => {
      removeEventListener('keydown', onKey)
      const card = document.querySelector<HTMLElement>(`[data-client-id="${CSS.escape(clientId)}"]`)
      const back = card?.closest<HTMLElement>('.card-slot') ?? opener
      if (back instanceof HTMLElement) back.focus()
    }
  }, [clientId])

  /** Saves a change with the version we hold; on a conflict, takes the server's copy. */
  const save = (patch: Omit<ClientPatch, 'version'>) =>
    write((c) => patchClient(c.id, { ...patch, version: c.version }))

  /** Runs a versioned write of the card; on a conflict, takes the server's copy. */
  const write = async (send: (c: Client) => Promise<Client>): Promise<boolean> => {
    if (!client) return false
    try {
      const updated = await send(client)
      setClient(updated)
      store.update((columns) => upsert(columns, updated))
      loadHistory()
      return true
    } catch (error) {
      const current = currentOf(error)
      if (current) {
        setClient(current)
        store.update((columns) => upsert(columns, current))
      }
      const code = error instanceof ApiError ? error.code : ''
      if (error instanceof ApiError && error.status === 401) return false
      toast(
        code === 'version_conflict'
          ? t('drawer.conflict')
          : code === 'forbidden'
            ? t('drawer.forbidden')
            : t('drawer.failed', {
                reason: error instanceof Error ? error.message : String(error),
              }),
        'error',
      )
      return false
    }
  }

  const stage = client ? model.stages.get(client.stageId) : undefined
  const phase = stage ? model.phases.find((p) => p.phase.id === stage.phaseId) : undefined

  return (
    <div
      class="drawer-backdrop"
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <div class="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-title">
        <header class="drawer__header">
          <div class="drawer__heading">
            {client && <TierBadge tier={client.tier} />}
            <div class="drawer__titles">
              <h2 id="drawer-title" class="drawer__title">
                {client?.name ?? (missing ? t('drawer.missing') : t('app.loading'))}
              </h2>
              {client && <p class="drawer__company">{client.company}</p>}
              {stage && (
                <p class="drawer__stage">
                  {phase ? `${text(phase.phase.name)} · ` : ''}
                  {text(stage.name)}
                </p>
              )}
            </div>
          </div>
          <button
            ref={closeRef}
            type="button"
            class="icon-button drawer__close"
            aria-label={t('drawer.close')}
            title={t('drawer.close')}
            onClick={onClose}
          >
            <CloseIcon />
          </button>
        </header>
        {client && stage && (
          <>
            {can(user.role, 'clients.write') && (
              <RecordActions
                onLogCall={() => {
                  setTab('journal')
                  setCompose((c) => ({ kind: 'call', n: (c?.n ?? 0) + 1 }))
                }}
                onLogTime={() => setDialog('time')}
                onArchive={() => setDialog('archive')}
              />
            )}
            <DrawerTabs active={tab} onChange={setTab} />
          </>
        )}
        {client && stage && (
          <div
            class="drawer__body"
            id="drawer-panel"
            role="tabpanel"
            aria-labelledby={`drawer-tab-${tab}`}
          >
            {tab === 'overview' && (
              <>
                <MoveSection client={client} />
                <DetailsSection
                  client={client}
                  editable={can(user.role, 'clients.write')}
                  onSave={save}
                />
                <LabelsSection
                  client={client}
                  editable={can(user.role, 'clients.write')}
                  onSave={save}
                />
                <DueDateSection
                  client={client}
                  editable={can(user.role, 'clients.write')}
                  onSave={save}
                />
                <MoneySection
                  clientId={client.id}
                  editable={can(user.role, 'clients.write')}
                  options={record.options}
                  refresh={record.seen}
                  onSaved={recorded}
                />
                {can(user.role, 'clients.write') && <CycleSection client={client} store={store} />}
                <FlagsSection
                  client={client}
                  model={model}
                  store={store}
                  editable={can(user.role, 'clients.write')}
                />
                <KamSection
                  client={client}
                  store={store}
                  editable={can(user.role, 'clients.write')}
                />
                <AttachmentsSection
                  clientId={client.id}
                  user={user}
                  refresh={events}
                  onChange={loadHistory}
                />
                <StageArticlesSection client={client} stage={stage} user={user} model={model} />
              </>
            )}
            {tab === 'journal' && (
              <JournalSection
                clientId={client.id}
                editable={can(user.role, 'clients.write')}
                mayCorrect={(e) => e.authorId === user.id || can(user.role, 'journal.correct-any')}
                contacts={record.contacts ?? []}
                compose={compose}
                refresh={record.seen}
                onSaved={recorded}
              />
            )}
            {tab === 'contacts' && (
              <ContactsSection
                clientId={client.id}
                editable={can(user.role, 'clients.write')}
                contacts={record.contacts}
                nps={record.nps}
                onChanged={recorded}
              />
            )}
            {tab === 'people' && (
              <PeopleSection
                client={client}
                stage={stage}
                model={model}
                editable={can(user.role, 'clients.assign')}
                onAssign={setAssigning}
                onClear={async (roleId) => {
                  await write((c) => clearPerson(c.id, roleId, c.version))
                }}
              />
            )}
            {tab === 'tasks' && (
              <TasksSection
                clientId={client.id}
                editable={can(user.role, 'clients.write')}
                refresh={tasksSeen}
              />
            )}
            {tab === 'history' && (
              <HistorySection
                events={events}
                model={model}
                onOlder={olderFrom === null ? undefined : loadOlder}
              />
            )}
          </div>
        )}
        {client && dialog === 'time' && (
          <TimeDialog clientId={client.id} onClose={() => setDialog(null)} onSaved={recorded} />
        )}
        {client && dialog === 'archive' && (
          <ArchiveDialog
            options={record.options}
            onClose={() => setDialog(null)}
            onArchive={async (outcome) => {
              const ok = await save({ archived: true, ...outcome })
              if (ok) onClose()
              return ok
            }}
          />
        )}
        {client && stage && assigning && (
          <LazyAssignDialog
            client={client}
            roleId={assigning}
            roleIds={stageRoleIds(stage)}
            roleNames={roleNameMap(model.roles.values())}
            onClient={(fresh) => {
              setClient(fresh)
              store.update((columns) => upsert(columns, fresh))
              loadHistory()
            }}
            onClose={() => setAssigning(null)}
          />
        )}
      </div>
    </div>
  )
}
