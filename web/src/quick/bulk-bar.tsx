import { useState } from 'preact/hooks'
import type { BoardModel } from '../board/board-model'
import type { BoardStore } from '../board/board-store'
import { ask } from '../components/confirm-dialog'
import { patchClient } from '../api/clients'
import { useI18n } from '../i18n'
import { BulkAssign } from './bulk-assign'
import { runBulk, type BulkStep } from './bulk'
import type { QuickActions } from './quick-context'
import { useSelection } from './selection-store'

interface Props {
  quick: QuickActions
  model: BoardModel
  store: BoardStore
}

/** What to do with the picked cards: move, assign (leads), archive, or let go of them. */
export function BulkBar({ quick, model, store }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const { selection } = quick
  const count = useSelection(selection, (s) => s.selected.size)
  const [assigning, setAssigning] = useState(false)
  const [busy, setBusy] = useState(false)

  const run = async (step: BulkStep, done: Parameters<typeof runBulk>[4]) => {
    setBusy(true)
    await runBulk(store, selection, step, i18n, done)
    setBusy(false)
  }
  if (count === 0) return null
  return (
    <div class="bulk-bar" role="region" aria-label={t('quick.bulk.label')}>
      <span class="bulk-bar__count" aria-live="polite">
        {t('quick.bulk.count', { n: count })}
      </span>
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={() => quick.pickStage([...selection.selected])}
      >
        {t('quick.menu.move')}
      </button>
      {quick.canAssign && (
        <button type="button" class="button" disabled={busy} onClick={() => setAssigning(true)}>
          {t('quick.bulk.assign')}
        </button>
      )}
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={async () => {
          const ok = await ask({
            title: t('quick.bulk.archive.title', { n: count }),
            message: t('quick.bulk.archive.message'),
            confirm: t('quick.menu.archive'),
            cancel: t('assign.cancel'),
          })
          if (ok) {
            await run(
              (client) => () => patchClient(client.id, { archived: true, version: client.version }),
              'quick.bulk.archived',
            )
          }
        }}
      >
        {t('quick.menu.archive')}
      </button>
      <button type="button" class="link-button" onClick={() => selection.clear()}>
        {t('quick.bulk.clear')}
      </button>
      {assigning && (
        <BulkAssign
          model={model}
          count={count}
          onClose={() => setAssigning(false)}
          onAssign={(step) => {
            setAssigning(false)
            void run(step, 'quick.bulk.assigned')
          }}
        />
      )}
    </div>
  )
}
