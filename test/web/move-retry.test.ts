import { describe, expect, it } from 'vitest'
import type { ClientMove } from '../../schema/clients'
import { ApiError } from '../../web/src/api/client'
import { sendMove } from '../../web/src/board/move-retry'
import { card } from './card-fixture'

const move: ClientMove = { stageId: 's2', version: 1 }
const lost = () => new ApiError(0, { code: 'network', message: 'offline' })

describe('sending a move', () => {
  it('sends no idempotency key when the first answer arrives', async () => {
    const keys: (string | undefined)[] = []
    const moved = await sendMove('a', move, async (_id, _m, key) => {
      keys.push(key)
      return card('a', 's2', 'a1', 2)
    })
    expect(moved.version).toBe(2)
    expect(keys).toEqual([undefined])
  })

  it('retries a lost answer under one key, the same on every retry', async () => {
    const keys: (string | undefined)[] = []
    const moved = await sendMove('a', move, async (_id, _m, key) => {
      keys.push(key)
      if (keys.length < 3) throw lost()
      return card('a', 's2', 'a1', 2)
    })
    expect(moved.stageId).toBe('s2')
    expect(keys[0]).toBeUndefined()
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/)
    expect(keys[2]).toBe(keys[1])
  })

  it('takes a conflict that shows this very move landed as the move', async () => {
    let calls = 0
    const moved = await sendMove('a', move, async () => {
      calls += 1
      if (calls === 1) throw lost()
      const current = card('a', 's2', 'a1', 2)
      throw new ApiError(409, { code: 'version_conflict', message: 'stale' }, { current })
    })
    expect(moved).toMatchObject({ stageId: 's2', version: 2 })
  })

  it('gives up on a refusal at once, and on lost answers after two retries', async () => {
    let calls = 0
    const refused = sendMove('a', move, async () => {
      calls += 1
      throw new ApiError(409, { code: 'wip_limit', message: 'full' })
    })
    await expect(refused).rejects.toMatchObject({ code: 'wip_limit' })
    expect(calls).toBe(1)
    calls = 0
    const offline = sendMove('a', move, async () => {
      calls += 1
      throw lost()
    })
    await expect(offline).rejects.toMatchObject({ code: 'network' })
    expect(calls).toBe(3)
  }, 10_000)
})
