import type { Client } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import type { BoardModel } from '../board/board-model'
import type { BoardStore } from '../board/board-store'
import { useI18n } from '../i18n'
import { boardCsv } from './board-csv'
import { ExportButton } from './export-button'

interface Props {
  store: BoardStore
  model: BoardModel
  shows: (client: Client, stage: Stage) => boolean
}

/** The board's export: the cards the filters show, as they are at the click. */
export function BoardExport({ store, model, shows }: Props) {
  const i18n = useI18n()
  return <ExportButton name="board" csv={() => boardCsv(store.snapshot, model, shows, i18n)} />
}
