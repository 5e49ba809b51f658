import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { sqlTypes } from './sql-types.js';

/**
 * Compliance: the findings of every rule of the regulation over every
 * registry entity, kept by the province-wide sweep.
 *
 * Findings depend on facts only, so they are kept once per distinct set of
 * facts (a situation, found by the hash of its facts): the situation's
 * findings, one row each, and per entity the situation it is in now. An
 * entity's findings are its situation's. `compliance_counts` holds how many
 * entities of each kind are in each situation per county, so the summaries of
 * a city or the province never walk the entities. Registry rows are referred
 * to by id only, as the other contexts do.
 */
export default function complianceMigration(d: DialectName): Migration {
  const t = sqlTypes(d);
  const withoutRowid = d === 'sqlite' ? sql`without rowid` : sql``;
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('compliance_runs')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        // full: every row; incremental: rows changed since the last finished run, and what depends on them.
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        // The day the regulation was applied as it stood (China time).
        .addColumn('as_of', 'text', (c) => c.notNull())
        // Rows updated at or after this instant were looked at again.
        .addColumn('changed_since', sql.raw(t.timestamp))
        .addColumn('started_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('finished_at', sql.raw(t.timestamp))
        .addColumn('stats', sql.raw(t.json), (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('compliance_situations')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('entity_kind', 'text', (c) => c.notNull())
        .addColumn('facts', sql.raw(t.json), (c) => c.notNull())
        // The findings in full (messages, citations, penalties), as the rules gave them on `as_of`.
        .addColumn('findings', sql.raw(t.json), (c) => c.notNull())
        .addColumn('findings_digest', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('violation', 'integer', (c) => c.notNull())
        .addColumn('obligation', 'integer', (c) => c.notNull())
        .addColumn('compliant', 'integer', (c) => c.notNull())
        .addColumn('allowed', 'integer', (c) => c.notNull())
        .addColumn('refused', 'integer', (c) => c.notNull())
        .addColumn('not_applicable', 'integer', (c) => c.notNull())
        .addColumn('updated_at', sql.raw(t.timestamp), (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('compliance_findings')
        .addColumn('situation_id', sql.raw(t.ref), (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('rule_kind', 'text', (c) => c.notNull())
        .addColumn('article', 'integer', (c) => c.notNull())
        .addColumn('paragraph', 'integer')
        .addColumn('item', 'integer')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('compliance_findings_pk', ['situation_id', 'seq'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('compliance_findings_rule_idx').on('compliance_findings').columns(['rule_id', 'outcome']).execute();

      await db.schema
        .createTable('compliance_entities')
        .addColumn('entity_kind', 'text', (c) => c.notNull())
        .addColumn('entity_id', sql.raw(t.ref), (c) => c.notNull())
        .addColumn('situation_id', sql.raw(t.ref), (c) => c.notNull())
        // Copied from the registry row, as lists there are filtered: the county (the city is its prefix), art 19.
        .addColumn('division_code', 'text')
        .addColumn('restricted', sql.raw(t.bool), (c) => c.notNull())
        // The rows whose facts follow from this one's, looked at again when it changes or goes:
        // a system's unit, site and public area; a device's system.
        .addColumn('key_unit_id', sql.raw(t.ref))
        .addColumn('site_id', sql.raw(t.ref))
        .addColumn('public_area_id', sql.raw(t.ref))
        .addColumn('system_id', sql.raw(t.ref))
        // The run that last assessed it; when is the run's start.
        .addColumn('run_id', sql.raw(t.ref), (c) => c.notNull())
        .addPrimaryKeyConstraint('compliance_entities_pk', ['entity_kind', 'entity_id'])
        .modifyEnd(withoutRowid)
        .execute();
      // Lists by place (a county, or a range of them for a city), in the order they are shown, with what the filters read.
      // A unit's own entities are found through the registry's indexes on key_unit_id.
      await db.schema
        .createIndex('compliance_entities_place_idx')
        .on('compliance_entities')
        .columns(['division_code', 'entity_kind', 'entity_id', 'situation_id', 'restricted'])
        .execute();

      // Entities per county, kind, restriction and situation; an empty place is ''.
      await db.schema
        .createTable('compliance_counts')
        .addColumn('city_code', 'text', (c) => c.notNull())
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('entity_kind', 'text', (c) => c.notNull())
        .addColumn('restricted', sql.raw(t.bool), (c) => c.notNull())
        .addColumn('situation_id', sql.raw(t.ref), (c) => c.notNull())
        .addColumn('n', sql.raw(t.bigint), (c) => c.notNull())
        .addPrimaryKeyConstraint('compliance_counts_pk', ['city_code', 'division_code', 'entity_kind', 'restricted', 'situation_id'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('compliance_counts_situation_idx').on('compliance_counts').column('situation_id').execute();
    },
  };
}
