import { LoadSection } from './load-section'
import { MembersSection } from './members-section'
import { PhasesSection } from './phases-section'
import { SessionsSection } from './sessions-section'
import { StagesSection } from './stages-section'
import { TokensSection } from './tokens-section'
import { UsersSection } from './users-section'

/** The settings tabs for what was API-only: the template, accounts, and people and load. */
export const ADMIN_TABS = [
  'stages',
  'phases',
  'users',
  'sessions',
  'tokens',
  'members',
  'load',
] as const
export type AdminTab = (typeof ADMIN_TABS)[number]

export function AdminSection({ tab }: { tab: AdminTab }) {
  switch (tab) {
    case 'stages':
      return <StagesSection />
    case 'phases':
      return <PhasesSection />
    case 'users':
      return <UsersSection />
    case 'sessions':
      return <SessionsSection />
    case 'tokens':
      return <TokensSection />
    case 'members':
      return <MembersSection />
    case 'load':
      return <LoadSection />
  }
}
