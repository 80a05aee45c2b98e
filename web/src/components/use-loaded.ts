import { useEffect, useState } from 'preact/hooks'

/**
 * Data an admin list loads once (and again on `reload`): null while loading, `failed` after a
 * failure, `set` for local updates after a save. A load overtaken by a newer one is dropped.
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>) {
  const [data, set] = useState<T | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const abort = new AbortController()
    setFailed(null)
    load(abort.signal)
      .then(set)
      .catch((error: unknown) => !abort.signal.aborted && setFailed(error))
    return () => abort.abort()
  }, [attempt])
  return { data, set, failed, reload: () => setAttempt((n) => n + 1) }
}
