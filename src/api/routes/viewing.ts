import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { divisionPrefix, isAllowed, within, type Actor } from '../../access/index.js';
import { AppError, CommonErrors } from '../../shared/errors.js';
import {
  APPLICANT_KINDS,
  closeViewing,
  decideViewing,
  fileViewing,
  getViewing,
  listSegments,
  listViewing,
  registerViewing,
  registerVisit,
  verifyDocument,
  answersForUnit,
  VIEWING_MODES,
  VIEWING_STATES,
  type ApplicantKind,
  type ViewerStanding,
  type ViewingMode,
  type ViewingState,
  type ViewingView,
  LIST_ORDERS,
  LIST_SORTS,
  type ListOrder,
  type ListPage,
  type ListSort,
} from '../../vault/index.js';
import { noStore } from '../auth.js';
import { allPages, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';
import { IdParams, Paging, ScopeSchema, scopeIn, SegmentSchema, Str, Text, ViewingSchema, WindowSchema } from './captured-schemas.js';
import { vaultOf } from './captured-vault.js';

const tags = ['viewing'];
const Reply = Type.Object({ application: ViewingSchema });
const ResidentId = Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', description: 'Resident ID number (GB 11643); kept only as a keyed hash and a masked form' });

/** The filters of the list, shared with its export. */
const ListFilters = {
  state: Type.Optional(Str(VIEWING_STATES)),
  withDocument: Type.Optional(Type.Boolean({ description: 'Only those for which a viewing document was issued (art 25 ¶1 (2))' })),
  sort: Type.Optional(Str(LIST_SORTS, 'created (filed), window (start of the footage asked for) or id (default)')),
  order: Type.Optional(Str(LIST_ORDERS, 'desc (default) or asc')),
};
type ListQuery = { state?: unknown; withDocument?: boolean; sort?: unknown; order?: unknown };

/**
 * An exported application: what the list shows of it. Never the resident ID
 * number (not even masked), the reason, or the receipt's status code; the
 * applicant's name as the caller's list shows it (masked for the unit and
 * the police of the area).
 */
const VIEWING_COLUMNS: ExportColumn<ViewingView>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (r) => r.id },
  { header: { zh: '申请号', en: 'Application no.' }, value: (r) => r.applicationNo },
  { header: { zh: '状态', en: 'Status' }, value: (r) => r.status },
  { header: { zh: '申请人类型', en: 'Applicant kind' }, value: (r) => r.applicantKind },
  { header: { zh: '申请人', en: 'Applicant' }, value: (r) => r.applicantName },
  { header: { zh: '受理派出所区划', en: 'Station division' }, value: (r) => r.stationDivision },
  { header: { zh: '采获信息所在区划', en: 'Footage division' }, value: (r) => r.divisionCode },
  { header: { zh: '重点单位编号', en: 'Key unit ID' }, value: (r) => r.keyUnitId },
  { header: { zh: '时段起', en: 'Window from' }, value: (r) => r.window.from },
  { header: { zh: '时段止', en: 'Window to' }, value: (r) => r.window.to },
  { header: { zh: '查看方式', en: 'Mode' }, value: (r) => r.mode },
  { header: { zh: '文书编号', en: 'Document no.' }, value: (r) => r.documentNo },
  { header: { zh: '申请时间', en: 'Filed' }, value: (r) => r.createdAt },
  { header: { zh: '决定时间', en: 'Decided' }, value: (r) => r.decidedAt },
  { header: { zh: '结束时间', en: 'Closed' }, value: (r) => r.closedAt },
  { header: { zh: '条款', en: 'Article' }, value: () => '第二十五条第一款 / Art 25 ¶1' },
];

/** How much of the applicant a caller sees: the applicant and the station all of it, others a masked name. */
function standingOf(actor: Actor, v: { applicantUserId: number | null; stationDivision: string }): ViewerStanding {
  if (v.applicantUserId != null && v.applicantUserId === actor.userId) return 'applicant';
  if (actor.role === 'station_officer' && actor.jurisdiction && within(actor.jurisdiction, v.stationDivision)) return 'station';
  return 'other';
}

function canRead(actor: Actor, v: ViewingView): boolean {
  const parties = v.applicantUserId != null ? [v.applicantUserId] : [];
  // The station of registration reads by its area; the capturing unit and the police of the footage's area by theirs.
  return (
    isAllowed(actor, 'read', { kind: 'viewing-application', divisionCode: v.stationDivision, parties }) ||
    isAllowed(actor, 'read', { kind: 'viewing-application', divisionCode: v.divisionCode, keyUnitId: v.keyUnitId, parties })
  );
}

/** Art 25 ¶1: a citizen's viewing, through the local police station and the capturing unit. */
export const viewingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const v = () => vaultOf(app.deps);
  const answer = async (actor: Actor, id: number) => {
    const draft = await getViewing(v(), id, 'other');
    if (!canRead(actor, draft)) throw new AppError(CommonErrors.JF_FORBIDDEN);
    return { application: await getViewing(v(), id, standingOf(actor, draft)) };
  };

  app.post(
    '/api/v1/viewing-applications',
    {
      schema: {
        tags,
        summary: 'Apply to view captured information concerning your rights (art 25 ¶1 (1)): filed online by the applicant, or at the station by an officer who has seen the card',
        body: Type.Object(
          {
            applicantKind: Str(APPLICANT_KINDS),
            applicantName: Text(100),
            organisationName: Type.Optional(Type.String({ maxLength: 200 })),
            residentId: ResidentId,
            reason: Text(2000),
            stationDivision: Type.String({ pattern: '^21[0-9]{4}$', description: 'County-level GB/T 2260 code of the local police station' }),
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
      if (!isAllowed(actor, 'create', { kind: 'viewing-application', divisionCode: actor.role === 'station_officer' ? actor.jurisdiction : req.body.stationDivision })) throw new AppError(CommonErrors.JF_FORBIDDEN);
      const b = req.body;
      const r = await fileViewing(v(), actor, { ...b, applicantKind: b.applicantKind as ApplicantKind, scope: b.scope ? scopeIn(b.scope) : undefined });
      return reply.status(201).send({ application: r });
    },
  );

  /** One page of the applications the caller may see: the scope of each role, then the filters. */
  const page = async (a: Actor, q: ListQuery, limit: number, offset: number): Promise<ListPage<ViewingView>> => {
    const states = q.state ? [q.state as ViewingState] : undefined;
    const f = { states, withDocument: q.withDocument, limit, offset, sort: q.sort as ListSort | undefined, order: q.order as ListOrder | undefined };
    let r: ListPage<ViewingView>;
    if (a.role === 'citizen') r = await listViewing(v(), { ...f, applicantUserId: a.userId }, 'applicant');
    else if (a.role === 'station_officer' && a.jurisdiction) r = await listViewing(v(), { ...f, stationPrefix: divisionPrefix(a.jurisdiction) }, 'station');
    else if (a.role === 'key_unit' && a.keyUnitId != null) r = await listViewing(v(), { ...f, keyUnitId: a.keyUnitId, states: states ?? ['approved', 'visited', 'closed'] }, 'other');
    else if (a.role.endsWith('_supervisor') && a.jurisdiction) r = await listViewing(v(), { ...f, divisionPrefix: divisionPrefix(a.jurisdiction) }, 'other');
    else if (a.role === 'oversight') r = await listViewing(v(), f, 'other');
    else throw new AppError(CommonErrors.JF_FORBIDDEN);
    return { total: r.total, items: r.items.filter((x) => canRead(a, x)) };
  };

  app.get(
    '/api/v1/viewing-applications',
    {
      schema: {
        tags,
        summary: 'Applications: a citizen their own, a station those registered with it, a unit those approved for its systems, the police of an area theirs; paged, with the total',
        querystring: Type.Object({ ...ListFilters, ...Paging }, { additionalProperties: false }),
        response: { 200: Type.Object({ total: Type.Integer({ description: 'How many the filters find' }), items: Type.Array(ViewingSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return page(req.actor!, req.query, req.query.limit ?? 50, req.query.offset ?? 0);
    },
  );

  app.get(
    '/api/v1/viewing-applications/export',
    {
      schema: {
        tags,
        summary: 'Export the applications the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX; never the resident ID number, the reason or the status code, and the name as the list shows it',
        querystring: Type.Object({ ...ListFilters, format: ExportFormatQuery }, { additionalProperties: false }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const rows = await allPages((offset) => page(req.actor!, q, 200, offset));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'viewing-applications', now: app.deps.clock.now(), columns: VIEWING_COLUMNS, rows });
    },
  );

  app.get('/api/v1/viewing-applications/:id', { schema: { tags, summary: 'One application with its decision, document and visits', params: IdParams, response: { 200: Reply } } }, async (req, reply) => {
    noStore(reply);
    return answer(req.actor!, req.params.id);
  });

  app.post(
    '/api/v1/viewing-applications/:id/registration',
    {
      schema: {
        tags,
        summary: 'At the station: check the card against the application and set the systems and window concerned (art 25 ¶1 (1))',
        params: IdParams,
        body: Type.Object({ residentId: ResidentId, scope: Type.Optional(ScopeSchema), window: Type.Optional(WindowSchema) }, { additionalProperties: false }),
        response: { 200: Reply },
      },
    },
    async (req) => {
      await registerViewing(v(), req.actor!, req.params.id, { residentId: req.body.residentId, scope: req.body.scope ? scopeIn(req.body.scope) : undefined, window: req.body.window });
      return answer(req.actor!, req.params.id);
    },
  );

  app.post(
    '/api/v1/viewing-applications/:id/decision',
    {
      schema: {
        tags,
        summary: 'The station approves or refuses, with reasons (art 25 ¶1 (2)); approved, an officer goes along or a viewing document is issued, whose verification code is answered once, here',
        params: IdParams,
        body: Type.Object(
          {
            approve: Type.Boolean(),
            reasons: Text(),
            mode: Type.Optional(Str(VIEWING_MODES)),
            accompanyingOfficerId: Type.Optional(Type.Integer({ minimum: 1 })),
            scope: Type.Optional(ScopeSchema),
            window: Type.Optional(WindowSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ application: ViewingSchema, verificationCode: Type.Union([Type.String(), Type.Null()], { description: 'Print on the viewing document; not shown again' }) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const b = req.body;
      const r = await decideViewing(v(), req.actor!, req.params.id, { ...b, mode: b.mode as ViewingMode | undefined, scope: b.scope ? scopeIn(b.scope) : undefined });
      return { application: r.application, verificationCode: r.verificationCode };
    },
  );

  app.post(
    '/api/v1/viewing-documents/verification',
    {
      schema: {
        tags,
        summary: 'The capturing unit checks a viewing document (查看采获信息文书) by number and verification code (art 25 ¶1 (2)(3)); a forged or unknown document is refused and recorded',
        body: Type.Object({ documentNo: Text(64), verificationCode: Text(32) }, { additionalProperties: false }),
        response: { 200: Reply },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return { application: await verifyDocument(v(), req.actor!, req.body.documentNo, req.body.verificationCode) };
    },
  );

  app.get(
    '/api/v1/viewing-applications/:id/segments',
    { schema: { tags, summary: 'Recordings within the approved systems and window (metadata), for the unit to choose what concerns the applicant', params: IdParams, response: { 200: Type.Object({ items: Type.Array(SegmentSchema) }) } } },
    async (req, reply) => {
      noStore(reply);
      const r = await getViewing(v(), req.params.id, 'other');
      if (!answersForUnit(req.actor!, r.keyUnitId, r.divisionCode) || (r.state !== 'approved' && r.state !== 'visited')) throw new AppError(CommonErrors.JF_FORBIDDEN);
      const items = [];
      for (const e of r.scope) items.push(...(await listSegments(v(), { kind: 'all', includeRestricted: false }, { systemId: e.systemId, deviceId: e.deviceId ?? undefined, from: r.window.from, to: r.window.to, limit: 1000 })));
      return { items: items.filter((s) => s.state !== 'erased') };
    },
  );

  app.post(
    '/api/v1/viewing-applications/:id/visits',
    {
      schema: {
        tags,
        summary: "The capturing unit registers the visit (art 25 ¶1 (3)(4)): the document or the officer present, the visitor's card, and the recordings concerning the applicant, screened for others' privacy",
        params: IdParams,
        body: Type.Object(
          {
            documentNo: Type.Optional(Type.String({ maxLength: 64 })),
            verificationCode: Type.Optional(Type.String({ maxLength: 32 })),
            officerPresent: Type.Optional(Type.Boolean()),
            residentId: ResidentId,
            segmentIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }),
            privacyScreened: Type.Boolean(),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Reply },
      },
    },
    async (req, reply) => {
      const r = await registerVisit(v(), req.actor!, req.params.id, req.body);
      return reply.status(201).send({ application: r });
    },
  );

  app.post('/api/v1/viewing-applications/:id/close', { schema: { tags, summary: 'Close an application; its hold is released', params: IdParams, response: { 200: Reply } } }, async (req) => {
    await closeViewing(v(), req.actor!, req.params.id);
    return answer(req.actor!, req.params.id);
  });
};
