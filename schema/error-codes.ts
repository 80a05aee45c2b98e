/**
 * Every `error.code` the API answers with, one place for both tiers: the worker's AppError takes
 * only these, so the web can match on a code knowing the server still sends it.
 */
export const ERROR_CODES = [
  // Input and protocol
  'bad_request',
  'invalid',
  'weak_password',
  'private_address',
  'idempotency_mismatch',
  'length_required',
  'too_large',
  'unsupported_media_type',
  'upgrade_required',
  'method_not_allowed',
  // Who is asking
  'unauthenticated',
  'invalid_credentials',
  'too_many_attempts',
  'locked',
  'forbidden',
  'cross_site',
  'no_member',
  // State of the thing
  'not_found',
  'version_conflict',
  'archived',
  'already_decided',
  'email_taken',
  'name_taken',
  'translation_exists',
  'last_admin',
  'flag_open',
  'resolved',
  'not_at_stage',
  'not_eligible',
  'not_empty',
  'stage_not_empty',
  'out_of_turn',
  'overtaken',
  'wip_limit',
  'idempotency_in_progress',
  'retry',
  // Ours
  'rekey',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
