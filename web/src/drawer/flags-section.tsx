import { FLAG_KINDS } from '../../../schema/enums'
import { useEffect, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { Flag, FlagKind } from '../../../schema/flags'
import { FLAG_DEFAULTS } from '../../../shared/flags'
import { ApiError } from '../api/client'
import { getClient } from '../api/clients'
import { listFlags, patchFlag, raiseFlag } from '../api/kam-flags'
import { upsert } from '../board/board-state'
import type { BoardModel } from '../board/board-model'
import type { BoardStore } from '../board/board-store'
import { FieldError, invalidProps } from '../components/field-error'
import { FLAG_GLYPH } from '../board/record-badges'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import './record.css'
import { MemberOptions } from '../components/member-options'

interface Props {
  client: Client
  model: BoardModel
  store: BoardStore
  editable: boolean
}

const KINDS: readonly FlagKind[] = FLAG_KINDS

/** The card's flags: open ones with owner and SLA, resolve with a note, raise a new one. */
export function FlagsSection({ client, model, store, editable }: Props) {
  const { t, plural, date } = useI18n()
  const [flags, setFlags] = useState<Flag[] | null>(null)
  const [kind, setKind] = useState<FlagKind | ''>('')
  const [note, setNote] = useState('')
  const [owner, setOwner] = useState('')
  const [resolving, setResolving] = useState<string | null>(null)
  const [resolution, setResolution] = useState('')
  const [fields, setFields] = useState<Record<string, string[]>>({})
  const [busy, setBusy] = useState(false)

  // Someone else's flag change reaches the card on the board (its open flags): load again then.
  const shown = JSON.stringify(client.flags)
  useEffect(() => {
    const abort = new AbortController()
    listFlags(client.id, abort.signal)
      .then(setFlags)
      .catch(() => setFlags([]))
    return () => abort.abort()
  }, [client.id, shown])

  /** After a change: the list, and the card on the board with its badges. */
  const refresh = async () => {
    setFlags(await listFlags(client.id))
    const fresh = await getClient(client.id)
    store.update((columns) => upsert(columns, fresh))
  }

  const run = async (write: () => Promise<unknown>) => {
    setBusy(true)
    setFields({})
    try {
      await write()
      await refresh()
      return true
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) setFields(error.fields ?? {})
      else if (!(error instanceof ApiError && error.status === 401)) {
        const code = error instanceof ApiError ? error.code : ''
        toast(
          code === 'flag_open'
            ? t('flag.alreadyOpen')
            : code === 'version_conflict' || code === 'resolved'
              ? t('drawer.conflict')
              : t('flag.failed'),
          'error',
        )
        await refresh().catch(() => undefined)
      }
      return false
    } finally {
      setBusy(false)
    }
  }

  const open = flags?.filter((f) => f.resolvedAt === null) ?? []
  const resolved = flags?.filter((f) => f.resolvedAt !== null) ?? []
  const free = KINDS.filter((k) => !open.some((f) => f.kind === k))
  const members = [...model.members.values()]
    .filter((m) => m.active)
    .sort((a, b) => a.name.localeCompare(b.name))
  const person = (id: string | null) =>
    id ? (model.members.get(id)?.name ?? id) : t('flag.owner.none')

  return (
    <section class="drawer__section flags" aria-labelledby="flags-title" data-section="flags">
      <h3 id="flags-title" class="drawer__section-title">
        {t('flag.title')}
      </h3>
      {flags === null ? (
        <p class="drawer__empty">{t('app.loading')}</p>
      ) : open.length === 0 ? (
        <p class="drawer__empty">{t('flag.none')}</p>
      ) : (
        <ul class="flag-list">
          {open.map((f) => (
            <li
              key={f.id}
              class={`flag-item flag-item--level${f.overdueLevel}`}
              data-flag-id={f.id}
              data-flag-kind={f.kind}
            >
              <p class="flag-item__head">
                <span class={`flag-badge flag-badge--${f.kind} flag-badge--level${f.overdueLevel}`}>
                  {FLAG_GLYPH[f.kind]}
                </span>
                <strong>{t(`flag.kind.${f.kind}`)}</strong>
                {f.overdueLevel > 0 && (
                  <span class="flag-item__overdue">
                    {t(f.overdueLevel === 2 ? 'flag.overdue2' : 'flag.overdue')}
                  </span>
                )}
              </p>
              {f.note && <p class="flag-item__note">{f.note}</p>}
              <p class="flag-item__meta">
                {t('flag.meta', {
                  owner: person(f.ownerId),
                  sla: plural('count.workingDays', f.slaDays),
                  date: date(f.raisedAt),
                })}
                {f.dueAt && ` · ${t('flag.due', { date: date(f.dueAt) })}`}
              </p>
              {editable && resolving !== f.id && (
                <div class="flag-item__actions">
                  <select
                    class="select"
                    aria-label={t('flag.owner')}
                    value={f.ownerId ?? ''}
                    disabled={busy}
                    onChange={(e) => {
                      const ownerId = e.currentTarget.value || null
                      void run(() => patchFlag(f.id, { version: f.version, ownerId }))
                    }}
                  >
                    <option value="">{t('flag.owner.none')}</option>
                    <MemberOptions members={members} />
                  </select>
                  <button
                    type="button"
                    class="button"
                    onClick={() => {
                      setResolving(f.id)
                      setResolution('')
                    }}
                  >
                    {t('flag.resolve')}
                  </button>
                </div>
              )}
              {editable && resolving === f.id && (
                <form
                  class="flag-item__resolve"
                  onSubmit={async (event) => {
                    event.preventDefault()
                    const ok = await run(() =>
                      patchFlag(f.id, { version: f.version, resolution: resolution.trim() }),
                    )
                    if (ok) setResolving(null)
                  }}
                >
                  <input
                    class="input"
                    value={resolution}
                    maxLength={1000}
                    placeholder={t('flag.resolution')}
                    aria-label={t('flag.resolution')}
                    {...invalidProps(`flag-res-${f.id}`, fields.resolution)}
                    onInput={(e) => setResolution(e.currentTarget.value)}
                  />
                  <FieldError id={`flag-res-${f.id}`} messages={fields.resolution} />
                  <div class="form__actions">
                    <button type="button" class="button" onClick={() => setResolving(null)}>
                      {t('flag.cancel')}
                    </button>
                    <button
                      type="submit"
                      class="button button--primary"
                      disabled={busy || !resolution.trim()}
                    >
                      {t('flag.resolve')}
                    </button>
                  </div>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && flags !== null && free.length > 0 && (
        <form
          class="form flag-raise"
          onSubmit={async (event) => {
            event.preventDefault()
            if (!kind) return
            const body = { kind, note: note.trim(), ...(owner ? { ownerId: owner } : {}) }
            if (await run(() => raiseFlag(client.id, body))) {
              setKind('')
              setNote('')
              setOwner('')
            }
          }}
        >
          <div class="form__row">
            <label class="field">
              <span class="field__label">{t('flag.kind')}</span>
              <select
                class="select"
                value={kind}
                data-field="kind"
                onChange={(e) => setKind(KINDS.find((k) => k === e.currentTarget.value) ?? '')}
              >
                <option value="">—</option>
                {free.map((k) => (
                  <option key={k} value={k}>
                    {t(`flag.kind.${k}`)} · {plural('count.workingDays', FLAG_DEFAULTS[k].slaDays)}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span class="field__label">{t('flag.owner')}</span>
              <select
                class="select"
                value={owner}
                onChange={(e) => setOwner(e.currentTarget.value)}
              >
                <option value="">{t('flag.owner.default')}</option>
                <MemberOptions members={members} />
              </select>
            </label>
          </div>
          <label class="field">
            <span class="field__label">{t('flag.note')}</span>
            <input
              class="input"
              value={note}
              maxLength={1000}
              data-field="note"
              {...invalidProps(`flag-note-${client.id}`, fields.note)}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
            <FieldError id={`flag-note-${client.id}`} messages={fields.note} />
          </label>
          <div class="form__actions">
            <button type="submit" class="button button--primary" disabled={busy || !kind}>
              {t('flag.raise')}
            </button>
          </div>
        </form>
      )}
      {editable && flags !== null && free.length === 0 && (
        <p class="drawer__hint">{t('flag.allRaised')}</p>
      )}
      {resolved.length > 0 && (
        <details class="flag-resolved">
          <summary>{t('flag.resolvedList', { n: resolved.length })}</summary>
          <ul>
            {resolved.map((f) => (
              <li key={f.id}>
                <strong>{t(`flag.kind.${f.kind}`)}</strong>{' '}
                {t('flag.resolved', {
                  date: date(f.resolvedAt ?? f.raisedAt),
                  text: f.resolution ?? '',
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
