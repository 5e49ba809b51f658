import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { sqlTypes } from './sql-types.js';

/**
 * Device operations (art 11(2), 21): systems report in, by GB/T 28181
 * registration and keepalive or by an uploaded operation log; an offline or
 * interrupted system raises an alert, which can become an art 21 case.
 *
 * System and device ids refer to the registry; like the vault's tables they
 * are checked in code through the registry, and each row carries the place,
 * the owning unit and the art 19 flag it was given, so lists and the
 * dashboard filter by an index alone.
 */
export default function deviceOperationsMigration(d: DialectName): Migration {
  const t = sqlTypes(d);
  const id = sql.raw(t.id);
  const ref = sql.raw(t.ref);
  const ts = sql.raw(t.timestamp);
  const bool = sql.raw(t.bool);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      // A GB/T 28181 identity (20 digits) that maps a reporting device or platform to
      // a registered system. The digest credential is kept as HA1 = MD5(id:realm:password)
      // (RFC 2617), never the password; it is kept here, not on the registry's rows,
      // so no registry list or export can carry it.
      await db.schema
        .createTable('gb_endpoints')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('gb_id', 'text', (c) => c.notNull().unique())
        .addColumn('system_id', ref, (c) => c.notNull())
        .addColumn('device_id', ref)
        .addColumn('realm', 'text', (c) => c.notNull())
        .addColumn('ha1', 'text', (c) => c.notNull())
        .addColumn('set_by', ref)
        .addColumn('set_at', ts, (c) => c.notNull())
        .addColumn('registered_until', ts)
        .addColumn('contact', 'text')
        .execute();
      await db.schema.createIndex('gb_endpoints_system_idx').on('gb_endpoints').column('system_id').execute();

      // Each system's operating status: no row means never reported.
      await db.schema
        .createTable('operation_status')
        .addColumn('system_id', ref, (c) => c.primaryKey())
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('city_code', 'text', (c) => c.notNull())
        .addColumn('restricted', bool, (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('since', ts, (c) => c.notNull())
        .addColumn('last_report_at', ts, (c) => c.notNull())
        .addColumn('last_kind', 'text', (c) => c.notNull())
        // Reports by keepalive: only these go offline when keepalives stop.
        .addColumn('keepalive', bool, (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      // The dashboard: systems offline or interrupted per place, from the index alone.
      await db.schema.createIndex('operation_status_status_place_idx').on('operation_status').columns(['status', 'division_code', 'restricted']).execute();
      // The periodic check: online keepalive reporters by their last report.
      await db.schema.createIndex('operation_status_check_idx').on('operation_status').columns(['status', 'keepalive', 'last_report_at']).execute();
      await db.schema.createIndex('operation_status_unit_idx').on('operation_status').column('key_unit_id').execute();

      // One row per ingest (a SIP message, an uploaded log): the unit the ledger records.
      await db.schema
        .createTable('operation_batches')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('system_id', ref, (c) => c.notNull())
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('records', 'integer', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('received_at', ts, (c) => c.notNull())
        .addColumn('received_by', ref)
        .execute();

      // Art 21 ¶1 (4): operation records are never altered or removed.
      await db.schema
        .createTable('operation_records')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('batch_id', ref, (c) => c.notNull().references('operation_batches.id'))
        .addColumn('system_id', ref, (c) => c.notNull())
        .addColumn('device_id', ref)
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('restricted', bool, (c) => c.notNull().defaultTo(0))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('occurred_at', ts, (c) => c.notNull())
        .addColumn('received_at', ts, (c) => c.notNull())
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('digest', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('operation_records_system_idx').on('operation_records').columns(['system_id', 'occurred_at']).execute();
      await db.schema.createIndex('operation_records_batch_idx').on('operation_records').column('batch_id').execute();
      if (d === 'sqlite') {
        for (const op of ['update', 'delete']) {
          await sql
            .raw(`create trigger operation_records_no_${op} before ${op} on operation_records begin select raise(abort, 'operation records are append-only (art 21 (4))'); end`)
            .execute(db);
        }
      } else {
        await sql
          .raw(
            `create function operation_records_append_only() returns trigger language plpgsql as $$
             begin raise exception 'operation records are append-only (art 21 (4))'; end $$`,
          )
          .execute(db);
        await sql.raw(`create trigger operation_records_no_change before update or delete on operation_records for each row execute function operation_records_append_only()`).execute(db);
      }

      await db.schema
        .createTable('operation_alerts')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('system_id', ref, (c) => c.notNull())
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('city_code', 'text', (c) => c.notNull())
        .addColumn('restricted', bool, (c) => c.notNull().defaultTo(0))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('raised_at', ts, (c) => c.notNull())
        .addColumn('cleared_at', ts)
        .addColumn('record_id', ref)
        .addColumn('case_id', ref)
        .execute();
      await db.schema.createIndex('operation_alerts_place_idx').on('operation_alerts').columns(['division_code', 'raised_at']).execute();
      await db.schema.createIndex('operation_alerts_system_idx').on('operation_alerts').columns(['system_id', 'cleared_at']).execute();
      await db.schema.createIndex('operation_alerts_unit_idx').on('operation_alerts').columns(['key_unit_id', 'raised_at']).execute();
    },
  };
}
