// Cloudflare Access's certs endpoint for the worker tests, running in Node as part of the test
// Worker's outbound network. A test generates its own key pair and publishes the public half
// here (POST), as a team would by rotating its keys; the Worker then fetches it (GET).

/** The Access team the test Worker trusts (vitest.config.ts sets ACCESS_TEAM_DOMAIN to it). */
export const ACCESS_TEAM = 'team.access.test'
/** The application audience the test Worker expects (ACCESS_AUD). */
export const ACCESS_AUDIENCE = 'journey-board-test-aud'

let published = '{"keys":[]}'

/** GET https://team.access.test/cdn-cgi/access/certs answers the keys last POSTed there. */
export async function accessCerts(request: {
  method: string
  url: string
  text(): Promise<string>
}) {
  if (new URL(request.url).pathname !== '/cdn-cgi/access/certs') {
    return new Response('not found', { status: 404 })
  }
  if (request.method === 'POST') published = await request.text()
  return new Response(published, { headers: { 'content-type': 'application/json' } })
}
