import { can } from '../../../schema/access'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Attachment } from '../../../schema/attachments'
import { MAX_ATTACHMENT_BYTES } from '../../../schema/attachments'
import { ALLOWED_TYPES, mayRemoveAttachment } from '../../../shared/attachments'
import type { User } from '../api/auth'
import {
  attachmentUrl,
  deleteAttachment,
  listAttachments,
  uploadAttachment,
} from '../api/attachments'
import { ApiError } from '../api/client'
import { ClipIcon } from '../board/extra-icons'
import { toast } from '../components/toasts'
import { useI18n, type I18n } from '../i18n'
import './attachments.css'

interface Props {
  clientId: string
  user: User
  /** Changes when the card's history moved on (someone else's upload): load the list again. */
  refresh?: unknown
  /** After an upload or removal: the history shows the new entry. */
  onChange?: () => void
}

const ACCEPT = Object.keys(ALLOWED_TYPES)
  .map((ext) => `.${ext}`)
  .join(',')

/** "1,2 МБ" / "340 KB": sizes as people read them. */
function size(bytes: number, { t, number }: I18n) {
  if (bytes < 1024 * 1024) return t('files.kb', { n: Math.max(1, Math.round(bytes / 1024)) })
  return t('files.mb', { n: number(Math.round((bytes / 1024 / 1024) * 10) / 10) })
}

/** Files on the card: download, upload with progress (member+), remove own (leads any). */
export function AttachmentsSection({ clientId, user, refresh, onChange }: Props) {
  const i18n = useI18n()
  const { t, date } = i18n
  const [files, setFiles] = useState<Attachment[] | null>(null)
  const [progress, setProgress] = useState<{ name: string; share: number } | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const canUpload = can(user.role, 'attachments.write')

  const load = (signal?: AbortSignal) =>
    listAttachments(clientId, signal)
      .then(setFiles)
      .catch(() => setFiles((prev) => prev ?? []))

  useEffect(() => {
    const abort = new AbortController()
    void load(abort.signal)
    return () => abort.abort()
  }, [clientId, refresh])

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) return
    const reason =
      error instanceof ApiError && error.status === 413
        ? t('files.tooLarge')
        : error instanceof ApiError && error.status === 415
          ? t('files.badType')
          : error instanceof Error
            ? error.message
            : String(error)
    toast(t('files.failed', { reason }), 'error')
  }

  const upload = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) return toast(t('files.tooLarge'), 'error')
    setProgress({ name: file.name, share: 0 })
    try {
      const stored = await uploadAttachment(clientId, file, (share) =>
        setProgress({ name: file.name, share }),
      )
      setFiles((list) => [stored, ...(list ?? [])])
      onChange?.()
    } catch (error) {
      failed(error)
    }
    setProgress(null)
    if (input.current) input.current.value = ''
  }

  const remove = async (file: Attachment) => {
    try {
      await deleteAttachment(file.id)
      setFiles((list) => list?.filter((f) => f.id !== file.id) ?? null)
      onChange?.()
    } catch (error) {
      failed(error)
    }
  }

  return (
    <section class="drawer__section" aria-labelledby="files-title">
      <h3 id="files-title" class="drawer__section-title">
        {t('files.title')}
        {files && files.length > 0 && <span class="drawer__count">{files.length}</span>}
      </h3>
      {files === null ? (
        <p class="drawer__empty">{t('app.loading')}</p>
      ) : files.length === 0 ? (
        <p class="drawer__empty">{t('files.empty')}</p>
      ) : (
        <ul class="files">
          {files.map((f) => (
            <li key={f.id} class="files__item">
              <ClipIcon />
              <div class="files__main">
                <a class="files__name" href={attachmentUrl(f.id)} download={f.name}>
                  {f.name}
                </a>
                <span class="files__meta">
                  {size(f.size, i18n)} · {date(f.createdAt)}
                  {f.uploadedByName && ` · ${f.uploadedByName}`}
                </span>
              </div>
              {mayRemoveAttachment(user.role, user.id, f.uploadedBy) && (
                <button
                  type="button"
                  class="link-button files__remove"
                  aria-label={t('files.remove', { name: f.name })}
                  onClick={() => void remove(f)}
                >
                  {t('files.removeShort')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {progress && (
        <div class="files__progress">
          <span>{t('files.uploading', { name: progress.name })}</span>
          <progress
            max={1}
            value={progress.share}
            aria-label={t('files.uploading', { name: progress.name })}
          />
        </div>
      )}
      {canUpload && (
        <label class="button files__upload">
          {t('files.upload')}
          <input
            ref={input}
            type="file"
            class="files__input"
            accept={ACCEPT}
            disabled={progress !== null}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              if (file) void upload(file)
            }}
          />
        </label>
      )}
      {canUpload && <p class="drawer__hint files__hint">{t('files.hint')}</p>}
    </section>
  )
}
