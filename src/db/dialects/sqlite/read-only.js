// A read-only SQLite connection of its own, for worker threads that read a
// database in bulk beside the application's connection (WAL lets them read
// while it writes). Plain JavaScript: worker threads load it without a
// TypeScript loader. Types: read-only.d.ts.
import SQLite from 'better-sqlite3';

/** Opens `file` read-only; `column(sql, params)` gives the first column of every row, `row(sql, params)` the first row as an array. */
export function openReadOnly(file) {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // Bulk reads through a memory map: no read() call per page, which on a file
  // whose pages are scattered costs as much as hashing the leaves on them.
  db.pragma('mmap_size = 2147418112');
  const statements = new Map();
  const prepared = (text, mode) => {
    const key = mode + text;
    let s = statements.get(key);
    if (!s) {
      s = mode === 'column' ? db.prepare(text).pluck() : db.prepare(text).raw();
      statements.set(key, s);
    }
    return s;
  };
  return {
    column: (text, params = []) => prepared(text, 'column').all(params),
    row: (text, params = []) => prepared(text, 'row').get(params),
    close: () => db.close(),
  };
}
