import { useEffect, useRef, useState } from 'preact/hooks'
import type { Client, Tier } from '../../../schema/clients'
import type { Journey, Stage } from '../../../schema/journey'
import { ApiError } from '../api/client'
import { createClient } from '../api/clients'
import { getJourney } from '../api/journey'
import { roleNameMap, stageRoleIds } from '../assign/account-manager'
import { LazyAssignDialog } from '../assign/lazy-assign-dialog'
import { toast } from '../components/toasts'
import { TierScoreFields } from '../components/tier-score-fields'
import { useI18n } from '../i18n'
import { firstStage, newClientProblem } from './new-client-draft'

type Step =
  | { step: 'closed' }
  | { step: 'form' }
  | { step: 'assign'; client: Client; stage: Stage; journey: Journey }

/**
 * A lead signs a new client: the client is created in the journey's first stage, then the
 * assignment dialog opens for its owner with the ranked suggestions.
 */
export function NewClientButton({ onDone }: { onDone: () => void }) {
  const { t } = useI18n()
  const [state, setState] = useState<Step>({ step: 'closed' })
  return (
    <>
      <button
        type="button"
        class="button button--primary team__new"
        onClick={() => setState({ step: 'form' })}
      >
        {t('team.newClient')}
      </button>
      {state.step === 'form' && (
        <NewClientForm
          onCancel={() => setState({ step: 'closed' })}
          onCreated={(client, stage, journey) =>
            setState({ step: 'assign', client, stage, journey })
          }
        />
      )}
      {state.step === 'assign' && (
        <LazyAssignDialog
          client={state.client}
          roleId={state.stage.roles.owner}
          roleIds={stageRoleIds(state.stage)}
          roleNames={roleNameMap(state.journey.roles)}
          onClient={(client) => setState((s) => (s.step === 'assign' ? { ...s, client } : s))}
          onClose={() => {
            setState({ step: 'closed' })
            onDone()
          }}
        />
      )}
    </>
  )
}

interface FormProps {
  /** False for a member, who creates the client and leaves choosing people to the lead. */
  assigns?: boolean
  /** The column the card goes on top of (the board's "add a card"); else the first stage. */
  stage?: Stage
  onCancel: () => void
  onCreated: (client: Client, stage: Stage, journey: Journey) => void
}

/** The new client's name, company, tier and score; created in the journey's first stage. */
export function NewClientForm({ assigns = true, stage: column, onCancel, onCreated }: FormProps) {
  const { t, text } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const [name, setName] = useState('')
  const [company, setCompany] = useState('')
  const [tier, setTier] = useState<Tier>('B')
  const [score, setScore] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [journey, setJourney] = useState<Journey | null>(null)

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    const abort = new AbortController()
    getJourney(abort.signal)
      .then(setJourney)
      .catch(() => undefined) // asked again on submit
    return () => {
      abort.abort()
      el?.close()
    }
  }, [])

  const problem = newClientProblem({ name, company, score })
  const stage = column ?? (journey ? firstStage(journey) : null)

  const submit = async (event: Event) => {
    event.preventDefault()
    setTried(true)
    if (problem) return
    setBusy(true)
    setError(null)
    try {
      const map = journey ?? (await getJourney())
      const first = column ?? firstStage(map)
      if (!first) throw new Error(t('team.newClient.noStage'))
      const client = await createClient({
        // On top of its column: a board shows a column's first cards, so a new one is seen at once.
        atTop: true,
        name: name.trim(),
        company: company.trim(),
        tier,
        score: score.trim() === '' ? null : Number(score),
        stageId: first.id,
      })
      toast(t('team.newClient.created', { name: client.name, stage: text(first.name) }), 'success')
      onCreated(client, first, map)
    } catch (e) {
      setBusy(false)
      if (e instanceof ApiError && e.status === 401) return
      setError(
        e instanceof ApiError && e.code === 'forbidden'
          ? t('drawer.forbidden')
          : t('team.newClient.failed', { reason: e instanceof Error ? e.message : String(e) }),
      )
    }
  }

  return (
    <dialog
      ref={dialog}
      class="new-client"
      aria-labelledby="new-client-title"
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="new-client-title" class="new-client__title">
          {t('team.newClient.title')}
        </h2>
        <p class="new-client__hint">
          {!assigns
            ? t('team.newClient.hintMember', { stage: stage ? text(stage.name) : '…' })
            : stage
              ? t('team.newClient.hint', { stage: text(stage.name) })
              : t('team.newClient.hintAny')}
        </p>
        <label class="field">
          <span class="field__label">{t('drawer.field.name')}</span>
          <input
            class="input"
            value={name}
            maxLength={200}
            required
            aria-invalid={tried && !name.trim()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">{t('drawer.field.company')}</span>
          <input
            class="input"
            value={company}
            maxLength={200}
            required
            aria-invalid={tried && !company.trim()}
            onInput={(e) => setCompany(e.currentTarget.value)}
          />
        </label>
        <TierScoreFields
          tier={tier}
          score={score}
          onTier={setTier}
          onScore={setScore}
          scoreInvalid={tried && problem === 'score'}
        />
        {tried && problem && (
          <p class="new-client__error" role="alert">
            {t(
              problem === 'score' ? 'team.newClient.error.score' : 'team.newClient.error.required',
            )}
          </p>
        )}
        {error && (
          <p class="new-client__error" role="alert">
            {error}
          </p>
        )}
        <div class="form__actions">
          <button type="button" class="button" onClick={onCancel}>
            {t('assign.cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy
              ? t('drawer.saving')
              : t(assigns ? 'team.newClient.submit' : 'team.newClient.create')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
