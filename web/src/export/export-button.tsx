import { useI18n } from '../i18n'
import { downloadText, exportName } from './download'
import './export.css'

interface Props {
  /** The file's name without the date: "board", "team", "history". */
  name: string
  /** Builds the CSV when clicked, from what the page shows now. */
  csv: () => string
}

/** "CSV ↓": downloads what the list shows, for Excel in the user's language. */
export function ExportButton({ name, csv }: Props) {
  const { t } = useI18n()
  return (
    <button
      type="button"
      class="button export-button"
      title={t('export.title')}
      onClick={() => downloadText(exportName(name), csv())}
    >
      {t('export.csv')}
    </button>
  )
}
