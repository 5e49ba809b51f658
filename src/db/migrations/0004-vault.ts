import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { sqlTypes } from './sql-types.js';

/**
 * Captured information (Chapter 3): the record of recordings and their files,
 * retention holds and policies, the lawful access paths and every access event.
 * System, device and key-unit ids refer to the registry; their existence is
 * checked in code through the registry's public face, not by foreign keys, so
 * this migration stands on its own.
 */
export default function vaultMigration(d: DialectName): Migration {
  const t = sqlTypes(d);
  const id = sql.raw(t.id);
  const ref = sql.raw(t.ref);
  const ts = sql.raw(t.timestamp);
  const big = sql.raw(t.bigint);
  const bool = sql.raw(t.bool);
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      // One row per stored file: present exactly while the file is in the store.
      await db.schema
        .createTable('captured_blobs')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('size', big, (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();

      // The vault's snapshot of each recording system, refreshed at every ingest:
      // the sweep and the coverage check walk this short list, never the segments.
      await db.schema
        .createTable('captured_systems')
        .addColumn('system_id', ref, (c) => c.primaryKey())
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('restricted', bool, (c) => c.notNull().defaultTo(0))
        .addColumn('retention_scope', 'text', (c) => c.notNull())
        .addColumn('art10_item', 'integer')
        .addColumn('first_captured_at', ts, (c) => c.notNull())
        .addColumn('last_captured_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('captured_systems_unit_idx').on('captured_systems').column('key_unit_id').execute();

      await db.schema
        .createTable('captured_segments')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('system_id', ref, (c) => c.notNull())
        .addColumn('device_id', ref)
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('restricted', bool, (c) => c.notNull().defaultTo(0))
        .addColumn('retention_scope', 'text', (c) => c.notNull())
        .addColumn('capture_kind', 'text', (c) => c.notNull())
        .addColumn('started_at', ts, (c) => c.notNull())
        .addColumn('ended_at', ts, (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', big, (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('original_name', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('kept'))
        .addColumn('ingested_at', ts, (c) => c.notNull())
        .addColumn('ingested_by', ref)
        .addColumn('sealed_at', ts)
        .addColumn('erased_at', ts)
        .addColumn('erased_by', ref)
        // system:device:startedAt:sha256 — the same file for the same span is taken in once, so a retry is safe.
        .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
        .addCheckConstraint('captured_segments_span_ck', sql`ended_at > started_at`)
        .execute();
      // The sweep: one range per system, by end of capture; `size` rides along so the range answers alone.
      await db.schema.createIndex('captured_segments_system_state_end_idx').on('captured_segments').columns(['system_id', 'state', 'ended_at', 'size']).execute();
      await db.schema.createIndex('captured_segments_system_start_idx').on('captured_segments').columns(['system_id', 'started_at']).execute();
      await db.schema.createIndex('captured_segments_unit_idx').on('captured_segments').columns(['key_unit_id', 'started_at']).execute();
      await db.schema.createIndex('captured_segments_division_idx').on('captured_segments').columns(['division_code', 'started_at']).execute();
      await db.schema.createIndex('captured_segments_sha_idx').on('captured_segments').column('sha256').execute();

      // A unit's choice for recordings past their minimum (art 23 ¶2: 即可以自行封存或者消除).
      await db.schema
        .createTable('retention_policies')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('key_unit_id', ref)
        .addColumn('system_id', ref)
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('keep_days', 'integer')
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addColumn('updated_by', ref)
        .execute();
      await db.schema.createIndex('retention_policies_unit_idx').on('retention_policies').column('key_unit_id').unique().where(sql.ref('system_id'), 'is', null).execute();
      await db.schema.createIndex('retention_policies_system_idx').on('retention_policies').column('system_id').unique().execute();

      // 公安机关要求提取 (art 23 ¶2): while a hold is active nothing it covers is sealed or erased.
      await db.schema
        .createTable('retention_holds')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('system_id', ref, (c) => c.notNull())
        .addColumn('device_id', ref)
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('window_from', ts, (c) => c.notNull())
        .addColumn('window_to', ts, (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_id', ref)
        .addColumn('case_ref', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('placed_by', ref)
        .addColumn('placed_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts)
        .addColumn('released_at', ts)
        .addColumn('released_by', ref)
        .execute();
      await db.schema.createIndex('retention_holds_system_idx').on('retention_holds').columns(['system_id', 'released_at']).execute();
      await db.schema.createIndex('retention_holds_source_idx').on('retention_holds').columns(['source', 'source_id']).execute();

      // Every view, copy, export, erasure and every refused attempt (art 22, 24, 25; art 11(3) 登记).
      await db.schema
        .createTable('captured_events')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('at', ts, (c) => c.notNull())
        .addColumn('actor_user_id', ref)
        .addColumn('actor_role', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text')
        .addColumn('error_code', 'text')
        .addColumn('system_id', ref)
        .addColumn('segment_id', ref)
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text')
        .addColumn('grant_kind', 'text')
        .addColumn('grant_id', ref)
        .addColumn('detail', sql.raw(t.json))
        .execute();
      await db.schema.createIndex('captured_events_division_idx').on('captured_events').columns(['division_code', 'at']).execute();
      await db.schema.createIndex('captured_events_unit_idx').on('captured_events').columns(['key_unit_id', 'at']).execute();
      await db.schema.createIndex('captured_events_outcome_idx').on('captured_events').columns(['outcome', 'at']).execute();
      await db.schema.createIndex('captured_events_grant_idx').on('captured_events').columns(['grant_kind', 'grant_id']).execute();

      // Systems and devices a request, application or evidence retrieval covers.
      await db.schema
        .createTable('vault_scopes')
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', ref, (c) => c.notNull())
        .addColumn('system_id', ref, (c) => c.notNull())
        .addColumn('device_id', ref)
        .execute();
      await db.schema.createIndex('vault_scopes_owner_idx').on('vault_scopes').columns(['owner_kind', 'owner_id']).execute();

      // Art 24: official (¶1) and emergency (¶2) access.
      await db.schema
        .createTable('access_requests')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('organ_name', 'text', (c) => c.notNull())
        .addColumn('organ_kind', 'text', (c) => c.notNull())
        // The filing officer's organ account id, when the account names one: every officer must share it.
        .addColumn('organ_id', ref)
        .addColumn('organ_certificate_no', 'text')
        .addColumn('case_ref', 'text')
        .addColumn('duty', 'text', (c) => c.notNull())
        .addColumn('purposes', sql.raw(t.json), (c) => c.notNull())
        .addColumn('window_from', ts, (c) => c.notNull())
        .addColumn('window_to', ts, (c) => c.notNull())
        .addColumn('valid_until', ts, (c) => c.notNull())
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('restricted', bool, (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', ref, (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('registered_at', ts)
        .addColumn('registered_by', ref)
        .addColumn('registration_no', 'text')
        .addColumn('refusal_reason', 'text')
        .addColumn('closed_at', ts)
        .addColumn('closed_by', ref)
        .addColumn('emergency_mode', 'text')
        .addColumn('platform_name', 'text')
        .addColumn('requester_jurisdiction', 'text')
        .addColumn('requester_role', 'text')
        .addColumn('reviewed_at', ts)
        .addColumn('reviewed_by', ref)
        .addColumn('review_verdict', 'text')
        .addColumn('review_note', 'text')
        .execute();
      await db.schema.createIndex('access_requests_unit_idx').on('access_requests').columns(['key_unit_id', 'created_at']).execute();
      await db.schema.createIndex('access_requests_division_idx').on('access_requests').columns(['division_code', 'created_at']).execute();

      // Art 24 ¶1 (1)(2)(4): each officer, in their own session, with their work ID and the confidentiality duty.
      await db.schema
        .createTable('access_request_officers')
        .addColumn('request_id', ref, (c) => c.notNull().references('access_requests.id').onDelete('cascade'))
        .addColumn('user_id', ref, (c) => c.notNull())
        .addColumn('work_id_no', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', ts, (c) => c.notNull())
        .addColumn('confidentiality_accepted_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('access_request_officers_pk', ['request_id', 'user_id'])
        .addUniqueConstraint('access_request_officers_work_id_uq', ['request_id', 'work_id_no'])
        .execute();
      await db.schema.createIndex('access_request_officers_user_idx').on('access_request_officers').column('user_id').execute();

      // A short-lived ticket for one viewer's playback of one recording: the view is
      // recorded once when it is issued; range requests reuse it.
      await db.schema
        .createTable('playback_tickets')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', ref, (c) => c.notNull())
        .addColumn('segment_id', ref, (c) => c.notNull())
        .addColumn('grant_kind', 'text', (c) => c.notNull())
        .addColumn('grant_id', ref, (c) => c.notNull())
        .addColumn('watermark', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .execute();

      // Art 25 ¶1: a citizen's viewing application.
      await db.schema
        .createTable('viewing_applications')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('applicant_user_id', ref)
        .addColumn('applicant_kind', 'text', (c) => c.notNull())
        .addColumn('applicant_name', 'text', (c) => c.notNull())
        .addColumn('organisation_name', 'text')
        // Only a keyed hash (to match the card shown later) and a masked form are kept.
        .addColumn('resident_id_hash', 'text', (c) => c.notNull())
        .addColumn('resident_id_masked', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('station_division', 'text', (c) => c.notNull())
        .addColumn('window_from', ts, (c) => c.notNull())
        .addColumn('window_to', ts, (c) => c.notNull())
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('created_by', ref, (c) => c.notNull())
        .addColumn('registered_at', ts)
        .addColumn('registered_by', ref)
        .addColumn('decided_at', ts)
        .addColumn('decided_by', ref)
        .addColumn('decision_reasons', 'text')
        .addColumn('mode', 'text')
        .addColumn('accompanying_officer_id', ref)
        .addColumn('document_no', 'text', (c) => c.unique())
        .addColumn('document_code_hash', 'text')
        .addColumn('document_expires_at', ts)
        .addColumn('closed_at', ts)
        .execute();
      await db.schema.createIndex('viewing_applications_station_idx').on('viewing_applications').columns(['station_division', 'created_at']).execute();
      await db.schema.createIndex('viewing_applications_unit_idx').on('viewing_applications').columns(['key_unit_id', 'created_at']).execute();
      await db.schema.createIndex('viewing_applications_applicant_idx').on('viewing_applications').column('applicant_user_id').execute();

      // Art 25 ¶1 (3)(4): the visit registered at the capturing unit, and what it shows.
      await db.schema
        .createTable('viewing_visits')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('application_id', ref, (c) => c.notNull().references('viewing_applications.id'))
        .addColumn('registered_at', ts, (c) => c.notNull())
        .addColumn('registered_by', ref, (c) => c.notNull())
        .addColumn('segment_ids', sql.raw(t.json), (c) => c.notNull())
        .addColumn('ends_at', ts, (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();

      // Art 25 ¶2: evidence retrieval.
      await db.schema
        .createTable('evidence_requests')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('applicant_user_id', ref, (c) => c.notNull())
        .addColumn('party_kind', 'text', (c) => c.notNull())
        .addColumn('party_name', 'text', (c) => c.notNull())
        .addColumn('resident_id_masked', 'text')
        .addColumn('case_kind', 'text', (c) => c.notNull())
        .addColumn('case_ref', 'text', (c) => c.notNull())
        .addColumn('application_text', 'text', (c) => c.notNull())
        .addColumn('proof_description', 'text', (c) => c.notNull())
        .addColumn('window_from', ts, (c) => c.notNull())
        .addColumn('window_to', ts, (c) => c.notNull())
        .addColumn('key_unit_id', ref)
        .addColumn('division_code', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('recorded_at', ts)
        .addColumn('recorded_by', ref)
        .addColumn('formality_no', 'text', (c) => c.unique())
        .addColumn('refusal_reason', 'text')
        .addColumn('handed_over_at', ts)
        .addColumn('handed_over_by', ref)
        .addColumn('package_sha256', 'text')
        .addColumn('package_size', big)
        .addColumn('package_segment_ids', sql.raw(t.json))
        .addColumn('closed_at', ts)
        .execute();
      await db.schema.createIndex('evidence_requests_unit_idx').on('evidence_requests').columns(['key_unit_id', 'created_at']).execute();
      await db.schema.createIndex('evidence_requests_division_idx').on('evidence_requests').columns(['division_code', 'created_at']).execute();
      await db.schema.createIndex('evidence_requests_applicant_idx').on('evidence_requests').column('applicant_user_id').execute();
    },
  };
}
