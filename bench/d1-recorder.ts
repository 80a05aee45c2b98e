/**
 * A D1Database that passes everything to a real one and writes down each statement it ran:
 * the SQL, the bound values, and D1's own meta (rows read and written, duration). The Worker's
 * own data functions run on it unchanged, so the figures are for exactly the SQL they send.
 */

export interface Executed {
  sql: string
  params: unknown[]
  rows: number
  rowsRead: number
  rowsWritten: number
  durationMs: number
  /** Statements sent together in one `batch` share a number. */
  batch: number | null
}

type Log = Executed[]

function note(log: Log, stmt: RecordingStatement, result: D1Result, batch: number | null) {
  log.push({
    sql: stmt.sql,
    params: stmt.params,
    rows: result.results?.length ?? 0,
    rowsRead: result.meta.rows_read ?? 0,
    rowsWritten: result.meta.rows_written ?? 0,
    durationMs: result.meta.duration ?? 0,
    batch,
  })
}

class RecordingStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    readonly params: unknown[],
    private readonly log: Log,
  ) {}

  bind(...values: unknown[]) {
    return new RecordingStatement(this.inner.bind(...values), this.sql, values, this.log)
  }

  async all<T>(): Promise<D1Result<T>> {
    const result = await this.inner.all<T>()
    note(this.log, this, result, null)
    return result
  }

  async run<T>(): Promise<D1Result<T>> {
    return this.all<T>()
  }

  /** `first` gives no meta: read through `all` (the statement's own LIMIT, if any, applies). */
  async first<T>(column?: string): Promise<T | null> {
    const { results } = await this.all<Record<string, unknown>>()
    const row = results[0]
    if (row === undefined) return null
    return (column === undefined ? row : (row[column] ?? null)) as T
  }

  raw(): Promise<unknown[]> {
    throw new Error('raw() is not recorded; the Worker does not use it')
  }
}

/** Wraps `db`; every statement it runs is appended to `log`. */
export function recordingDb(db: D1Database, log: Log): D1Database {
  let batches = 0
  const recorder = {
    prepare: (sql: string) => new RecordingStatement(db.prepare(sql), sql, [], log),
    async batch(statements: RecordingStatement[]) {
      const results = await db.batch(statements.map((s) => s.inner))
      batches += 1
      statements.forEach((s, i) => {
        const result = results[i]
        if (result) note(log, s, result, batches)
      })
      return results
    },
    exec: () => Promise.reject(new Error('exec() is not recorded')),
    dump: () => Promise.reject(new Error('dump() is not recorded')),
    withSession: () => {
      throw new Error('withSession() is not recorded')
    },
  }
  // The Worker's functions only call prepare / bind / all / first / run / batch.
  return recorder as unknown as D1Database
}

/** Totals over a log. */
export function totals(log: readonly Executed[]) {
  return {
    statements: log.length,
    batches: new Set(log.map((e) => e.batch).filter((b) => b !== null)).size,
    rows: log.reduce((n, e) => n + e.rows, 0),
    rowsRead: log.reduce((n, e) => n + e.rowsRead, 0),
    rowsWritten: log.reduce((n, e) => n + e.rowsWritten, 0),
    d1DurationMs: log.reduce((n, e) => n + e.durationMs, 0),
  }
}
