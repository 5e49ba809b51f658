import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { sqlTypes } from './sql-types.js';

/**
 * A finder for the ledger: which entries name a given subject
 * (`key-unit:12`, `workflow-item:7`), so an entity's history is an index
 * lookup rather than a scan of every leaf. It is derived from the leaves
 * (the `subject` line) and proves nothing by itself: the entries it points
 * to are checked against the signed tree like any other.
 */
export default function ledgerSubjectsMigration(d: DialectName): Migration {
  const big = sql.raw(sqlTypes(d).bigint);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('ledger_subjects')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('idx', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('ledger_subjects_pk', ['subject', 'idx'])
        .execute();
      // Entries integrated before this table existed.
      for (let from = 0; ; ) {
        const rows = await db.selectFrom('ledger_entries').select(['idx', 'leaf']).where('idx', '>=', from).orderBy('idx').limit(5000).execute();
        if (!rows.length) break;
        const values = rows.flatMap((r: { idx: number | string; leaf: Uint8Array }) => {
          const m = /\nsubject ([^\n]+)\n/.exec(Buffer.from(r.leaf).toString('latin1'));
          return m ? [{ subject: m[1], idx: Number(r.idx) }] : [];
        });
        if (values.length) await db.insertInto('ledger_subjects').values(values).execute();
        from = Number(rows[rows.length - 1].idx) + 1;
      }
    },
  };
}
