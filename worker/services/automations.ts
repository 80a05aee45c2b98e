import type { AutomationCreate, AutomationPatch } from '../../schema/stage-clock'
import { getAutomation, insertAutomation, updateAutomation } from '../db/automations'
import { getStage, roleExists } from '../db/journey'
import { AppError, notFound, staleVersion } from '../errors'

/** 422 on `assigneeRoleId` when it names a role that does not exist. */
async function assertRole(db: D1Database, roleId: string | null | undefined) {
  if (roleId && (await roleExists(db, [roleId])).length) {
    const message = `No role ${JSON.stringify(roleId)}`
    throw new AppError(422, 'invalid', message, {}, { assigneeRoleId: [message] })
  }
}

/** Adds an automation to a stage (404 for no such stage) and returns it as stored. */
export async function createAutomation(db: D1Database, stageId: string, input: AutomationCreate) {
  if (!(await getStage(db, stageId))) throw notFound('Stage', stageId)
  await assertRole(db, input.assigneeRoleId)
  const id = crypto.randomUUID()
  await insertAutomation(db, id, stageId, input, Date.now())
  const created = await getAutomation(db, id)
  if (!created) throw notFound('Automation', id)
  return created
}

/** Applies a patch made on `version` of the automation; 409 with the stored one when stale. */
export async function patchAutomation(
  db: D1Database,
  id: string,
  { version, ...patch }: AutomationPatch,
) {
  const automation = await getAutomation(db, id)
  if (!automation) throw notFound('Automation', id)
  await assertRole(db, patch.assigneeRoleId)
  const next = { ...automation, ...patch }
  if (automation.version !== version || !(await updateAutomation(db, next, version))) {
    throw staleVersion('Automation', id, automation)
  }
  return (await getAutomation(db, id)) ?? next
}
