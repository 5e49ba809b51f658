import { randomInt } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * A number and a status code for every citizen's application (Art 25 ¶1
 * viewing, Art 25 ¶2 evidence), handed to the applicant when it is filed, so
 * that anyone holding the receipt — an applicant filed for at the station has
 * no account — can follow it on the public portal without logging in.
 * Applications filed before this migration get theirs now.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const code = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export default function applicationCodesMigration(_d: DialectName): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      for (const [table, prefix, division] of [
        ['viewing_applications', 'CKSQ', 'station_division'],
        ['evidence_requests', 'DZSQ', 'division_code'],
      ] as const) {
        await db.schema.alterTable(table).addColumn('application_no', 'text').execute();
        await db.schema.alterTable(table).addColumn('status_code', 'text').execute();
        const rows = await db.selectFrom(table).select(['id', `${division} as division`]).execute();
        for (const r of rows) {
          await db
            .updateTable(table)
            .set({ application_no: `${prefix}-${r.division}-${String(r.id).padStart(6, '0')}`, status_code: code() })
            .where('id', '=', r.id)
            .execute();
        }
        await db.schema.createIndex(`${table}_application_no_uq`).on(table).column('application_no').unique().execute();
      }
    },
  };
}
