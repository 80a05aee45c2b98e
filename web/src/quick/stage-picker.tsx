import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { BoardModel } from '../board/board-model'
import { useI18n } from '../i18n'

interface Props {
  model: BoardModel
  /** What is being moved, for the title ("«Acme»" or "3 cards"). */
  title: string
  /** The stage the card is in now (listed, not pickable); null for several cards. */
  currentStageId: string | null
  onPick: (stageId: string) => void
  onClose: () => void
}

/**
 * "Move to stage…": the forty stages grouped by phase, narrowed as the user types. Arrow keys
 * walk the list, Enter picks, Escape closes; the focus stays in the search field throughout
 * (the list is its popup, announced through aria-activedescendant).
 */
export function StagePicker({ model, title, currentStageId, onPick, onClose }: Props) {
  const { t, text } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const [q, setQ] = useState('')
  const [active, setActive] = useState(0)

  useEffect(() => {
    const opener = document.activeElement
    const el = dialog.current
    if (el && !el.open) el.showModal()
    return () => {
      el?.close()
      // Back to the card or button it was opened from (a moved card's slot is a new element).
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [])

  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase()
    return model.phases
      .map((group) => {
        const phaseName = text(group.phase.name)
        const hit = phaseName.toLowerCase().includes(needle)
        const stages = group.stages.filter(
          (s) => !needle || hit || text(s.name).toLowerCase().includes(needle),
        )
        return { id: group.phase.id, index: group.index, name: phaseName, stages }
      })
      .filter((g) => g.stages.length > 0)
  }, [model, q, text])
  const choices = groups.flatMap((g) => g.stages).filter((s) => s.id !== currentStageId)
  const current = choices[Math.min(active, choices.length - 1)]
  useEffect(() => setActive(0), [q])
  useEffect(() => {
    if (current) document.getElementById(optionId(current.id))?.scrollIntoView({ block: 'nearest' })
  }, [current?.id])

  const onKey = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key]
    if (step) {
      event.preventDefault()
      setActive((i) => (Math.min(i, choices.length - 1) + step + choices.length) % choices.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (current) onPick(current.id)
    }
  }

  return (
    <dialog
      ref={dialog}
      class="stage-picker"
      aria-labelledby="stage-picker-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id="stage-picker-title" class="stage-picker__title">
        {t('quick.moveTo.title', { what: title })}
      </h2>
      <input
        class="input stage-picker__search"
        type="search"
        aria-label={t('quick.moveTo.search')}
        placeholder={t('quick.moveTo.search')}
        aria-controls="stage-picker-list"
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.id) : undefined}
        value={q}
        autoFocus
        onInput={(event) => setQ(event.currentTarget.value)}
        onKeyDown={onKey}
      />
      <div
        id="stage-picker-list"
        class="stage-picker__list"
        role="listbox"
        aria-label={t('quick.moveTo.list')}
        aria-activedescendant={current ? optionId(current.id) : undefined}
        tabIndex={0}
        onKeyDown={onKey}
      >
        {groups.map((group) => (
          <div key={group.id} role="group" aria-label={group.name} class="stage-picker__group">
            <div class="stage-picker__phase" aria-hidden="true">
              {group.index + 1}. {group.name}
            </div>
            {group.stages.map((stage) => {
              const here = stage.id === currentStageId
              return (
                <div
                  key={stage.id}
                  id={optionId(stage.id)}
                  role="option"
                  class={`stage-picker__option${stage === current ? ' stage-picker__option--active' : ''}`}
                  aria-selected={stage === current}
                  aria-disabled={here || undefined}
                  data-stage-id={stage.id}
                  onClick={() => !here && onPick(stage.id)}
                >
                  {text(stage.name)}
                  {here && <span class="stage-picker__here">{t('quick.moveTo.here')}</span>}
                </div>
              )
            })}
          </div>
        ))}
        {groups.length === 0 && <p class="stage-picker__none">{t('quick.moveTo.none')}</p>}
      </div>
      <div class="form__actions">
        <button type="button" class="button" onClick={onClose}>
          {t('assign.cancel')}
        </button>
      </div>
    </dialog>
  )
}

const optionId = (stageId: string) => `stage-option-${stageId}`
