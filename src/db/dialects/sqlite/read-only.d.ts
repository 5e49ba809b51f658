export interface ReadOnlySqlite {
  /** The first column of every row of a query. */
  column(sql: string, params?: unknown[]): unknown[];
  /** The first row, its columns in order (undefined when there is none). */
  row(sql: string, params?: unknown[]): unknown[] | undefined;
  close(): void;
}

export function openReadOnly(file: string): ReadOnlySqlite;
