import { useEffect, useState } from 'preact/hooks'
import type { Label } from '../../../schema/labels'
import { listLabels } from '../api/labels'

/** The organisation's labels, loaded once per page and shared by every card that shows them. */
let labels: ReadonlyMap<string, Label> = new Map()
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()

function publish(list: readonly Label[]) {
  labels = new Map(list.map((l) => [l.id, l]))
  for (const listener of listeners) listener()
}

/** Loads the labels again (after an admin edited the list, or on the first use). */
export function reloadLabels(): Promise<void> {
  loading = listLabels()
    .then(publish)
    .catch(() => undefined)
  return loading
}

/** Puts an edited list in place at once (the admin screen's own changes). */
export const setLabels = publish

/** The labels by id; the component renders again when the list changes. */
export function useLabels(): ReadonlyMap<string, Label> {
  const [current, setCurrent] = useState(labels)
  useEffect(() => {
    const listener = () => setCurrent(labels)
    listeners.add(listener)
    if (!loading) void reloadLabels()
    else setCurrent(labels)
    return () => void listeners.delete(listener)
  }, [])
  return current
}
