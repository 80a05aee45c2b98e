/**
 * Numbers bound parameters as a statement is built, so nobody counts `?n` by hand; lists go in
 * as one JSON parameter read through json_each, which keeps any list within D1's 100 parameters.
 */
export class Params {
  readonly values: unknown[] = []

  /** Binds a value; returns its placeholder (`?3`). */
  add(value: unknown): string {
    this.values.push(value)
    return `?${this.values.length}`
  }

  /** Binds a list as one parameter; returns a subquery to put after `IN`. */
  list(values: readonly unknown[]): string {
    return `(SELECT value FROM json_each(${this.add(JSON.stringify(values))}))`
  }
}
