import type { Client } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import { toCsv, type CsvColumn } from '../../../shared/csv-write'
import type { Columns } from '../board/board-state'
import type { BoardModel } from '../board/board-model'
import type { I18n } from '../i18n'

/** The board's cards that pass the filters, in journey order, as CSV. */
export function boardCsv(
  columns: Columns,
  model: BoardModel,
  shows: (client: Client, stage: Stage) => boolean,
  i18n: I18n,
): string {
  const { t, text } = i18n
  const name = (id: string | null) => (id ? (model.members.get(id)?.name ?? id) : '')
  const rows = model.phases.flatMap((p) =>
    p.stages.flatMap((stage) =>
      (columns.get(stage.id) ?? [])
        .filter((c) => shows(c, stage))
        .map((client) => ({ client, stage, phase: p.phase })),
    ),
  )
  type Row = (typeof rows)[number]
  const cols: CsvColumn<Row>[] = [
    { header: t('export.col.client'), value: (r) => r.client.name },
    { header: t('export.col.company'), value: (r) => r.client.company },
    { header: t('export.col.tier'), value: (r) => r.client.tier },
    { header: t('export.col.score'), value: (r) => r.client.score },
    { header: t('export.col.phase'), value: (r) => text(r.phase.name) },
    { header: t('export.col.stage'), value: (r) => text(r.stage.name) },
    { header: t('export.col.owner'), value: (r) => name(r.client.acting.owner) },
    { header: t('export.col.communicator'), value: (r) => name(r.client.acting.communicator) },
    { header: t('export.col.support'), value: (r) => name(r.client.acting.support) },
    { header: t('export.col.inStageSince'), value: (r) => r.client.enteredStageAt.slice(0, 10) },
    { header: t('export.col.overdue'), value: (r) => r.client.overdueLevel },
  ]
  return toCsv(rows, cols, i18n.locale)
}
