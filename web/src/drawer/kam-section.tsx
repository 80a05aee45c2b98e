import { useEffect, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { KamAssessment } from '../../../schema/kam'
import { quadrantOf } from '../../../shared/kam-quadrant'
import { ApiError } from '../api/client'
import { currentOf } from '../api/clients'
import { getKam, putKam } from '../api/kam-flags'
import { upsert } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { FieldError, invalidProps } from '../components/field-error'
import { KamBadge } from '../board/record-badges'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import './record.css'

interface Props {
  client: Client
  store: BoardStore
  editable: boolean
}

interface Draft {
  attractiveness: number
  attractivenessNote: string
  relationship: number
  relationshipNote: string
}

const EMPTY: Draft = {
  attractiveness: 3,
  attractivenessNote: '',
  relationship: 3,
  relationshipNote: '',
}
const draftOf = (k: KamAssessment | null): Draft => (k ? { ...k } : EMPTY)
const RATINGS = [1, 2, 3, 4, 5]

/** The KAM quadrant: two ratings with a reason each; the quadrant follows as you rate. */
export function KamSection({ client, store, editable }: Props) {
  const { t, date } = useI18n()
  const [kam, setKam] = useState<KamAssessment | null | undefined>(undefined)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [fields, setFields] = useState<Record<string, string[]>>({})
  const [saving, setSaving] = useState(false)

  // The rating is part of the client: a newer version of the card may carry a new one.
  useEffect(() => {
    const abort = new AbortController()
    getKam(client.id, abort.signal)
      .then((k) => {
        setKam(k)
        setDraft(draftOf(k))
      })
      .catch(() => setKam(null))
    return () => abort.abort()
  }, [client.id, client.version])

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const preview = quadrantOf(draft.attractiveness, draft.relationship)
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(kam ?? null))

  const save = async () => {
    setSaving(true)
    setFields({})
    try {
      const saved = await putKam(client.id, { version: client.version, ...draft })
      setKam(saved.kam)
      store.update((columns) => upsert(columns, saved.client))
      toast(t('kam.saved'))
    } catch (error) {
      const current = currentOf(error)
      if (current) store.update((columns) => upsert(columns, current))
      if (error instanceof ApiError && error.status === 422) setFields(error.fields ?? {})
      else if (!(error instanceof ApiError && error.status === 401)) {
        toast(
          error instanceof ApiError && error.code === 'version_conflict'
            ? t('drawer.conflict')
            : t('kam.failed'),
          'error',
        )
      }
    }
    setSaving(false)
  }

  const axis = (key: 'attractiveness' | 'relationship') => {
    const note = key === 'attractiveness' ? 'attractivenessNote' : 'relationshipNote'
    const id = `kam-${key}-${client.id}`
    return (
      <div class="kam__axis">
        <span class="field__label">{t(`kam.${key}`)}</span>
        <div class="segmented" role="radiogroup" aria-label={t(`kam.${key}`)}>
          {RATINGS.map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              class="segmented__option"
              aria-checked={draft[key] === n}
              title={t('kam.rate', { n })}
              onClick={() => set({ [key]: n })}
            >
              {n}
            </button>
          ))}
        </div>
        <label class="field">
          <span class="field__label">{t('kam.note')}</span>
          <input
            class="input"
            value={draft[note]}
            maxLength={500}
            data-field={note}
            {...invalidProps(id, fields[note])}
            onInput={(e) => set({ [note]: e.currentTarget.value })}
          />
          <FieldError id={id} messages={fields[note]} />
        </label>
      </div>
    )
  }

  return (
    <section class="drawer__section kam" aria-labelledby="kam-title" data-section="kam">
      <h3 id="kam-title" class="drawer__section-title">
        {t('kam.title')}
      </h3>
      {kam === undefined ? (
        <p class="drawer__empty">{t('app.loading')}</p>
      ) : (
        <>
          {kam ? (
            <p class="kam__current">
              <KamBadge quadrant={kam.quadrant} />
              <strong>{t(`kam.quadrant.${kam.quadrant}`)}</strong>
              <span class="kam__hint">{t(`kam.hint.${kam.quadrant}`)}</span>
            </p>
          ) : (
            <p class="drawer__empty">{client.tier === 'A' ? t('kam.noneKey') : t('kam.none')}</p>
          )}
          {kam && !editable && (
            <dl class="kam__ratings">
              <dt>{t('kam.attractiveness')}</dt>
              <dd>
                {t('kam.rate', { n: kam.attractiveness })} — {kam.attractivenessNote}
              </dd>
              <dt>{t('kam.relationship')}</dt>
              <dd>
                {t('kam.rate', { n: kam.relationship })} — {kam.relationshipNote}
              </dd>
            </dl>
          )}
          {kam && (
            <p class="drawer__hint kam__by">
              {t('kam.assessed', {
                date: date(kam.assessedAt),
                who: kam.assessedByName ?? t('history.bySystem'),
              })}
            </p>
          )}
          {editable && (
            <form
              class="form kam__form"
              onSubmit={(event) => {
                event.preventDefault()
                if (dirty && !saving) void save()
              }}
            >
              {axis('attractiveness')}
              {axis('relationship')}
              <div class="form__actions kam__actions">
                <span class="kam__preview" aria-live="polite">
                  <KamBadge quadrant={preview} />
                  {t('kam.preview', { quadrant: t(`kam.quadrant.${preview}`) })}
                </span>
                <button type="submit" class="button button--primary" disabled={!dirty || saving}>
                  {saving ? t('drawer.saving') : t('kam.save')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  )
}
