import type { Client, ClientMove } from '../../../schema/clients'
import { ApiError } from '../api/client'
import { currentOf, moveClient } from '../api/clients'

/** Retries after a lost answer (network failure), with these waits between them. */
const RETRY_WAITS_MS = [300, 1000]

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends one move. A network failure leaves it unknown whether the move landed, so it is sent
 * again, every retry under one Idempotency-Key: the server answers a retry of a retry with
 * the move it made. The first attempt carried no key, so if it landed, the retry is a version
 * conflict showing the card one version on in the target stage: that is this move, landed.
 */
export async function sendMove(
  clientId: string,
  move: ClientMove,
  send: typeof moveClient = moveClient,
): Promise<Client> {
  let key: string | undefined
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send(clientId, move, key)
    } catch (error) {
      const current = key ? currentOf(error) : undefined
      if (current && current.stageId === move.stageId && current.version === move.version + 1) {
        return current
      }
      const lost = error instanceof ApiError && error.status === 0
      const waitMs = RETRY_WAITS_MS[attempt]
      if (!lost || waitMs === undefined) throw error
      key ??= crypto.randomUUID()
      await wait(waitMs)
    }
  }
}
