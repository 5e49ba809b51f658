// A read-only SQLite connection of its own, for worker threads that read a
// database in bulk beside the application's connection (WAL lets them read
// while it writes). Plain JavaScript: worker threads load it without a
// TypeScript loader. Types: read-only.d.ts.
import SQLite from 'better-sqlite3';

/** Opens `file` read-only; `column(sql, params)` gives the first column of every row. */
export function openReadOnly(file) {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const statements = new Map();
  const prepared = (text) => {
    let s = statements.get(text);
    if (!s) {
      s = db.prepare(text).pluck();
      statements.set(text, s);
    }
    return s;
  };
  return {
    column: (text, params = []) => prepared(text).all(params),
    close: () => db.close(),
  };
}
