import { useEffect, useState } from 'preact/hooks'
import { LABEL_COLORS, type Label, type LabelColor } from '../../../schema/labels'
import { ApiError } from '../api/client'
import { createLabel, deleteLabel, listLabels, patchLabel } from '../api/labels'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import '../labels/labels.css'
import { setLabels } from '../labels/label-store'
import { reportFailure } from '../components/save-failure'

interface RowProps {
  label: Label | null
  onSaved: (label: Label) => void
  onRemoved?: () => void
}

/** One label's name and colour, saved with the version it was read at (or a new label). */
function LabelRow({ label, onSaved, onRemoved }: RowProps) {
  const { t } = useI18n()
  const [name, setName] = useState(label?.name ?? '')
  const [color, setColor] = useState<LabelColor>(label?.color ?? 'blue')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setName(label?.name ?? '')
    setColor(label?.color ?? 'blue')
  }, [label?.version])
  const changed = !label || name.trim() !== label.name || color !== label.color
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      if (e instanceof ApiError && e.code === 'name_taken') setError(t('labels.admin.taken'))
      else if (e instanceof ApiError && e.status === 422) setError(e.message)
      else reportFailure(e, t('labels.admin.conflict'), t)
    }
    setBusy(false)
  }
  const save = () =>
    run(async () => {
      const saved = label
        ? await patchLabel(label.id, { version: label.version, name: name.trim(), color })
        : await createLabel({ name: name.trim(), color })
      onSaved(saved)
      if (!label) setName('')
    })
  return (
    <form
      class="label-admin__row"
      onSubmit={(event) => {
        event.preventDefault()
        if (name.trim() && changed) void save()
      }}
    >
      <span class={`label label--${color} label-admin__preview`} aria-hidden="true">
        {name.trim() || t('labels.admin.preview')}
      </span>
      <input
        class="input"
        value={name}
        maxLength={40}
        placeholder={t('labels.admin.name')}
        aria-label={t('labels.admin.name')}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <select
        class="select"
        value={color}
        aria-label={t('labels.admin.color')}
        onChange={(e) => setColor(e.currentTarget.value as LabelColor)}
      >
        {LABEL_COLORS.map((c) => (
          <option key={c} value={c}>
            {t(`labels.color.${c}`)}
          </option>
        ))}
      </select>
      <button type="submit" class="button" disabled={busy || !name.trim() || !changed}>
        {label ? t('labels.admin.save') : t('labels.admin.add')}
      </button>
      {label && onRemoved && (
        <button
          type="button"
          class="link-button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await deleteLabel(label)
              onRemoved()
            })
          }
        >
          {t('labels.admin.remove')}
        </button>
      )}
      {error && (
        <p class="field__error label-admin__error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

/** The admin's list of labels: add, rename, recolour, remove (which takes it off every card). */
export function LabelsAdmin() {
  const [list, setList] = useState<Label[] | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const abort = new AbortController()
    listLabels(abort.signal)
      .then(setList)
      .catch((error: unknown) => !abort.signal.aborted && setFailed(error))
    return () => abort.abort()
  }, [attempt])
  const update = (next: Label[]) => {
    const sorted = [...next].sort((a, b) => a.name.localeCompare(b.name))
    setList(sorted)
    setLabels(sorted)
  }
  if (failed) return <ErrorState error={failed} onRetry={() => setAttempt((n) => n + 1)} />
  if (!list) return <LoadingState />
  return (
    <div class="label-admin">
      {list.map((l) => (
        <LabelRow
          key={l.id}
          label={l}
          onSaved={(saved) => update(list.map((x) => (x.id === saved.id ? saved : x)))}
          onRemoved={() => update(list.filter((x) => x.id !== l.id))}
        />
      ))}
      <LabelRow label={null} onSaved={(saved) => update([...list, saved])} />
    </div>
  )
}
