import type { StageRoleKind, Tier } from '../../../schema/clients'
import type { Excluded } from '../api/assignments'
import { useI18n } from '../i18n'
import { exclusionTexts } from './exclusions'

interface Props {
  excluded: Excluded[]
  role: StageRoleKind
  tier: Tier
  roleName: string
}

/** The members left out of the ranking and why, collapsed until asked for. */
export function ExcludedList({ excluded, role, tier, roleName }: Props) {
  const i18n = useI18n()
  if (excluded.length === 0) return null
  return (
    <details class="excluded">
      <summary class="excluded__summary">{i18n.plural('assign.excluded', excluded.length)}</summary>
      <ul class="excluded__list">
        {excluded.map((x) => (
          <li key={x.memberId} class="excluded__item" data-member-id={x.memberId}>
            <span class="excluded__name">{x.name}</span>
            <span class="excluded__grade">{i18n.t(`grade.${x.grade}`)}</span>
            <span class="excluded__why">
              {exclusionTexts(x, { i18n, role, tier, roleName }).join('; ')}
            </span>
          </li>
        ))}
      </ul>
    </details>
  )
}
