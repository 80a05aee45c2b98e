import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import { useI18n } from '../i18n'
import { BackupSection } from './backup-section'
import { ImportSection } from './import-section'
import './data.css'

/** Data in and out: the client import (leads, admins) and the whole backup (admins). */
export default function DataPage({ user }: { user: User }) {
  const { t } = useI18n()
  return (
    <main class="data" tabIndex={0}>
      <div class="data__inner">
        <h1 class="data__title">{t('data.title')}</h1>
        <ImportSection />
        {can(user.role, 'backup.manage') && <BackupSection />}
      </div>
    </main>
  )
}
