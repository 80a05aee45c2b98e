import { useI18n } from '../i18n'

interface Props {
  onLogCall: () => void
  onLogTime: () => void
  onArchive: () => void
}

/** Quick actions of the card, under its title: log a call, log time, archive with an outcome. */
export function RecordActions({ onLogCall, onLogTime, onArchive }: Props) {
  const { t } = useI18n()
  return (
    <div class="record-actions">
      <button type="button" class="button button--small" onClick={onLogCall}>
        {t('record.logCall')}
      </button>
      <button type="button" class="button button--small" onClick={onLogTime}>
        {t('record.logTime')}
      </button>
      <button type="button" class="button button--small" onClick={onArchive}>
        {t('record.archive')}
      </button>
    </div>
  )
}
