import { useEffect, useState } from 'preact/hooks'
import type { User } from '../api/auth'

/** The current URL, as the app reads it: a path and its query. */
export interface Place {
  path: string
  search: URLSearchParams
}

const NAVIGATE = 'journey-board:navigate'

function current(): Place {
  return { path: location.pathname, search: new URLSearchParams(location.search) }
}

/** Goes to an in-app URL; `replace` for changes that should not pile up in history (typing). */
export function navigate(url: string, replace = false): void {
  if (url === location.pathname + location.search) return
  history[replace ? 'replaceState' : 'pushState'](null, '', url)
  dispatchEvent(new Event(NAVIGATE))
}

/** Re-renders on every in-app navigation and on back / forward. */
export function usePlace(): Place {
  const [place, setPlace] = useState(current)
  useEffect(() => {
    const update = () => setPlace(current())
    addEventListener('popstate', update)
    addEventListener(NAVIGATE, update)
    return () => {
      removeEventListener('popstate', update)
      removeEventListener(NAVIGATE, update)
    }
  }, [])
  return place
}

/** A path + query with one parameter changed (null removes it). */
export function withParam(place: Place, key: string, value: string | null): string {
  const search = new URLSearchParams(place.search)
  if (value === null) search.delete(key)
  else search.set(key, value)
  return href(place.path, search)
}

export function href(path: string, search: URLSearchParams): string {
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

const HERE = 'https://board.invalid'

/**
 * Only same-site paths are followed after sign-in, never `//elsewhere` or `https://…`. Checked
 * after decoding too: browsers drop tabs and newlines from URLs, so `/%09/evil.example` would
 * become `//evil.example`; any control character, whitespace or backslash sends the user home.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/')) return '/'
  let decoded: string
  try {
    decoded = decodeURIComponent(next)
  } catch {
    return '/'
  }
  if (/[\s\\\u0000-\u001f\u007f-\u009f]/u.test(`${next}${decoded}`)) return '/'
  if (next.startsWith('//') || decoded.startsWith('//')) return '/'
  return new URL(next, HERE).origin === HERE ? next : '/'
}

/** What every page of the route table is given. */
export interface RouteProps {
  user: User
  place: Place
}
