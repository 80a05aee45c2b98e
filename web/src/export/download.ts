/** Saves text as a file through the browser's download (nothing leaves the page). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by the next task; the object URL is no longer needed then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** "board-2026-12-01.csv": what was exported and when, in the user's own day. */
export function exportName(what: string, now = new Date()): string {
  const day = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
  return `${what}-${day}.csv`
}
