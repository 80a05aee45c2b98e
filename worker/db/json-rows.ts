/**
 * Many rows as one JSON text: D1's binding turns every cell of a result into a JS value one at a
 * time (its `toJson` was the largest cost of a suggestion, 300 members and ~400 load rows), while
 * SQLite builds the array and V8's JSON.parse reads it natively. The rows keep the inner
 * statement's order (json_group_array aggregates its subquery as the subquery yields rows).
 */
export const jsonRowsSql = (sql: string, columns: readonly string[]) =>
  `SELECT json_group_array(json_object(${columns.map((c) => `'${c}', ${c}`).join(', ')})) AS rows
   FROM (${sql})`

/**
 * `jsonRowsSql` with each row an array of the columns in order: for tens of thousands of rows,
 * where repeating every key in every row costs more than the objects save (the snapshot job's
 * flow deltas of a year, ~19,000 rows: ~75 ms more as objects, through wrangler's proxy).
 */
export const jsonTuplesSql = (sql: string, columns: readonly string[]) =>
  `SELECT json_group_array(json_array(${columns.join(', ')})) AS rows FROM (${sql})`

/** The JSON text a statement answers as its one `rows` cell, parsed (undefined without one). */
export function jsonCellOf<T>(result: Pick<D1Result, 'results'> | undefined): T | undefined {
  const text = (result?.results?.[0] as { rows?: string } | undefined)?.rows
  return text ? (JSON.parse(text) as T) : undefined
}

/** The rows of a `jsonRowsSql` statement's result. */
export function jsonRowsOf<T>(result: Pick<D1Result, 'results'> | undefined): T[] {
  return jsonCellOf<T[]>(result) ?? []
}
