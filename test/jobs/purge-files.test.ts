import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api, createClient } from '../api/helpers'
import { ARCHIVED_FILES_KEPT_DAYS } from '../../shared/attachments'
import { purgeFiles } from '../../worker/jobs/purge-files'
import { MORNING, runCron } from './run-cron'

const DAY = 86_400_000

async function cardWithFile(name: string) {
  const card = await createClient('kickoff')
  const up = await api(`/clients/${card.id}/attachments?name=${name}`, {
    method: 'POST',
    body: new TextEncoder().encode('contract'),
  })
  expect(up.status).toBe(201)
  return { card, file: up.body }
}

const archive = async (id: string, version: number) =>
  api(`/clients/${id}`, { method: 'PATCH', json: { version, archived: true } })

const objects = async (clientId: string) =>
  (await env.FILES.list({ prefix: `attachments/${clientId}/` })).objects.length

describe('the retention of archived cards’ files', () => {
  it('removes the files of cards archived long enough ago, once, however often it runs', async () => {
    const old = await cardWithFile('old.pdf')
    const recent = await cardWithFile('recent.pdf')
    const live = await cardWithFile('live.pdf')
    await archive(old.card.id, old.card.version)
    await archive(recent.card.id, recent.card.version)
    // The old card was archived past the retention: its archive event is dated back.
    const past = Date.now() - (ARCHIVED_FILES_KEPT_DAYS + 1) * DAY
    await env.DB.prepare(
      "UPDATE client_events SET at = ?1 WHERE client_id = ?2 AND kind = 'archived'",
    )
      .bind(past, old.card.id)
      .run()

    await runCron(MORNING, Date.now())
    expect(await objects(old.card.id)).toBe(0)
    expect((await api(`/attachments/${old.file.id}`)).status).toBe(404)
    expect(await objects(recent.card.id)).toBe(1)
    expect(await objects(live.card.id)).toBe(1)

    // Twice, and concurrently: nothing more goes, and the history says it once.
    await Promise.all([purgeFiles(env, Date.now()), purgeFiles(env, Date.now())])
    const removed = (await api(`/clients/${old.card.id}/history`)).body.events.filter(
      (e: { kind: string }) => e.kind === 'attachment_removed',
    )
    expect(removed).toHaveLength(1)
    expect(removed[0]).toMatchObject({ actorId: null, data: { name: 'old.pdf' } })
    expect(await objects(recent.card.id)).toBe(1)
  })

  it('finishes a purge whose row outlived its object (a run cut short)', async () => {
    const { card, file } = await cardWithFile('cut.pdf')
    await archive(card.id, card.version)
    await env.DB.prepare(
      "UPDATE client_events SET at = ?1 WHERE client_id = ?2 AND kind = 'archived'",
    )
      .bind(Date.now() - (ARCHIVED_FILES_KEPT_DAYS + 5) * DAY, card.id)
      .run()
    await env.FILES.delete(`attachments/${card.id}/${file.id}`)
    expect(await purgeFiles(env, Date.now())).toMatch(/files: \d+ /)
    expect((await api(`/clients/${card.id}/attachments`)).body.attachments).toEqual([])
  })
})
