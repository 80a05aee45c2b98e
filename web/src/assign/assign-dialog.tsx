import { useEffect, useRef, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { LocalizedText } from '../../../schema/common'
import { setPerson, suggest, type Candidate, type Suggestions } from '../api/assignments'
import { ApiError } from '../api/client'
import { currentOf } from '../api/clients'
import { CloseIcon } from '../components/icons'
import { TierBadge } from '../components/tier-badge'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { barScale } from '../load/load-format'
import { CandidateItem } from './candidate-item'
import { ExcludedList } from './excluded-list'
import './assign.css'

export interface AssignDialogProps {
  client: Client
  /** The journey role to fill first. */
  roleId: string
  /** The roles the dialog can switch between (the card's stage's roles); includes `roleId`. */
  roleIds: readonly string[]
  /** Journey role id → its name. */
  roleNames: ReadonlyMap<string, LocalizedText>
  /** The client as the server has it now: after the assignment, or after a conflict. */
  onClient: (client: Client) => void
  onClose: () => void
}

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; suggestions: Suggestions }

/**
 * Who should be the client's person for a journey role: the eligible members ranked by their
 * utilisation once they take it (the top one assigned in one click; anyone else with a reason),
 * and who is left out and why.
 */
export default function AssignDialog({
  client: given,
  roleId: first,
  roleIds,
  roleNames,
  onClient,
  onClose,
}: AssignDialogProps) {
  const i18n = useI18n()
  const { t, text } = i18n
  const [client, setClient] = useState(given)
  const [role, setRole] = useState(first)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [picked, setPicked] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const nameOf = (id: string) => {
    const name = roleNames.get(id)
    return name ? text(name) : id
  }

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    return () => el?.close()
  }, [])

  useEffect(() => {
    const abort = new AbortController()
    setPicked(null)
    suggest(client.id, role, abort.signal)
      .then((suggestions) => setLoad({ status: 'ready', suggestions }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return
        setLoad({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        })
      })
    return () => abort.abort()
  }, [client.id, role, attempt])

  const switchRole = (next: string) => {
    if (next === role) return
    setNotice(null)
    setLoad({ status: 'loading' })
    setRole(next)
  }

  /** Assigns a candidate; `reason` is for anyone but the top suggestion. */
  const choose = async (candidate: Candidate, reason?: string) => {
    setBusy(true)
    setNotice(null)
    try {
      const updated = await setPerson(client.id, role, {
        memberId: candidate.memberId,
        version: client.version,
        ...(reason ? { reason } : {}),
      })
      onClient(updated)
      toast(
        t('assign.done', { name: candidate.name, role: nameOf(role), client: client.name }),
        'success',
      )
      onClose()
    } catch (error) {
      setBusy(false)
      if (error instanceof ApiError && error.status === 401) return
      const current = currentOf(error)
      if (current) {
        setClient(current)
        onClient(current)
      }
      const code = error instanceof ApiError ? error.code : ''
      const field = error instanceof ApiError ? Object.keys(error.fields ?? {})[0] : undefined
      if (code === 'version_conflict') setNotice(t('assign.conflict'))
      else if (code === 'forbidden') setNotice(t('assign.forbidden'))
      else if (code === 'archived') setNotice(t('assign.archived'))
      else if (field === 'reason') setNotice(t('assign.reranked'))
      else if (field === 'memberId') setNotice(t('assign.notEligible', { name: candidate.name }))
      else {
        setNotice(t('assign.failed', { reason: error instanceof Error ? error.message : '' }))
        return
      }
      // The ranking the lead looked at is out of date: show the one that holds now.
      setAttempt((n) => n + 1)
    }
  }

  const holder = client.people[role] ?? null
  const ready = load.status === 'ready' ? load.suggestions : null
  const scale = barScale(ready?.candidates.map((c) => c.utilizationAfter) ?? [])
  const holderName =
    holder &&
    (ready?.candidates.find((c) => c.memberId === holder)?.name ??
      ready?.excluded.find((x) => x.memberId === holder)?.name)

  return (
    <dialog
      ref={dialog}
      class="assign"
      aria-labelledby="assign-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <header class="assign__header">
        <div class="assign__heading">
          <h2 id="assign-title" class="assign__title">
            {t('assign.title')}
          </h2>
          <p class="assign__client">
            <TierBadge tier={client.tier} />
            <span class="assign__client-name">{client.name}</span>
            <span class="assign__company">{client.company}</span>
          </p>
        </div>
        <button
          type="button"
          class="icon-button assign__close"
          aria-label={t('assign.close')}
          title={t('assign.close')}
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </header>

      <div class="assign__roles">
        <div class="segmented" role="group" aria-label={t('assign.role')}>
          {(roleIds.includes(role) ? roleIds : [role, ...roleIds]).map((id) => (
            <button
              key={id}
              type="button"
              class="segmented__option"
              aria-pressed={id === role}
              disabled={busy}
              onClick={() => switchRole(id)}
            >
              {nameOf(id)}
            </button>
          ))}
        </div>
        <p class="assign__slot">
          {holder
            ? t('assign.now', { name: holderName || t('assign.someone') })
            : t('assign.nobody')}
        </p>
      </div>

      {notice && (
        <p class="assign__notice" role="alert">
          {notice}
        </p>
      )}

      <div class="assign__body">
        {load.status === 'loading' && (
          <p class="assign__empty" role="status">
            <span class="spinner" aria-hidden="true" />
            {t('assign.loading')}
          </p>
        )}
        {load.status === 'error' && (
          <div class="assign__empty" role="alert">
            <p>{t('assign.loadFailed', { reason: load.message })}</p>
            <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('app.error.retry')}
            </button>
          </div>
        )}
        {ready && (
          <>
            <h3 class="assign__section-title">
              {t('assign.candidates')}
              <span class="assign__hint">{t('assign.ranking')}</span>
            </h3>
            {ready.candidates.length === 0 ? (
              <p class="assign__empty">{t('assign.none')}</p>
            ) : (
              <ol class="candidates">
                {ready.candidates.map((candidate, index) => (
                  <CandidateItem
                    key={candidate.memberId}
                    candidate={candidate}
                    rank={index + 1}
                    top={ready.candidates[0]}
                    holds={candidate.memberId === holder}
                    picked={picked === candidate.memberId}
                    busy={busy}
                    scale={scale}
                    onPick={(on) => setPicked(on ? candidate.memberId : null)}
                    onAssign={(reason) => void choose(candidate, reason)}
                  />
                ))}
              </ol>
            )}
            <ExcludedList
              excluded={ready.excluded}
              role={ready.client.part}
              tier={client.tier}
              roleName={nameOf(role)}
            />
          </>
        )}
      </div>

      <footer class="assign__footer">
        <button type="button" class="button" onClick={onClose}>
          {t('assign.close')}
        </button>
      </footer>
    </dialog>
  )
}
