import type { ClientEvent } from '../../../schema/clients'
import type { FlagKind } from '../../../schema/flags'
import type { Quadrant } from '../../../schema/kam'
import { FLAG_GLYPH, QUADRANT_GLYPH } from '../board/record-badges'
import type { I18n } from '../i18n'

// Plain checks, not the zod schemas: the web bundle carries no zod.
const isFlagKind = (v: unknown): v is FlagKind =>
  typeof v === 'string' && Object.hasOwn(FLAG_GLYPH, v)
const isQuadrant = (v: unknown): v is Quadrant =>
  typeof v === 'string' && Object.hasOwn(QUADRANT_GLYPH, v)

/**
 * History lines of the client's record (KAM ratings, flags, the migration that turned condition
 * stages into flags); null for any other event.
 */
export function describeRecord(
  event: ClientEvent,
  stage: (id: string | null) => string,
  { t }: I18n,
): string | null {
  const data = event.data ?? {}
  const flagName = (v: unknown) => (isFlagKind(v) ? t(`flag.kind.${v}`) : String(v ?? ''))
  const name = flagName(data.kind)
  switch (event.kind) {
    case 'kam_assessed': {
      const q = data.quadrant
      const quadrant = isQuadrant(q) ? t(`kam.quadrant.${q}`) : String(q ?? '')
      return t('history.kam', {
        quadrant,
        a: String(data.attractiveness ?? ''),
        r: String(data.relationship ?? ''),
      })
    }
    case 'flag_raised':
      return t('history.flag_raised', { name })
    case 'flag_updated':
      return t('history.flag_updated', { name })
    case 'flag_resolved':
      return t('history.flag_resolved', { name, resolution: String(data.resolution ?? '') })
    case 'flag_overdue':
      return t(data.level === 2 ? 'history.flag_overdue2' : 'history.flag_overdue', { name })
    case 'moved': {
      if (data.reason === 'care_cycle') {
        return t('history.careCycle', {
          from: stage(event.fromStageId),
          to: stage(event.toStageId),
        })
      }
      if (data.reason !== 'condition_became_flag') return null
      return t('history.conditionMoved', {
        from: stage(event.fromStageId),
        to: stage(event.toStageId),
        name: flagName(data.flag),
      })
    }
    default:
      return null
  }
}
