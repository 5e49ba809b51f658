import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { sqlTypes } from './sql-types.js';

/**
 * Supervision workflows: one table of items (each a state machine instance),
 * the log of their transitions, the deadline jobs the scheduler claims with
 * leases, the official documents with their verification codes, inspection
 * attachments, refused attempts (Art 29, 36), missed deadlines, and the
 * public list of filed providers (Art 18). Registry rows are referenced by id
 * only: their existence is checked through the registry's public face.
 */
export default function workflowMigration(d: DialectName): Migration {
  const t = sqlTypes(d);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('workflow_items')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('machine', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        // Optimistic concurrency: every transition moves it by one.
        .addColumn('version', 'integer', (c) => c.notNull())
        // Who must act next: official, subject, applicant; null when nobody must.
        .addColumn('awaiting', 'text')
        // GB/T 2260 code deciding jurisdiction (where the unit is, where the provider does business).
        .addColumn('division_code', 'text', (c) => c.notNull())
        // The one organ the regulation names when it names one (Art 9 ¶2, 16, 17); null means any competent police.
        .addColumn('competent_organ', 'text')
        .addColumn('key_unit_id', sql.raw(t.ref))
        .addColumn('provider_id', sql.raw(t.ref))
        .addColumn('owner_user_id', sql.raw(t.ref))
        .addColumn('parent_id', sql.raw(t.ref))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('data', sql.raw(t.json), (c) => c.notNull())
        .addColumn('due_at', sql.raw(t.timestamp))
        .addColumn('due_party', 'text')
        // Art 19: never on public pages.
        .addColumn('restricted', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', sql.raw(t.ref))
        .addColumn('created_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('updated_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('closed_at', sql.raw(t.timestamp))
        .execute();
      await db.schema.createIndex('workflow_items_machine_state_idx').on('workflow_items').columns(['machine', 'state']).execute();
      await db.schema.createIndex('workflow_items_awaiting_idx').on('workflow_items').columns(['awaiting', 'division_code']).execute();
      await db.schema.createIndex('workflow_items_key_unit_idx').on('workflow_items').column('key_unit_id').execute();
      await db.schema.createIndex('workflow_items_provider_idx').on('workflow_items').column('provider_id').execute();
      await db.schema.createIndex('workflow_items_owner_idx').on('workflow_items').column('owner_user_id').execute();
      await db.schema.createIndex('workflow_items_parent_idx').on('workflow_items').column('parent_id').execute();
      await db.schema.createIndex('workflow_items_due_idx').on('workflow_items').columns(['due_party', 'due_at']).execute();

      await db.schema
        .createTable('workflow_transitions')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('item_id', sql.raw(t.ref), (c) => c.notNull().references('workflow_items.id').onDelete('cascade'))
        // The item's version after this transition: (item_id, version) is unique, so two racing writers cannot both log.
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('transition', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        // Art 36: every official act is attributable; null for the scheduler.
        .addColumn('actor_user_id', sql.raw(t.ref))
        .addColumn('actor_username', 'text')
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('actor_jurisdiction', 'text')
        .addColumn('at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('input', sql.raw(t.json), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('workflow_transitions_item_version_uq').on('workflow_transitions').columns(['item_id', 'version']).unique().execute();
      await db.schema.createIndex('workflow_transitions_actor_idx').on('workflow_transitions').columns(['actor_user_id', 'at']).execute();

      await db.schema
        .createTable('workflow_jobs')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('item_id', sql.raw(t.ref), (c) => c.notNull().references('workflow_items.id').onDelete('cascade'))
        // The state the deadline belongs to: the job is void once the item has left it.
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('party', 'text', (c) => c.notNull())
        // The system transition to take when the deadline passes; null only records the miss.
        .addColumn('on_expiry', 'text')
        .addColumn('due_at', sql.raw(t.timestamp), (c) => c.notNull())
        // pending → done | void | failed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', sql.raw(t.timestamp))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('finished_at', sql.raw(t.timestamp))
        .execute();
      await db.schema.createIndex('workflow_jobs_due_idx').on('workflow_jobs').columns(['status', 'due_at']).execute();
      await db.schema.createIndex('workflow_jobs_item_idx').on('workflow_jobs').columns(['item_id', 'status']).execute();

      await db.schema
        .createTable('workflow_missed_deadlines')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('item_id', sql.raw(t.ref), (c) => c.notNull().references('workflow_items.id').onDelete('cascade'))
        .addColumn('machine', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('party', 'text', (c) => c.notNull())
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('competent_organ', 'text')
        .addColumn('due_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('detected_at', sql.raw(t.timestamp), (c) => c.notNull())
        // Set when the item finally moved on: how late the act came.
        .addColumn('resolved_at', sql.raw(t.timestamp))
        .addColumn('resolved_by', sql.raw(t.ref))
        .execute();
      await db.schema.createIndex('workflow_missed_party_idx').on('workflow_missed_deadlines').columns(['party', 'division_code']).execute();
      await db.schema.createIndex('workflow_missed_item_idx').on('workflow_missed_deadlines').column('item_id').execute();

      await db.schema
        .createTable('workflow_documents')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('item_id', sql.raw(t.ref), (c) => c.notNull().references('workflow_items.id').onDelete('restrict'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('verification_code', 'text', (c) => c.notNull())
        .addColumn('organ_division', 'text', (c) => c.notNull())
        .addColumn('issued_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('issued_by', sql.raw(t.ref))
        // What the public verifier may show: the recipient's name when it is an organisation, never a person's.
        .addColumn('public_subject', 'text')
        .addColumn('content', sql.raw(t.json), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('workflow_documents_item_idx').on('workflow_documents').column('item_id').execute();
      await db.schema
        .createTable('workflow_document_counters')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('organ_division', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('workflow_document_counters_pk', ['kind', 'organ_division', 'year'])
        .execute();

      await db.schema
        .createTable('workflow_attachments')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('item_id', sql.raw(t.ref), (c) => c.notNull().references('workflow_items.id').onDelete('cascade'))
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', sql.raw(t.blob), (c) => c.notNull())
        .addColumn('uploaded_by', sql.raw(t.ref), (c) => c.notNull())
        .addColumn('uploaded_at', sql.raw(t.timestamp), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('workflow_attachments_item_idx').on('workflow_attachments').column('item_id').execute();

      await db.schema
        .createTable('workflow_refusals')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('user_id', sql.raw(t.ref))
        .addColumn('username', 'text')
        .addColumn('role', 'text')
        .addColumn('jurisdiction', 'text')
        .addColumn('item_id', sql.raw(t.ref))
        .addColumn('machine', 'text')
        .addColumn('transition', 'text')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text')
        .addColumn('citation', sql.raw(t.json))
        .addColumn('detail', sql.raw(t.json), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('workflow_refusals_at_idx').on('workflow_refusals').column('at').execute();
      await db.schema.createIndex('workflow_refusals_code_idx').on('workflow_refusals').columns(['code', 'at']).execute();

      // Art 18: the public list of filed providers, written in the same transaction as the acceptance.
      await db.schema
        .createTable('workflow_public_providers')
        .addColumn('filing_id', sql.raw(t.ref), (c) => c.primaryKey().references('workflow_items.id').onDelete('cascade'))
        .addColumn('provider_id', sql.raw(t.ref), (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('credit_code', 'text')
        .addColumn('services', sql.raw(t.json), (c) => c.notNull())
        .addColumn('business_division', 'text', (c) => c.notNull())
        .addColumn('filing_organ', 'text', (c) => c.notNull())
        .addColumn('filed_at', sql.raw(t.timestamp), (c) => c.notNull())
        .addColumn('receipt_number', 'text', (c) => c.notNull())
        // Lower-cased name and code, searched with LIKE on both engines.
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('active', sql.raw(t.bool), (c) => c.notNull())
        .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('workflow_public_providers_provider_idx').on('workflow_public_providers').column('provider_id').execute();
      await db.schema.createIndex('workflow_public_providers_code_idx').on('workflow_public_providers').column('credit_code').execute();
    },
  };
}
