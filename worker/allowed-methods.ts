const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A Hono route path (`/api/clients/:id`) as a pattern for concrete paths. */
const pattern = (route: string) => new RegExp(`^${route.split(/:\w+/).map(escape).join('[^/]+')}$`)

/**
 * The methods the API answers on a path, for the `Allow` header of a 405; none when no route
 * has this path (a 404). HEAD comes with GET, as Hono answers it from the GET route.
 */
export function allowedMethods(
  routes: readonly { method: string; path: string }[],
  path: string,
): string[] {
  const methods = routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && pattern(r.path).test(path))
    .map((r) => r.method)
  if (methods.includes('GET')) methods.push('HEAD')
  return [...new Set(methods)]
}
