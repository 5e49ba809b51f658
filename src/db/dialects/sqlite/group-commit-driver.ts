/**
 * The SQLite driver of the application: one better-sqlite3 connection, with
 * group commit.
 *
 * SQLite has one writer at a time, and each commit costs as much as the
 * writes of a small action (the WAL frames of every page touched). So
 * concurrent transactions share one SQLite transaction: each runs alone, in
 * its own SAVEPOINT, holding the connection from its SAVEPOINT to its
 * RELEASE (so one action's failure rolls back exactly its own writes, and
 * the leaf it queued); the shared transaction is committed once no other
 * transaction is waiting for the connection (or the group is full, or old),
 * and each caller's `transaction().execute()` resolves only after that
 * COMMIT. An action is therefore never acknowledged before it is committed,
 * and a rolled-back action leaves nothing behind.
 *
 * Statements outside a transaction never join a group: the connection is
 * handed to them only after the group before them has committed, so they
 * read committed data and write in autocommit as before.
 *
 * Prepared statements are cached by their SQL text (the query builder emits
 * the same text for the same shape), which halves the cost of a small action.
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/** The event loop's own setImmediate, kept even if a test later fakes the timers. */
const nextTurn = setImmediate;

export interface GroupCommitOptions {
  /** Most transactions committed together. */
  maxGroup?: number;
  /** A group older than this commits at the next hand-over, however many are waiting. */
  maxGroupMs?: number;
  /** Prepared statements kept. */
  statementCache?: number;
}

interface Waiter {
  trx: boolean;
  resolve: () => void;
}

interface Group {
  size: number;
  openedAt: number;
  done: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** What happened to the groups so far (tests and the bench read it). */
export interface GroupCommitStats {
  commits: number;
  transactions: number;
  largestGroup: number;
}

export class GroupCommitDriver implements Driver {
  private held = false;
  private readonly waiters: Waiter[] = [];
  private group: Group | null = null;
  private readonly statements = new Map<string, Statement>();
  private readonly maxGroup: number;
  private readonly maxGroupMs: number;
  private readonly cacheSize: number;
  private closed = false;
  private commitScheduled = false;
  readonly stats: GroupCommitStats = { commits: 0, transactions: 0, largestGroup: 0 };

  constructor(
    readonly database: Database,
    o: GroupCommitOptions = {},
  ) {
    this.maxGroup = o.maxGroup ?? 256;
    this.maxGroupMs = o.maxGroupMs ?? 50;
    this.cacheSize = o.statementCache ?? 500;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GroupConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GroupConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GroupConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as GroupConnection).rollback();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoteName(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoteName(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as GroupConnection).release();
  }

  async destroy(): Promise<void> {
    if (this.closed) return;
    // Wait for the connection: any open group commits before it is handed over.
    await this.lock(false);
    this.closed = true;
    this.statements.clear();
    this.database.close();
  }

  /**
   * Takes the connection, in arrival order. A statement outside a
   * transaction (or a transaction that would overfill the group) gets it only
   * after the open group has committed.
   */
  lock(trx: boolean): Promise<void> {
    if (!this.held) {
      this.held = true;
      if (this.group && (!trx || this.full(this.group))) this.commitGroup();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ trx, resolve }));
  }

  private full(g: Group): boolean {
    return g.size >= this.maxGroup || Date.now() - g.openedAt >= this.maxGroupMs;
  }

  /**
   * Hands the connection to the next in line. The open group commits first
   * unless the next is a transaction that may join it; with nobody waiting it
   * commits on the next turn of the event loop, so the transactions started
   * in this turn (requests that arrived together) join it.
   */
  unlock(): void {
    const g = this.group;
    const next = this.waiters.shift();
    if (g && (next ? !next.trx || this.full(g) : false)) this.commitGroup();
    if (next) {
      next.resolve();
      return;
    }
    this.held = false;
    if (g && this.group === g && !this.commitScheduled) {
      this.commitScheduled = true;
      nextTurn(() => {
        this.commitScheduled = false;
        // A member holding the connection commits it (or schedules again) when it lets go.
        if (this.group && !this.held) this.commitGroup();
      });
    }
  }

  /** Opens the shared transaction if none is open and a savepoint for one member; returns the savepoint and the group. */
  join(): { savepoint: string; group: Group } {
    if (!this.group) {
      this.run('begin immediate');
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // A group may fail with nobody awaiting it yet; the members that await it see the error.
      done.catch(() => undefined);
      this.group = { size: 0, openedAt: Date.now(), done, resolve, reject };
    }
    // Members run one after another, each released or rolled back before the next: one name serves them all.
    const name = 'jf_member';
    try {
      this.run(`savepoint ${name}`);
    } catch (e) {
      if (this.group.size === 0) this.abandonGroup(e);
      throw e;
    }
    this.group.size++;
    this.stats.transactions++;
    return { savepoint: name, group: this.group };
  }

  /** Whether SQLite still holds the shared transaction (some errors roll it back whole). */
  get inTransaction(): boolean {
    return this.database.inTransaction;
  }

  /** The shared transaction was lost: every member of the group fails, none is acknowledged. */
  abandonGroup(cause: unknown): void {
    const g = this.group;
    if (!g) return;
    this.group = null;
    if (this.database.inTransaction) {
      try {
        this.run('rollback');
      } catch {
        // Already gone.
      }
    }
    g.reject(cause instanceof Error ? cause : new Error(String(cause)));
  }

  private commitGroup(): void {
    const g = this.group!;
    this.group = null;
    if (!this.database.inTransaction) {
      g.reject(new Error('SQLite rolled back the shared transaction; none of its actions was committed'));
      return;
    }
    try {
      this.run('commit');
    } catch (e) {
      if (this.database.inTransaction) {
        try {
          this.run('rollback');
        } catch {
          // Nothing more to undo.
        }
      }
      g.reject(e);
      return;
    }
    this.stats.commits++;
    if (g.size > this.stats.largestGroup) this.stats.largestGroup = g.size;
    g.resolve();
  }

  private run(sqlText: string): void {
    this.prepare(sqlText).run();
  }

  prepare(sqlText: string): Statement {
    let s = this.statements.get(sqlText);
    if (s) return s;
    s = this.database.prepare(sqlText);
    if (this.statements.size >= this.cacheSize) this.statements.delete(this.statements.keys().next().value!);
    this.statements.set(sqlText, s);
    return s;
  }
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * idle: holds nothing; plain: holds the connection for statements outside a
 * transaction; member: in a group, its savepoint open; released: its
 * savepoint released, waiting for the group's commit; own: a transaction
 * begun while already holding the connection (`db.connection()` then
 * `transaction()`), which commits alone.
 */
type State = 'idle' | 'plain' | 'member' | 'released' | 'own';

/** What Kysely holds for one query or one transaction. */
class GroupConnection implements DatabaseConnection {
  private state: State = 'idle';
  private savepoint = '';
  private group: Group | null = null;

  constructor(private readonly d: GroupCommitDriver) {}

  async begin(): Promise<void> {
    if (this.state === 'plain') {
      // The connection is already ours and no group is open (one commits before a plain holder gets it).
      this.d.prepare('begin immediate').run();
      this.state = 'own';
      return;
    }
    if (this.state !== 'idle') throw new Error('a transaction on a connection already in one');
    await this.d.lock(true);
    try {
      const { savepoint, group } = this.d.join();
      this.savepoint = savepoint;
      this.group = group;
      this.state = 'member';
    } catch (e) {
      this.d.unlock();
      throw e;
    }
  }

  async commit(): Promise<void> {
    if (this.state === 'own') {
      this.d.prepare('commit').run();
      this.state = 'plain';
      return;
    }
    if (this.state !== 'member') throw new Error('no transaction to commit');
    const group = this.group!;
    this.group = null;
    this.state = 'released';
    try {
      this.d.prepare(`release ${this.savepoint}`).run();
    } catch (e) {
      // The savepoint is gone, so the shared transaction is too: Kysely's rollback below finds nothing to undo.
      this.d.abandonGroup(e);
      this.d.unlock();
      throw e;
    }
    this.d.unlock();
    // Acknowledged only once the group is committed.
    await group.done;
    this.state = 'idle';
  }

  async rollback(): Promise<void> {
    if (this.state === 'own') {
      if (this.d.inTransaction) this.d.prepare('rollback').run();
      this.state = 'plain';
      return;
    }
    if (this.state !== 'member') {
      // Released already (its group failed to commit, which undid everything): nothing left to undo.
      if (this.state === 'released') this.state = 'idle';
      return;
    }
    this.state = 'idle';
    this.group = null;
    try {
      if (this.d.inTransaction) {
        this.d.prepare(`rollback to ${this.savepoint}`).run();
        this.d.prepare(`release ${this.savepoint}`).run();
      } else {
        this.d.abandonGroup(new Error('SQLite rolled back the shared transaction after an error in one of its actions'));
      }
    } catch (e) {
      this.d.abandonGroup(e);
    } finally {
      this.d.unlock();
    }
  }

  release(): void {
    if (this.state === 'own') {
      // Kysely always commits or rolls back first; a transaction still open here is undone.
      if (this.d.inTransaction) this.d.prepare('rollback').run();
      this.state = 'plain';
    }
    if (this.state === 'plain') {
      this.state = 'idle';
      this.d.unlock();
    } else if (this.state === 'member') {
      void this.rollback();
    }
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    await this.ensure();
    const stmt = this.d.prepare(compiled.sql);
    const params = compiled.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(params) as R[] };
    const { changes, lastInsertRowid } = stmt.run(params);
    return {
      numAffectedRows: changes != null ? BigInt(changes) : undefined,
      insertId: lastInsertRowid != null ? BigInt(lastInsertRowid) : undefined,
      rows: [],
    };
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    await this.ensure();
    if (!SelectQueryNode.is(compiled.query)) throw new Error('the SQLite driver streams select queries only');
    // A statement of its own: a cached one may be run by others between two rows.
    const stmt = this.d.database.prepare(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }

  /** A statement outside a transaction takes the connection for the rest of this query. */
  private async ensure(): Promise<void> {
    if (this.state === 'member' || this.state === 'plain' || this.state === 'own') return;
    if (this.state !== 'idle') throw new Error('the transaction is waiting for its commit');
    await this.d.lock(false);
    this.state = 'plain';
  }
}

/** Kysely's SQLite dialect with the group-commit driver. */
export class GroupCommitDialect implements Dialect {
  readonly driver: GroupCommitDriver;
  constructor(database: Database, o: GroupCommitOptions = {}) {
    this.driver = new GroupCommitDriver(database, o);
  }
  createDriver(): Driver {
    return this.driver;
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
