/**
 * The close code a board socket gets when its credentials ended (signed out, revoked): the page
 * then asks its user to sign in. Apart from schema/live.ts so the web takes it without zod.
 */
export const SIGNED_OUT = 4001
