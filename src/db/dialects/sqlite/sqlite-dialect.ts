import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { GroupCommitDialect, type GroupCommitOptions } from './group-commit-driver.js';

/** The only place that opens better-sqlite3 for the application. */
export function createSqliteDialect(file: string, o: GroupCommitOptions = {}): { dialect: GroupCommitDialect; close: () => void } {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { dialect: new GroupCommitDialect(database, o), close: () => database.close() };
}
