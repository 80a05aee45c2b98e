import { useEffect, useState } from 'preact/hooks'
import type { Contact } from '../../../schema/contacts'
import type { NpsAnswer, RecordOption } from '../../../schema/record'
import { listContacts, listNps, listOptions } from '../api/record'

/**
 * What several tabs of a card read: its contacts and NPS answers, and the admins' lists.
 * `seen` counts reloads: sections that keep their own data load again when it moves.
 */
export function useRecord(clientId: string) {
  const [contacts, setContacts] = useState<Contact[] | null>(null)
  const [nps, setNps] = useState<NpsAnswer[]>([])
  const [options, setOptions] = useState<RecordOption[]>([])
  const [seen, setSeen] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    listOptions(abort.signal)
      .then(setOptions)
      .catch(() => setOptions([]))
    return () => abort.abort()
  }, [])

  useEffect(() => {
    const abort = new AbortController()
    listContacts(clientId, abort.signal)
      .then(setContacts)
      .catch(() => setContacts([]))
    listNps(clientId, abort.signal)
      .then(setNps)
      .catch(() => setNps([]))
    return () => abort.abort()
  }, [clientId, seen])

  return { contacts, nps, options, seen, reload: () => setSeen((n) => n + 1) }
}
