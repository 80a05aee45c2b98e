// Cloudflare Access's certs endpoint for the worker tests, running in Node as part of the test
// Worker's outbound network. A test generates its own key pair and publishes the public half
// here (POST), as a team would by rotating its keys; the Worker then fetches it (GET).

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
