import type { Page } from 'playwright-core'
import type { Client } from '../../schema/clients'
import type { Journey } from '../../schema/journey'
import { api } from './browser'

/** The stages of the first phase, left to right: all on screen at 1440 px. */
export async function firstPhaseStages(page: Page): Promise<string[]> {
  const { body } = await api<Journey>(page, 'GET', '/journey')
  const phase = [...body.phases].sort((a, b) => a.position - b.position)[0]
  if (!phase) throw new Error('no phases')
  return [...phase.stages]
    .filter((s) => !s.archived)
    .sort((a, b) => a.position - b.position)
    .map((s) => s.id)
}

/** The top card of a stage, creating one if the stage is empty. */
export async function topCard(page: Page, stageId: string): Promise<Client> {
  const { body } = await api<{ clients: Client[] }>(page, 'GET', `/clients?stageId=${stageId}`)
  const [first] = body.clients.sort((a, b) => (a.position < b.position ? -1 : 1))
  if (first) return first
  const created = await api<Client>(page, 'POST', '/clients', {
    name: 'E2E Клиент',
    company: 'ООО «Тест»',
    tier: 'B',
    stageId,
  })
  if (created.status !== 201) throw new Error(`could not create a client: ${created.status}`)
  return created.body
}

export async function clientNow(page: Page, id: string): Promise<Client> {
  return (await api<Client>(page, 'GET', `/clients/${id}`)).body
}
