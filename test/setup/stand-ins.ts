// What the worker tests and their Node-side stand-ins (test-network.ts) both need to know.

/** The secret test webhooks are created with; any other secret fails verification. */
export const RECEIVER_SECRET = 'receiver-secret-0123456789'

/** The Access team the test Worker trusts (vitest.config.ts sets ACCESS_TEAM_DOMAIN to it). */
export const ACCESS_TEAM = 'team.access.test'
/** The application audience the test Worker expects (ACCESS_AUD). */
export const ACCESS_AUDIENCE = 'journey-board-test-aud'
