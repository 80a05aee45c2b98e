import { cleanSingleLine } from '../schema/common'
import { can, type AccessRole } from '../schema/access'

/**
 * The file types a card takes, by extension: documents, spreadsheets, presentations, images,
 * plain text and archives. The stored (and served) content type comes only from this table,
 * never from what the uploader declared. No SVG or HTML: they run script when opened.
 */
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
}

/** A stored file name is at most this many characters (the extension kept). */
export const MAX_FILE_NAME = 120

/** Characters Windows refuses in a file name: a download must save under the shown name. */
const RESERVED = /[<>:"|?*]/g

/**
 * The name a file is stored and offered under: the last path part only, no control or bidi
 * characters (an RLO turns "Invoice\u202Efdp.exe" into "Invoiceexe.pdf" on screen), no leading
 * dots, no characters a file system refuses, at most MAX_FILE_NAME characters with the
 * extension kept. Empty when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? ''
  const clean = cleanSingleLine(base)
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
  const chars = [...clean]
  if (chars.length <= MAX_FILE_NAME) return clean
  const dot = clean.lastIndexOf('.')
  const ext = dot > 0 ? [...clean.slice(dot)] : []
  const keep = ext.length < 16 ? ext : []
  return (
    chars
      .slice(0, MAX_FILE_NAME - keep.length)
      .join('')
      .trimEnd() + keep.join('')
  )
}

/** The content type for a (sanitised) file name, or null when its type is not allowed. */
export function contentTypeFor(name: string): string | null {
  const dot = name.lastIndexOf('.')
  if (dot < 0) return null
  return ALLOWED_TYPES[name.slice(dot + 1).toLowerCase()] ?? null
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the exact one in RFC 5987
 * `filename*` (UTF-8, percent-encoded), so Cyrillic names survive and nothing is opened inline.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/** Members remove the files they uploaded; leads and admins any file. */
export function mayRemoveAttachment(
  role: AccessRole,
  callerId: string,
  uploadedBy: string | null,
): boolean {
  if (can(role, 'attachments.remove-any')) return true
  return can(role, 'attachments.write') && uploadedBy !== null && uploadedBy === callerId
}

/** A card's files are purged this many days after it was archived (the daily cleanup). */
export const ARCHIVED_FILES_KEPT_DAYS = 90
