import { createApp } from './app'
import type { Env } from './env'
import { runScheduled } from './jobs'

export { BoardRoom } from './live/board-room'

const app = createApp()

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(controller.cron, env, controller.scheduledTime))
  },
} satisfies ExportedHandler<Env>
