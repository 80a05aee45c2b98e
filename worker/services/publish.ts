import type { Env } from '../env'

/** The organisation's board: one object holds every open board's socket. */
export function boardRoom(env: Env) {
  return env.BOARD.get(env.BOARD.idFromName('journey'))
}

/**
 * Tells the board's object that D1 has new committed changes; it reads them from the feed and
 * fans them out. Never throws: live updates are a courtesy, D1 stays the truth, and an open
 * board catches up from its cursor whatever was lost here.
 */
export async function publishChanges(env: Env): Promise<void> {
  try {
    await boardRoom(env).changed()
  } catch (error) {
    console.warn('live board: publishing failed', error)
  }
}

/** After a write: publish in the background, so no answer waits on the object. */
export function publishAfterWrite(env: Env, ctx: Pick<ExecutionContext, 'waitUntil'>): void {
  ctx.waitUntil(publishChanges(env))
}

/**
 * After a sign-out or a revocation: close the board sockets opened with those credentials (a
 * session tag, or the user's or token's id), in the background like publishing.
 */
export function disconnectAfterRevoke(
  env: Env,
  ctx: Pick<ExecutionContext, 'waitUntil'>,
  tag: string,
): void {
  ctx.waitUntil(
    boardRoom(env)
      .disconnect(tag)
      .catch((error: unknown) => console.warn('live board: disconnecting failed', error)),
  )
}
