import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../api/client'
import { getClient } from '../api/clients'
import { acceptProposal, dismissProposal, listProposals, type RebalanceProposal } from '../api/team'
import { toast } from '../components/toasts'
import { useI18n, type I18n } from '../i18n'
import { navigate } from '../routing/nav'
import { formatPercent } from '../load/load-format'
import { shiftOf } from './proposal-shift'

const cardUrl = (clientId: string) => `/?card=${encodeURIComponent(clientId)}`

/** A plain click opens the card on the board without reloading the app. */
const follow = (url: string) => (event: MouseEvent) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
  event.preventDefault()
  navigate(url)
}

/** What a refused decision means to the lead; the list is read again either way. */
function refusal(error: unknown, p: RebalanceProposal, { t }: I18n): string {
  const code = error instanceof ApiError ? error.code : ''
  switch (code) {
    case 'already_decided':
      return t('rebalance.decided', { client: p.company })
    case 'version_conflict':
    case 'overtaken':
      return t('rebalance.overtaken', { client: p.company })
    case 'not_eligible':
      return t('rebalance.notEligible', { name: p.toName })
    case 'forbidden':
      return t('drawer.forbidden')
    default:
      return t('rebalance.failed', { reason: error instanceof Error ? error.message : '' })
  }
}

/** The morning job's proposed moves for the lead's team, each accepted or dismissed here. */
export function RebalancePanel({
  onChanged,
  roleName,
}: {
  onChanged: () => void
  /** A journey role's name in the user's language. */
  roleName: (roleId: string) => string
}) {
  const i18n = useI18n()
  const { t, locale, dateTime } = i18n
  const [proposals, setProposals] = useState<RebalanceProposal[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    listProposals(abort.signal)
      .then((list) => {
        setProposals(list)
        setFailed(false)
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true)
      })
    return () => abort.abort()
  }, [attempt])

  const decide = async (p: RebalanceProposal, accept: boolean) => {
    setBusy(p.id)
    try {
      if (accept) {
        const client = await getClient(p.clientId)
        await acceptProposal(p.id, client.version)
        toast(t('rebalance.accepted', { client: p.company, name: p.toName }), 'success')
      } else {
        await dismissProposal(p.id)
        toast(t('rebalance.dismissed', { client: p.company }))
      }
      setProposals((list) => list?.filter((x) => x.id !== p.id) ?? null)
      if (accept) onChanged()
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        toast(refusal(error, p, i18n), 'error')
      }
      // Someone (or something) got there first: show the list and the loads as they are now.
      setAttempt((n) => n + 1)
      onChanged()
    }
    setBusy(null)
  }

  return (
    <section class="rebalance" aria-labelledby="rebalance-title">
      <h2 id="rebalance-title" class="rebalance__title">
        {t('rebalance.title')}
        {proposals && proposals.length > 0 && (
          <span class="rebalance__count">{i18n.number(proposals.length)}</span>
        )}
      </h2>
      <p class="rebalance__hint">{t('rebalance.hint')}</p>
      {failed ? (
        <p class="rebalance__empty">
          {t('rebalance.loadFailed')}{' '}
          <button type="button" class="link-button" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.error.retry')}
          </button>
        </p>
      ) : proposals === null ? (
        <p class="rebalance__empty">{t('app.loading')}</p>
      ) : proposals.length === 0 ? (
        <p class="rebalance__empty">{t('rebalance.empty')}</p>
      ) : (
        <ul class="rebalance__list">
          {proposals.map((p) => {
            const shift = shiftOf(p)
            const pct = (x: number) => formatPercent(locale, x)
            return (
              <li key={p.id} class="proposal" data-proposal-id={p.id}>
                <p class="proposal__client">
                  <a href={cardUrl(p.clientId)} onClick={follow(cardUrl(p.clientId))}>
                    {p.company}
                  </a>
                  <span class="proposal__role"> · {roleName(p.roleId)}</span>
                </p>
                <div class="proposal__move">
                  <p class="proposal__side">
                    <span class="proposal__name">{p.fromName}</span>
                    {shift && (
                      <span class="proposal__pct">
                        {pct(shift.from.before)} → <strong>{pct(shift.from.after)}</strong>
                      </span>
                    )}
                  </p>
                  <span class="proposal__arrow">
                    <span aria-hidden="true">→</span>
                    <span class="visually-hidden">{t('rebalance.to')}</span>
                  </span>
                  <p class="proposal__side">
                    <span class="proposal__name">{p.toName}</span>
                    {shift && (
                      <span class="proposal__pct">
                        {pct(shift.to.before)} → <strong>{pct(shift.to.after)}</strong>
                      </span>
                    )}
                  </p>
                </div>
                <p class="proposal__time">{dateTime(p.createdAt)}</p>
                <div class="proposal__actions">
                  <button
                    type="button"
                    class="button"
                    disabled={busy !== null}
                    onClick={() => void decide(p, false)}
                  >
                    {t('rebalance.dismiss')}
                  </button>
                  <button
                    type="button"
                    class="button button--primary"
                    disabled={busy !== null}
                    onClick={() => void decide(p, true)}
                  >
                    {busy === p.id ? t('drawer.saving') : t('rebalance.accept')}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
