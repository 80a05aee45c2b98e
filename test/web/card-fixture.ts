import type { Client } from '../../schema/clients'

/** A board card with only what the board's state functions read; nobody assigned. */
export function card(id: string, stageId: string, position: string, version = 1): Client {
  return {
    id,
    name: `Client ${id}`,
    company: `Company ${id}`,
    tier: 'B',
    score: null,
    stageId,
    position,
    enteredStageAt: '2026-11-23T09:00:00.000Z',
    people: {},
    acting: { owner: null, communicator: null, support: null },
    version,
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    archived: false,
    dueAt: null,
    overdueLevel: 0,
    labelIds: [],
    dueDate: null,
    tasks: { open: 0, done: 0, next: null },
  } as Client
}
