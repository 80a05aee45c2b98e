import { useEffect, useMemo, useState } from 'preact/hooks'
import type { Role } from '../../../schema/journey'
import type { ImportCheck, ImportJob, RowError } from '../../../schema/imports'
import type { RecordOption } from '../../../schema/record'
import { IMPORT_FIELDS } from '../../../schema/imports'
import { readCsv, type CsvTable } from '../../../shared/csv-read'
import { guessMapping, toImportRows, type ImportMapping } from '../../../shared/import-map'
import { getJourney } from '../api/journey'
import { listOptions } from '../api/record'
import { useI18n, type MessageKey } from '../i18n'
import { dryRun, fileHash, runImport } from './import-run'
import { RowErrors } from './row-errors'

interface Parsed {
  name: string
  hash: string
  table: CsvTable
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking'; done: number }
  | { kind: 'checked'; check: ImportCheck }
  | { kind: 'importing'; job: ImportJob | null }
  | { kind: 'imported'; job: ImportJob }
  | { kind: 'failed'; message: string; job: ImportJob | null }

const PREVIEW_ROWS = 5

/** Upload a CSV, map its columns, preview, dry-run, then import with a progress bar. */
export function ImportSection() {
  const { t, text, plural } = useI18n()
  const [roles, setRoles] = useState<Role[]>([])
  const [sources, setSources] = useState<RecordOption[]>([])
  const [file, setFile] = useState<Parsed | null>(null)
  const [mapping, setMapping] = useState<ImportMapping>({})
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })

  useEffect(() => {
    getJourney()
      .then((j) => setRoles(j.roles))
      .catch(() => setRoles([]))
    listOptions()
      .then((options) => setSources(options.filter((o) => o.list === 'source' && !o.archived)))
      .catch(() => setSources([]))
  }, [])

  const rows = useMemo(() => (file ? toImportRows(file.table, mapping) : []), [file, mapping])
  const busy = phase.kind === 'checking' || phase.kind === 'importing'
  const fields: { value: string; label: string }[] = [
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`import.field.${f}` as MessageKey) })),
    ...roles.map((r) => ({
      value: `person:${r.id}`,
      label: t('import.field.person', { role: text(r.name) }),
    })),
  ]
  const missing = ['externalId', 'name', 'company', 'tier', 'stage'].filter(
    (f) => !Object.values(mapping).includes(f),
  )

  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0]
    if (!chosen) return
    const buffer = await chosen.arrayBuffer()
    const table = readCsv(new Uint8Array(buffer))
    setFile({ name: chosen.name, hash: await fileHash(buffer), table })
    setMapping(guessMapping(table.headers, roles))
    setPhase({ kind: 'idle' })
  }

  const check = async () => {
    setPhase({ kind: 'checking', done: 0 })
    try {
      const result = await dryRun(rows, (done) => setPhase({ kind: 'checking', done }))
      setPhase({ kind: 'checked', check: result })
    } catch (error) {
      setPhase({ kind: 'failed', message: String((error as Error).message), job: null })
    }
  }

  const start = async () => {
    if (!file) return
    setPhase({ kind: 'importing', job: null })
    let last: ImportJob | null = null
    try {
      const job = await runImport(file, rows, mapping, (j) => {
        last = j
        setPhase({ kind: 'importing', job: j })
      })
      setPhase({ kind: 'imported', job })
    } catch (error) {
      setPhase({ kind: 'failed', message: String((error as Error).message), job: last })
    }
  }

  const progress =
    phase.kind === 'checking'
      ? phase.done
      : phase.kind === 'importing' || phase.kind === 'imported' || phase.kind === 'failed'
        ? (phase.job?.rowsDone ?? 0)
        : null
  const errors: RowError[] =
    phase.kind === 'checked'
      ? phase.check.errors
      : phase.kind === 'imported' || phase.kind === 'failed' || phase.kind === 'importing'
        ? (phase.job?.errors ?? [])
        : []

  return (
    <section class="data-section" aria-labelledby="import-title">
      <h2 id="import-title" class="data-section__title">
        {t('import.title')}
      </h2>
      <p class="data-section__hint">{t('import.hint')}</p>
      <p class="data-section__hint" data-testid="import-record-hint">
        {t('import.recordHint', { sources: sources.map((o) => text(o.name)).join(', ') || '—' })}
      </p>
      <label class="data-file">
        <span>{t('import.file')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      {file && (
        <>
          <p class="data-section__meta" data-testid="import-file-meta">
            {t('import.fileMeta', {
              rows: file.table.records.length,
              encoding: file.table.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1251',
              delimiter: file.table.delimiter === '\t' ? 'Tab' : file.table.delimiter,
            })}
          </p>
          <h3 class="data-section__subtitle">{t('import.mapping')}</h3>
          <div class="data-mapping">
            {file.table.headers.map((header) => (
              <label key={header} class="data-mapping__row">
                <span class="data-mapping__header">{header}</span>
                <select
                  class="select"
                  value={mapping[header] ?? ''}
                  disabled={busy}
                  onChange={(e) => {
                    const value = e.currentTarget.value
                    const next = Object.fromEntries(
                      Object.entries(mapping).filter(([h, f]) => h !== header && f !== value),
                    )
                    setMapping(value ? { ...next, [header]: value } : next)
                  }}
                >
                  <option value="">{t('import.field.skip')}</option>
                  {fields.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {missing.length > 0 && (
            <p class="data-section__warn" role="status">
              {t('import.missing', {
                fields: missing.map((f) => t(`import.field.${f}` as MessageKey)).join(', '),
              })}
            </p>
          )}
          <h3 class="data-section__subtitle">{t('import.preview')}</h3>
          <div class="data-preview" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th>{t('import.line')}</th>
                  {file.table.headers.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {file.table.records.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    {file.table.headers.map((h, i) => (
                      <td key={h}>{r.cells[i] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="data-actions">
            <button
              type="button"
              class="button"
              disabled={busy || missing.length > 0}
              onClick={() => void check()}
            >
              {t('import.check')}
            </button>
            <button
              type="button"
              class="button button--primary"
              disabled={busy || missing.length > 0}
              onClick={() => void start()}
            >
              {phase.kind === 'failed' && phase.job ? t('import.resume') : t('import.start')}
            </button>
          </div>
          {progress !== null && (
            <div class="data-progress">
              <progress
                max={rows.length}
                value={progress}
                aria-label={t('import.progress')}
                data-testid="import-progress"
              />
              <span>{t('import.progressText', { done: progress, total: rows.length })}</span>
            </div>
          )}
          {phase.kind === 'checked' && (
            <p class="data-section__result" role="status" data-testid="import-result">
              {t('import.checkResult', {
                create: phase.check.create,
                update: phase.check.update,
                unchanged: phase.check.unchanged,
              })}{' '}
              {plural('import.errors', phase.check.errors.length)}
            </p>
          )}
          {phase.kind === 'imported' && (
            <p class="data-section__result" role="status" data-testid="import-result">
              {t('import.done', {
                created: phase.job.created,
                updated: phase.job.updated,
                unchanged: phase.job.unchanged,
                failed: phase.job.failed,
              })}
            </p>
          )}
          {phase.kind === 'failed' && (
            <p class="data-section__warn" role="alert">
              {t('import.failed', { message: phase.message })}
            </p>
          )}
          {errors.length > 0 && <RowErrors errors={errors} />}
        </>
      )}
    </section>
  )
}
