import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { getStage, updateStage } from '../../worker/db/journey'
import { api, createClient } from './helpers'

const STAGE = 'first-call'

describe('archiving a stage', () => {
  it('does not archive a stage that holds a card, even when the caller checked it empty first', async () => {
    const stage = await getStage(env.DB, STAGE)
    if (!stage) throw new Error(`no stage ${STAGE}`)
    // A card arrives between the caller's check and the write: the write itself must refuse.
    await createClient(STAGE)
    expect(await updateStage(env.DB, stage, { archived: true, version: stage.version })).toBe(false)
    expect((await getStage(env.DB, STAGE))?.archived).toBe(false)
  })

  it('answers 409 stage_not_empty through the API, and archives once the stage is empty', async () => {
    const stage = (await getStage(env.DB, STAGE)) ?? { version: 0 }
    const refused = await api(`/stages/${STAGE}`, {
      method: 'PATCH',
      json: { archived: true, version: stage.version },
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('stage_not_empty')

    await env.DB.prepare('UPDATE clients SET archived = 1 WHERE stage_id = ?1').bind(STAGE).run()
    const archived = await api(`/stages/${STAGE}`, {
      method: 'PATCH',
      json: { archived: true, version: stage.version },
    })
    expect(archived.status).toBe(200)
    expect(archived.body.archived).toBe(true)
  })
})
