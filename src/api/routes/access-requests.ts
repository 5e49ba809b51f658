import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { divisionPrefix, isAllowed, type Actor } from '../../access/index.js';
import { ORGAN_KINDS, type OrganKind } from '../../law/index.js';
import { AppError, CommonErrors } from '../../shared/errors.js';
import {
  closeAccessRequest,
  confirmOfficer,
  EMERGENCY_MODES,
  exportUnderRequest,
  fileOfficialRequest,
  getAccessRequest,
  listAccessRequests,
  listSegments,
  partiesOf,
  PURPOSES,
  refuseRegistration,
  registerAtUnit,
  REVIEW_VERDICTS,
  reviewEmergency,
  startEmergency,
  answersForUnit,
  type AccessRequestView,
  ACCESS_REQUEST_KINDS,
  EMERGENCY_STATES,
  OFFICIAL_STATES,
  LIST_ORDERS,
  LIST_SORTS,
  type AccessRequestKind,
  type AccessRequestState,
  type ListOrder,
  type ListPage,
  type ListSort,
  type EmergencyMode,
  type Purpose,
  type ReviewVerdict,
} from '../../vault/index.js';
import { noStore } from '../auth.js';
import { allPages, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';
import { AccessRequestSchema, IdParams, Paging, ScopeSchema, scopeIn, SegmentSchema, Str, Text, WindowSchema } from './captured-schemas.js';
import { usernamesOf, vaultOf } from './captured-vault.js';

const tags = ['access-requests'];
const Reply = Type.Object({ request: AccessRequestSchema });

/** The filters of the list, shared with its export. */
const ListFilters = {
  kind: Type.Optional(Str(ACCESS_REQUEST_KINDS)),
  state: Type.Optional(Str([...OFFICIAL_STATES, ...EMERGENCY_STATES, 'expired'], 'The status shown: granted and active are those still running, expired those run out')),
  awaitingReview: Type.Optional(Type.Boolean({ description: 'Emergency uses ended or expired and not yet reviewed by a superior (art 24 ¶2)' })),
  sort: Type.Optional(Str(LIST_SORTS, 'created (filed), window (start of the footage asked for) or id (default)')),
  order: Type.Optional(Str(LIST_ORDERS, 'desc (default) or asc')),
};
type ListQuery = { kind?: unknown; state?: unknown; awaitingReview?: boolean; sort?: unknown; order?: unknown };

/** An exported request: what the list shows of it; never the officers' work IDs or the certificate number. */
const REQUEST_COLUMNS: ExportColumn<AccessRequestView>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (r) => r.id },
  { header: { zh: '类型', en: 'Kind' }, value: (r) => r.kind },
  { header: { zh: '状态', en: 'Status' }, value: (r) => r.status },
  { header: { zh: '待审查', en: 'Awaiting review' }, value: (r) => (r.emergency?.awaitingReview ? '是' : '否') },
  { header: { zh: '机关', en: 'Organ' }, value: (r) => r.organName },
  { header: { zh: '机关类型', en: 'Organ kind' }, value: (r) => r.organKind },
  { header: { zh: '案件', en: 'Case reference' }, value: (r) => r.caseRef },
  { header: { zh: '用途', en: 'Purposes' }, value: (r) => r.purposes.join(',') },
  { header: { zh: '采获信息所在区划', en: 'Footage division' }, value: (r) => r.divisionCode },
  { header: { zh: '重点单位编号', en: 'Key unit ID' }, value: (r) => r.keyUnitId },
  { header: { zh: '涉密', en: 'Restricted' }, value: (r) => (r.restricted ? '是' : '否') },
  { header: { zh: '时段起', en: 'Window from' }, value: (r) => r.window.from },
  { header: { zh: '时段止', en: 'Window to' }, value: (r) => r.window.to },
  { header: { zh: '有效期至', en: 'Valid until' }, value: (r) => r.validUntil },
  { header: { zh: '登记编号', en: 'Registration no.' }, value: (r) => r.registrationNo },
  { header: { zh: '申请时间', en: 'Filed' }, value: (r) => r.createdAt },
  { header: { zh: '结束时间', en: 'Closed' }, value: (r) => r.closedAt },
  { header: { zh: '条款', en: 'Article' }, value: (r) => (r.kind === 'emergency' ? '第二十四条第二款 / Art 24 ¶2' : '第二十四条第一款 / Art 24 ¶1') },
];

/** Whether the caller may see a request: a party to it, its capturing unit, the police of its area, oversight. */
function canRead(actor: Actor | null, r: AccessRequestView): boolean {
  return isAllowed(actor, 'read', { kind: 'access-request', divisionCode: r.divisionCode, keyUnitId: r.keyUnitId, restricted: r.restricted, parties: partiesOf(r) });
}

/** Art 24: official access by two officers (¶1) and emergency use (¶2). */
export const accessRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const v = () => vaultOf(app.deps);
  /** Requests with each officer's username beside their id. */
  const named = async (rs: AccessRequestView[]) => {
    const names = await usernamesOf(app.deps, rs.flatMap((r) => r.officers.map((o) => o.userId)));
    return rs.map((r) => ({ ...r, officers: r.officers.map((o) => ({ ...o, username: names.get(o.userId) ?? null })) }));
  };
  const one = async (r: AccessRequestView) => ({ request: (await named([r]))[0] });

  app.post(
    '/api/v1/access-requests',
    {
      schema: {
        tags,
        summary: 'File an official request to view, copy or use captured information (art 24 ¶1); the filer confirms as the first officer',
        description: 'Needs an organ with criminal or public-emergency investigation power, its certificate, a case, the duty, a scope (systems or devices, a window in the past reaching what is kept) and an end. A second officer confirms in their own session; then the capturing unit registers it.',
        body: Type.Object(
          {
            organName: Text(200),
            organKind: Type.Optional(Str(ORGAN_KINDS, 'Kind of organ; a police account is always public security')),
            organCertificateNo: Text(100),
            caseRef: Text(200),
            duty: Text(2000),
            purposes: Type.Array(Str(PURPOSES), { minItems: 1, maxItems: 3, uniqueItems: true }),
            scope: ScopeSchema,
            window: WindowSchema,
            validUntil: Type.String({ format: 'date-time' }),
            workIdNo: Text(64),
            acceptConfidentiality: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        response: { 201: Reply },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (!isAllowed(actor, 'create', { kind: 'access-request' }) || !['investigator', 'station_officer'].includes(actor.role)) throw new AppError(CommonErrors.JF_FORBIDDEN);
      const b = req.body;
      const r = await fileOfficialRequest(v(), actor, { ...b, organKind: b.organKind as OrganKind | undefined, purposes: b.purposes as Purpose[], scope: scopeIn(b.scope) });
      if (!canRead(actor, r)) throw new AppError(CommonErrors.JF_FORBIDDEN);
      return reply.status(201).send(await one(r));
    },
  );

  app.post(
    '/api/v1/access-requests/emergency',
    {
      schema: {
        tags,
        summary: 'Use a system directly, or connect it to a designated platform, in an emergency (art 24 ¶2): granted at once, time-boxed, reviewed afterwards',
        body: Type.Object(
          {
            organName: Text(200),
            organKind: Type.Optional(Str(ORGAN_KINDS)),
            reason: Text(2000),
            mode: Str(EMERGENCY_MODES),
            platformName: Type.Optional(Type.String({ maxLength: 200 })),
            scope: ScopeSchema,
            durationMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
            windowFrom: Type.Optional(Type.String({ format: 'date-time', description: 'How far back recorded footage may be used (default 24 hours)' })),
            caseRef: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Reply },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (!isAllowed(actor, 'create', { kind: 'access-request' })) throw new AppError(CommonErrors.JF_FORBIDDEN);
      const b = req.body;
      const r = await startEmergency(v(), actor, { ...b, organKind: b.organKind as OrganKind | undefined, mode: b.mode as EmergencyMode, scope: scopeIn(b.scope) });
      return reply.status(201).send(await one(r));
    },
  );

  /** One page of the requests the caller may see: the scope of each role, then the filters. */
  const page = async (a: Actor, q: ListQuery, limit: number, offset: number): Promise<ListPage<AccessRequestView>> => {
    const base = {
      kind: q.kind as AccessRequestKind | undefined,
      state: q.state as AccessRequestState | 'expired' | undefined,
      awaitingReview: q.awaitingReview,
      sort: q.sort as ListSort | undefined,
      order: q.order as ListOrder | undefined,
      limit,
      offset,
    };
    const mayRestricted = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'key_unit'].includes(a.role);
    let r: ListPage<AccessRequestView>;
    if (a.role === 'oversight') r = await listAccessRequests(v(), { ...base, includeRestricted: false });
    else if (a.role === 'key_unit' && a.keyUnitId != null) r = await listAccessRequests(v(), { ...base, keyUnitId: a.keyUnitId, includeRestricted: true });
    else if (a.role.endsWith('_supervisor') && a.jurisdiction) r = await listAccessRequests(v(), { ...base, divisionPrefix: divisionPrefix(a.jurisdiction), includeRestricted: mayRestricted });
    else r = await listAccessRequests(v(), { ...base, partyUserId: a.userId, includeRestricted: false });
    return { total: r.total, items: r.items.filter((x) => canRead(a, x)) };
  };

  app.get(
    '/api/v1/access-requests',
    {
      schema: {
        tags,
        summary: 'Requests the caller may see: officers their own, a unit those registered with it, the police of an area theirs, oversight all; paged, with the total',
        querystring: Type.Object({ ...ListFilters, ...Paging }, { additionalProperties: false }),
        response: { 200: Type.Object({ total: Type.Integer({ description: 'How many the filters find' }), items: Type.Array(AccessRequestSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const r = await page(req.actor!, req.query, req.query.limit ?? 50, req.query.offset ?? 0);
      return { total: r.total, items: await named(r.items) };
    },
  );

  app.get(
    '/api/v1/access-requests/export',
    {
      schema: {
        tags,
        summary: "Export the requests the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX; never the officers' work IDs",
        querystring: Type.Object({ ...ListFilters, format: ExportFormatQuery }, { additionalProperties: false }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const rows = await allPages((offset) => page(req.actor!, q, 200, offset));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'access-requests', now: app.deps.clock.now(), columns: REQUEST_COLUMNS, rows });
    },
  );

  app.get(
    '/api/v1/access-requests/:id',
    { schema: { tags, summary: 'One request, with its officers, scope and status', params: IdParams, response: { 200: Reply } } },
    async (req, reply) => {
      noStore(reply);
      const r = await getAccessRequest(v(), req.params.id);
      if (!canRead(req.actor, r)) throw new AppError(CommonErrors.JF_FORBIDDEN);
      return one(r);
    },
  );

  app.post(
    '/api/v1/access-requests/:id/officers',
    {
      schema: {
        tags,
        summary: 'Confirm as an officer, in your own session, with your work ID, accepting the confidentiality duty (art 24 ¶1 (1)(2)(4)); one account or work ID never counts twice',
        params: IdParams,
        body: Type.Object({ workIdNo: Text(64), acceptConfidentiality: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Reply },
      },
    },
    async (req) => one(await confirmOfficer(v(), req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/access-requests/:id/registration',
    {
      schema: {
        tags,
        summary: "The capturing unit checks the organ's certificate and each officer's work ID and registers the access (art 24 ¶1 (2)(3)); only then is it granted",
        params: IdParams,
        body: Type.Object({ certificateChecked: Type.Boolean(), workIdsChecked: Type.Boolean(), registrationNo: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
        response: { 200: Reply },
      },
    },
    async (req) => one(await registerAtUnit(v(), req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/access-requests/:id/refusal',
    { schema: { tags, summary: 'The capturing unit refuses registration, with the reason (art 24 ¶1 (2))', params: IdParams, body: Type.Object({ reason: Text() }, { additionalProperties: false }), response: { 200: Reply } } },
    async (req) => one(await refuseRegistration(v(), req.actor!, req.params.id, req.body.reason)),
  );

  app.post(
    '/api/v1/access-requests/:id/close',
    { schema: { tags, summary: 'Withdraw a request, close a grant, or end an emergency use', params: IdParams, response: { 200: Reply } } },
    async (req) => one(await closeAccessRequest(v(), req.actor!, req.params.id)),
  );

  app.post(
    '/api/v1/access-requests/:id/review',
    {
      schema: {
        tags,
        summary: "A superior reviews an emergency use afterwards (art 24 ¶2): a supervisor above the user's rank whose area covers the systems",
        params: IdParams,
        body: Type.Object({ verdict: Str(REVIEW_VERDICTS), note: Text() }, { additionalProperties: false }),
        response: { 200: Reply },
      },
    },
    async (req) => one(await reviewEmergency(v(), req.actor!, req.params.id, { verdict: req.body.verdict as ReviewVerdict, note: req.body.note })),
  );

  app.get(
    '/api/v1/access-requests/:id/segments',
    {
      schema: {
        tags,
        summary: 'Recordings within a request’s scope and window (metadata), to choose what to play or export',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(SegmentSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const r = await getAccessRequest(v(), req.params.id);
      const actor = req.actor!;
      const isParty = partiesOf(r).includes(actor.userId);
      if (!isParty && !answersForUnit(actor, r.keyUnitId, r.divisionCode)) throw new AppError(CommonErrors.JF_FORBIDDEN);
      const items = [];
      for (const e of r.scope) {
        items.push(...(await listSegments(v(), { kind: 'all', includeRestricted: r.restricted }, { systemId: e.systemId, deviceId: e.deviceId ?? undefined, from: r.window.from, to: r.window.to, limit: 1000 })));
      }
      return { items: items.filter((s) => s.state !== 'erased') };
    },
  );

  app.post(
    '/api/v1/access-requests/:id/export',
    {
      schema: {
        tags,
        summary: 'Export recordings within a granted scope that allows copying, as a BagIt package (tar); every copy is recorded, anything outside is refused',
        params: IdParams,
        body: Type.Object({ segmentIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
        response: { 200: Type.String({ contentEncoding: 'binary', description: 'application/x-tar holding one BagIt bag' }) },
      },
    },
    async (req, reply) => {
      const r = await exportUnderRequest(v(), req.actor!, req.params.id, req.body.segmentIds);
      reply
        .type('application/x-tar')
        .header('content-length', String(r.size))
        .header('content-disposition', `attachment; filename="${r.name}.tar"`)
        .header('repr-digest', `sha-256=:${Buffer.from(r.sha256, 'hex').toString('base64')}:`)
        .header('cache-control', 'no-store');
      return reply.send(r.stream as unknown as string);
    },
  );
};
