import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { sqlTypes } from './sql-types.js';

export default function accessMigration(d: DialectName): Migration {
  const t = sqlTypes(d);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        // GB/T 2260 code of the area the account answers for (police roles).
        .addColumn('jurisdiction', 'text')
        .addColumn('organ_id', sql.raw(t.ref))
        .addColumn('key_unit_id', sql.raw(t.ref))
        .addColumn('provider_id', sql.raw(t.ref))
        .addColumn('disabled', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('updated_at', sql.raw(t.timestamp), (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        // SHA-256 of the cookie value: a stolen database holds no usable session.
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', sql.raw(t.ref), (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('expires_at', sql.raw(t.timestamp), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
    },
  };
}
