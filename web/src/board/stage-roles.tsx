import { STAGE_ROLE_KINDS } from '../../../schema/enums'
import type { Role, StageRoles as Roles } from '../../../schema/journey'
import type { StageRoleKind } from '../../../schema/clients'
import { useI18n } from '../i18n'

const KINDS: readonly StageRoleKind[] = STAGE_ROLE_KINDS

/** Who owns, who talks to the client, who helps — the stage's job description in three lines. */
export function StageRoles({ roles, lookup }: { roles: Roles; lookup: Map<string, Role> }) {
  const { t, text } = useI18n()
  return (
    <dl class="roles">
      {KINDS.map((kind) => {
        const role = lookup.get(roles[kind])
        const name = role ? text(role.name) : t('role.unknown')
        return (
          <div key={kind} class={`roles__row roles__row--${kind}`}>
            <dt>{t(`role.${kind}`)}</dt>
            <dd title={name}>{name}</dd>
          </div>
        )
      })}
    </dl>
  )
}
