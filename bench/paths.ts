import { join } from 'node:path'

export const root = join(import.meta.dirname, '..')
export const bin = (name: string) => join(root, 'node_modules', '.bin', name)
/**
 * Tools run as in CI: no prompts, no colour codes in what we parse, and no reaching out to the
 * network (miniflare would fetch `Request.cf` from workers.cloudflare.com, which fails here).
 */
export const toolEnv = {
  ...process.env,
  CI: '1',
  NO_COLOR: '1',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}
