import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { divisionPrefix, isAllowed, type Actor } from '../../access/index.js';
import { AppError, CommonErrors } from '../../shared/errors.js';
import {
  APPLICANT_KINDS,
  CASE_KINDS,
  closeEvidence,
  EVIDENCE_STATES,
  fileEvidence,
  getEvidence,
  handOver,
  listEvidence,
  listSegments,
  openPackage,
  recordEvidence,
  answersForUnit,
  type ApplicantKind,
  type CaseKind,
  type EvidenceState,
  type EvidenceView,
  LIST_ORDERS,
  LIST_SORTS,
  type ListOrder,
  type ListPage,
  type ListSort,
} from '../../vault/index.js';
import { noStore } from '../auth.js';
import { allPages, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';
import { EvidenceSchema, IdParams, Paging, ScopeSchema, scopeIn, SegmentSchema, Str, Text, WindowSchema } from './captured-schemas.js';
import { vaultOf } from './captured-vault.js';

const tags = ['evidence'];
const Reply = Type.Object({ request: EvidenceSchema });

/** The filters of the list, shared with its export. */
const ListFilters = {
  state: Type.Optional(Str(EVIDENCE_STATES)),
  sort: Type.Optional(Str(LIST_SORTS, 'created (filed), window (start of the footage asked for) or id (default)')),
  order: Type.Optional(Str(LIST_ORDERS, 'desc (default) or asc')),
};
type ListQuery = { state?: unknown; sort?: unknown; order?: unknown };

/**
 * An exported request: what the list shows of it. Never the resident ID
 * number (not even masked), the application text, the proof, or the
 * receipt's status code; the party's name as the caller's list shows it
 * (masked for the capturing unit and oversight).
 */
const EVIDENCE_COLUMNS: ExportColumn<EvidenceView>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (r) => r.id },
  { header: { zh: '申请号', en: 'Application no.' }, value: (r) => r.applicationNo },
  { header: { zh: '状态', en: 'State' }, value: (r) => r.state },
  { header: { zh: '当事人类型', en: 'Party kind' }, value: (r) => r.partyKind },
  { header: { zh: '当事人', en: 'Party' }, value: (r) => r.partyName },
  { header: { zh: '案件类型', en: 'Case kind' }, value: (r) => r.caseKind },
  { header: { zh: '案号', en: 'Case reference' }, value: (r) => r.caseRef },
  { header: { zh: '采获信息所在区划', en: 'Footage division' }, value: (r) => r.divisionCode },
  { header: { zh: '重点单位编号', en: 'Key unit ID' }, value: (r) => r.keyUnitId },
  { header: { zh: '时段起', en: 'Window from' }, value: (r) => r.window.from },
  { header: { zh: '时段止', en: 'Window to' }, value: (r) => r.window.to },
  { header: { zh: '手续编号', en: 'Formality no.' }, value: (r) => r.formalityNo },
  { header: { zh: '申请时间', en: 'Filed' }, value: (r) => r.createdAt },
  { header: { zh: '登记时间', en: 'Recorded' }, value: (r) => r.recordedAt },
  { header: { zh: '移交时间', en: 'Handed over' }, value: (r) => r.handedOverAt },
  { header: { zh: '结束时间', en: 'Closed' }, value: (r) => r.closedAt },
  { header: { zh: '条款', en: 'Article' }, value: () => '第二十五条第二款 / Art 25 ¶2' },
];

function canRead(actor: Actor, r: EvidenceView): boolean {
  return isAllowed(actor, 'read', { kind: 'evidence-request', divisionCode: r.divisionCode, keyUnitId: r.keyUnitId, parties: [r.applicantUserId] });
}

/** Art 25 ¶2: evidence retrieval on a written application, recorded by the police, handed over as a BagIt package. */
export const evidenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const v = () => vaultOf(app.deps);
  const answer = async (actor: Actor, id: number) => {
    const r = await getEvidence(v(), id);
    if (!canRead(actor, r)) throw new AppError(CommonErrors.JF_FORBIDDEN);
    // The capturing unit sees the party's name masked.
    return { request: actor.userId === r.applicantUserId || actor.role.endsWith('_supervisor') ? r : await getEvidence(v(), id, { maskParty: true }) };
  };

  app.post(
    '/api/v1/evidence-requests',
    {
      schema: {
        tags,
        summary: 'Apply in writing, as the party bearing the burden of proof, with valid proof, to retrieve captured information as evidence (art 25 ¶2)',
        body: Type.Object(
          {
            partyKind: Str(APPLICANT_KINDS),
            partyName: Text(200),
            residentId: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' })),
            caseKind: Str(CASE_KINDS),
            caseRef: Text(200),
            applicationText: Text(10000),
            proofDescription: Text(2000),
            bearsBurdenOfProof: Type.Boolean(),
            divisionCode: Type.String({ pattern: '^21[0-9]{4}$', description: 'County-level GB/T 2260 code where the footage is' }),
            window: WindowSchema,
            scope: Type.Optional(ScopeSchema),
          },
          { additionalProperties: false },
        ),
        response: { 201: Reply },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (!isAllowed(actor, 'create', { kind: 'evidence-request' })) throw new AppError(CommonErrors.JF_FORBIDDEN);
      const b = req.body;
      const r = await fileEvidence(v(), actor, { ...b, partyKind: b.partyKind as ApplicantKind, caseKind: b.caseKind as CaseKind, scope: b.scope ? scopeIn(b.scope) : undefined });
      return reply.status(201).send({ request: r });
    },
  );

  /** One page of the requests the caller may see: the scope of each role, then the filters; the party's name masked as the list masks it. */
  const page = async (a: Actor, q: ListQuery, limit: number, offset: number): Promise<ListPage<EvidenceView>> => {
    const states = q.state ? [q.state as EvidenceState] : undefined;
    const f = { states, limit, offset, sort: q.sort as ListSort | undefined, order: q.order as ListOrder | undefined };
    let r: ListPage<EvidenceView>;
    if (a.role === 'citizen') r = await listEvidence(v(), { ...f, applicantUserId: a.userId });
    else if (a.role === 'key_unit' && a.keyUnitId != null) r = await listEvidence(v(), { ...f, keyUnitId: a.keyUnitId, states: states ?? ['recorded', 'handed_over', 'closed'] }, { maskParty: true });
    else if ((a.role.endsWith('_supervisor') || a.role === 'station_officer') && a.jurisdiction) r = await listEvidence(v(), { ...f, divisionPrefix: divisionPrefix(a.jurisdiction) });
    else if (a.role === 'oversight') r = await listEvidence(v(), f, { maskParty: true });
    else throw new AppError(CommonErrors.JF_FORBIDDEN);
    return { total: r.total, items: r.items.filter((x) => canRead(a, x)) };
  };

  app.get(
    '/api/v1/evidence-requests',
    {
      schema: {
        tags,
        summary: 'Evidence requests: the applicant their own, the police of an area theirs, a unit those for its systems; paged, with the total',
        querystring: Type.Object({ ...ListFilters, ...Paging }, { additionalProperties: false }),
        response: { 200: Type.Object({ total: Type.Integer({ description: 'How many the filters find' }), items: Type.Array(EvidenceSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return page(req.actor!, req.query, req.query.limit ?? 50, req.query.offset ?? 0);
    },
  );

  app.get(
    '/api/v1/evidence-requests/export',
    {
      schema: {
        tags,
        summary: 'Export the evidence requests the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX; never the resident ID number, the application text or the status code, and the party as the list shows it',
        querystring: Type.Object({ ...ListFilters, format: ExportFormatQuery }, { additionalProperties: false }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const rows = await allPages((offset) => page(req.actor!, q, 200, offset));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'evidence-requests', now: app.deps.clock.now(), columns: EVIDENCE_COLUMNS, rows });
    },
  );

  app.get('/api/v1/evidence-requests/:id', { schema: { tags, summary: 'One evidence request', params: IdParams, response: { 200: Reply } } }, async (req, reply) => {
    noStore(reply);
    return answer(req.actor!, req.params.id);
  });

  app.post(
    '/api/v1/evidence-requests/:id/record',
    {
      schema: {
        tags,
        summary: 'The police record the application and issue the formalities (a formality number), or refuse with the reason (art 25 ¶2)',
        params: IdParams,
        body: Type.Object({ approve: Type.Boolean(), reason: Type.Optional(Type.String({ maxLength: 2000 })), scope: Type.Optional(ScopeSchema), window: Type.Optional(WindowSchema) }, { additionalProperties: false }),
        response: { 200: Reply },
      },
    },
    async (req) => {
      const b = req.body;
      await recordEvidence(v(), req.actor!, req.params.id, { ...b, scope: b.scope ? scopeIn(b.scope) : undefined });
      return answer(req.actor!, req.params.id);
    },
  );

  app.get(
    '/api/v1/evidence-requests/:id/segments',
    { schema: { tags, summary: 'Recordings within the formalities (metadata), for the unit to choose what to hand over', params: IdParams, response: { 200: Type.Object({ items: Type.Array(SegmentSchema) }) } } },
    async (req, reply) => {
      noStore(reply);
      const r = await getEvidence(v(), req.params.id);
      if (!answersForUnit(req.actor!, r.keyUnitId, r.divisionCode) || r.state !== 'recorded') throw new AppError(CommonErrors.JF_FORBIDDEN);
      const items = [];
      for (const e of r.scope) items.push(...(await listSegments(v(), { kind: 'all', includeRestricted: false }, { systemId: e.systemId, deviceId: e.deviceId ?? undefined, from: r.window.from, to: r.window.to, limit: 1000 })));
      return { items: items.filter((s) => s.state !== 'erased') };
    },
  );

  app.post(
    '/api/v1/evidence-requests/:id/handover',
    {
      schema: {
        tags,
        summary: 'The capturing unit, shown the formalities, hands over an evidence package: a BagIt bag of the recordings, their SHA-256 manifest, the request, the approvals and the chain of custody',
        params: IdParams,
        body: Type.Object({ formalityNo: Text(64), segmentIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
        response: { 200: Reply },
      },
    },
    async (req) => {
      await handOver(v(), req.actor!, req.params.id, req.body);
      return answer(req.actor!, req.params.id);
    },
  );

  app.get(
    '/api/v1/evidence-requests/:id/package',
    { schema: { tags, summary: 'Download the evidence package (application/x-tar holding one BagIt bag); each download is recorded', params: IdParams, response: { 200: Type.String({ contentEncoding: 'binary' }) } } },
    async (req, reply) => {
      const { view, stream } = await openPackage(v(), req.actor!, req.params.id);
      reply
        .type('application/x-tar')
        .header('content-length', String(view.packageSize))
        .header('content-disposition', `attachment; filename="jifang-evidence-${view.id}.tar"`)
        .header('repr-digest', `sha-256=:${Buffer.from(view.packageSha256!, 'hex').toString('base64')}:`)
        .header('cache-control', 'no-store');
      return reply.send(stream as unknown as string);
    },
  );

  app.post('/api/v1/evidence-requests/:id/close', { schema: { tags, summary: 'Close an evidence request; its hold is released', params: IdParams, response: { 200: Reply } } }, async (req) => {
    await closeEvidence(v(), req.actor!, req.params.id);
    return answer(req.actor!, req.params.id);
  });
};
