export interface ReadOnlySqlite {
  /** The first column of every row of a query. */
  column(sql: string, params?: unknown[]): unknown[];
  close(): void;
}

export function openReadOnly(file: string): ReadOnlySqlite;
