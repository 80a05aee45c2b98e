import { deleteAttachment, expiredAttachments } from '../db/attachments'
import { ARCHIVED_FILES_KEPT_DAYS } from '../../shared/attachments'
import type { Env } from '../env'

/** Files removed per run at most: a backlog is worked off over the following mornings. */
const PER_RUN = 500
const PAGE = 50

/**
 * The retention of archived cards' files: ARCHIVED_FILES_KEPT_DAYS after a card was archived,
 * its files leave R2 and D1 (with a history entry each). The object goes before its row, so a
 * run cut short leaves a row whose next run deletes again (R2 deletes of a gone key succeed):
 * safe to run twice or concurrently.
 */
export async function purgeFiles(env: Env, now: number) {
  const before = now - ARCHIVED_FILES_KEPT_DAYS * 24 * 60 * 60_000
  let removed = 0
  for (let seen = 0; seen < PER_RUN; seen += PAGE) {
    const files = await expiredAttachments(env.DB, before, PAGE)
    if (files.length === 0) break
    await env.FILES.delete(files.map((f) => f.r2Key))
    for (const file of files) {
      if (await deleteAttachment(env.DB, file, null, now)) removed += 1
    }
  }
  return `files: ${removed} of cards archived over ${ARCHIVED_FILES_KEPT_DAYS} days removed`
}
