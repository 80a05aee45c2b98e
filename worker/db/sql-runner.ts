/** A statement with its `?N` parameters. */
export interface Sql {
  sql: string
  params: unknown[]
}

/**
 * Where statements run: D1 in the Worker, or the local database through wrangler for the demo
 * seed, so both fill the report snapshots with the same code.
 */
export interface SqlRunner {
  all<T>(q: Sql): Promise<T[]>
  /** Runs the statements together (atomically on D1). */
  batch(statements: Sql[]): Promise<void>
}

export const d1Runner = (db: D1Database): SqlRunner => ({
  async all<T>(q: Sql) {
    return (
      await db
        .prepare(q.sql)
        .bind(...q.params)
        .all<T>()
    ).results
  },
  async batch(statements: Sql[]) {
    if (statements.length > 0)
      await db.batch(statements.map((q) => db.prepare(q.sql).bind(...q.params)))
  },
})
