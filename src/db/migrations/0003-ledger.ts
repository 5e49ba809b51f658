import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { sqlTypes } from './sql-types.js';

/**
 * The tamper-evident ledger (art 21 ¶1 (4), art 24-25, art 36): a queue that
 * writers fill inside their own transactions, the integrated entries, the
 * node table of every complete subtree hash, the signed checkpoints, the
 * public keys that signed them, and the sequencer's lease. Entries, nodes and
 * checkpoints refuse UPDATE and DELETE through triggers; that keeps honest
 * code honest, and the signed checkpoints catch whoever goes around it.
 */
export default function ledgerMigration(d: DialectName): Migration {
  const t = sqlTypes(d);
  const big = sql.raw(t.bigint);
  const blob = sql.raw(t.blob);
  const ts = sql.raw(t.timestamp);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      // One row. The origin is fixed when the first key is made; ref_salt keys
      // the pseudonyms of user ids written into leaves and never leaves the database.
      // `checkpoint` is the latest signed note: every batch signs one, the
      // history table keeps one a minute (and every key hand-over).
      await db.schema
        .createTable('ledger_state')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('origin', 'text')
        .addColumn('tree_size', big, (c) => c.notNull())
        .addColumn('root_hash', blob, (c) => c.notNull())
        .addColumn('checkpoint', 'text')
        .addColumn('signed_at', ts)
        .addColumn('ref_salt', blob, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addCheckConstraint('ledger_state_one_row_ck', sql`id = 1`)
        .execute();
      await db
        .insertInto('ledger_state')
        .values({ id: 1, origin: null, tree_size: 0, root_hash: createHash('sha256').digest(), ref_salt: randomBytes(32), updated_at: new Date().toISOString() })
        .execute();

      // Leaves queued by writers, in the writer's transaction; the sequencer
      // gives them indexes. The body is the leaf without its header and index.
      await db.schema
        .createTable('ledger_queue')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('queued_at_ms', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('ledger_entries')
        .addColumn('idx', big, (c) => c.primaryKey())
        .addColumn('leaf', blob, (c) => c.notNull())
        .execute();

      // Every complete subtree: id = level * 2^40 + index; level 0 holds the leaf hashes.
      await db.schema
        .createTable('ledger_nodes')
        .addColumn('id', big, (c) => c.primaryKey())
        .addColumn('hash', blob, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('ledger_checkpoints')
        .addColumn('tree_size', big, (c) => c.primaryKey())
        .addColumn('root_hash', blob, (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('signed_at', ts, (c) => c.notNull())
        // Leaves integrated since the previous stored checkpoint, and the longest
        // wait among them between queueing and signing (the merge delay).
        .addColumn('batch_size', 'integer', (c) => c.notNull())
        .addColumn('max_merge_delay_ms', 'integer', (c) => c.notNull())
        .execute();

      // Public keys only; the private key lives in a file outside the database.
      await db.schema
        .createTable('ledger_keys')
        .addColumn('vkey', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('first_size', big)
        .addColumn('last_size', big)
        .addColumn('announced_at_index', big)
        .addCheckConstraint('ledger_keys_status_ck', sql`status in ('pending', 'active', 'retired')`)
        .execute();

      await db.schema
        .createTable('ledger_lease')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text')
        .addColumn('expires_at_ms', big, (c) => c.notNull())
        .execute();
      await db.insertInto('ledger_lease').values({ name: 'sequencer', holder: null, expires_at_ms: 0 }).execute();

      for (const table of ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints']) {
        if (d === 'postgres') {
          await sql`create function ${sql.raw(`${table}_append_only`)}() returns trigger language plpgsql as $$
            begin raise exception '${sql.raw(table)} is append-only'; end $$`.execute(db);
          await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
            for each row execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
        } else {
          for (const op of ['update', 'delete']) {
            await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
              begin select raise(abort, '${sql.raw(table)} is append-only'); end`.execute(db);
          }
        }
      }
    },
  };
}
