import { useEffect, useState } from 'preact/hooks'
import type { KamMissing } from '../../../schema/kam'
import { listUnassessed } from '../api/kam-flags'
import { useI18n } from '../i18n'
import { navigate } from '../routing/nav'
import './kam-missing.css'

const cardUrl = (clientId: string) => `/?card=${encodeURIComponent(clientId)}`

/** The lead's key (tier A) accounts that have no KAM quadrant yet; each opens its card. */
export function KamMissingPanel() {
  const { t, number } = useI18n()
  const [clients, setClients] = useState<KamMissing[] | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    listUnassessed(abort.signal)
      .then(setClients)
      .catch(() => setClients([]))
    return () => abort.abort()
  }, [])

  return (
    <section class="kam-missing" aria-labelledby="kam-missing-title" data-section="kam-missing">
      <h2 id="kam-missing-title" class="kam-missing__title">
        {t('team.kamMissing')}
        {clients && clients.length > 0 && (
          <span class="kam-missing__count">{number(clients.length)}</span>
        )}
      </h2>
      <p class="kam-missing__hint">{t('team.kamMissing.hint')}</p>
      {clients === null ? (
        <p class="kam-missing__empty">{t('app.loading')}</p>
      ) : clients.length === 0 ? (
        <p class="kam-missing__empty">{t('team.kamMissing.empty')}</p>
      ) : (
        <ul class="kam-missing__list">
          {clients.map((c) => (
            <li key={c.clientId} data-client-id={c.clientId}>
              <a
                href={cardUrl(c.clientId)}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
                  event.preventDefault()
                  navigate(cardUrl(c.clientId))
                }}
              >
                {c.company}
              </a>
              <span class="kam-missing__name"> · {c.name}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
