import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { citationHref, formatCitation } from '../../shared/citation.js';
import { AppError, CommonErrors, notFound } from '../../shared/errors.js';
import {
  allWorkflows,
  getDocument,
  getItem,
  inbox,
  itemDocuments,
  itemHistory,
  listItems,
  mayAct,
  mayRead,
  openItem,
  toView,
  transitionItem,
  workflowOf,
  WorkflowErrors,
  violationCatalogue,
  publicAreaChoices,
  providerChoices,
  missedDeadlines,
  officialActs,
  refusals,
  saveAttachment,
  loadAttachment,
  type ItemView,
} from '../../workflow/index.js';
import { noStore } from '../auth.js';
import { allPages, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const CitationOut = Type.Object(
  { article: Type.Integer(), paragraph: Type.Optional(Type.Integer()), item: Type.Optional(Type.Integer()), label: Bilingual, href: Type.String() },
  { additionalProperties: true },
);
const RuleOut = Type.Object({ id: Type.String(), citation: CitationOut });

const Action = Type.Object({ name: Type.String(), label: Bilingual, by: Type.String(), rule: RuleOut });

const Item = Type.Object({
  id: Type.Integer(),
  machine: Type.String(),
  machineTitle: Bilingual,
  state: Type.String(),
  stateLabel: Bilingual,
  terminal: Type.Boolean(),
  version: Type.Integer({ description: 'Send it back with a transition: a different current version answers 409' }),
  awaiting: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  divisionCode: Type.String(),
  divisionName: Type.Union([Type.String(), Type.Null()]),
  competentOrgan: Type.Union([Type.String(), Type.Null()]),
  keyUnitId: Type.Union([Type.Integer(), Type.Null()]),
  providerId: Type.Union([Type.Integer(), Type.Null()]),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  dueParty: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown(), { description: "The procedure's record; what a viewer may see of it" }),
  actions: Type.Array(Action, { description: 'Transitions the caller may take now' }),
  notYet: Type.Array(Type.Object({ name: Type.String(), label: Bilingual, by: Type.String(), rule: RuleOut, from: Type.Array(Type.Object({ name: Type.String(), label: Bilingual })) }), {
    description: 'The caller’s own transitions the current state does not allow, with the states they are taken from and their rule',
  }),
});

const DocumentSummary = Type.Object({ id: Type.Integer(), kind: Type.String(), title: Bilingual, number: Type.String(), issuedAt: Type.String(), organDivision: Type.String() });

const HistoryEntry = Type.Object({
  version: Type.Integer(),
  transition: Type.String(),
  fromState: Type.Union([Type.String(), Type.Null()]),
  toState: Type.String(),
  rule: Type.String(),
  actor: Type.Union([Type.Object({ userId: Type.Integer(), username: Type.Union([Type.String(), Type.Null()]), role: Type.String(), jurisdiction: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  system: Type.Boolean(),
  at: Type.String(),
});

const Applied = Type.Object({ item: Item, documents: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String() })) });

const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** An exported item: what the list shows of it, never its form data. */
const ITEM_COLUMNS: ExportColumn<ItemView>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (i) => i.id },
  { header: { zh: '事项类型', en: 'Type' }, value: (i) => i.machineTitle.zh },
  { header: { zh: '标题', en: 'Title' }, value: (i) => i.title },
  { header: { zh: '状态', en: 'State' }, value: (i) => i.stateLabel.zh },
  { header: { zh: '状态代码', en: 'State code' }, value: (i) => i.state },
  { header: { zh: '已办结', en: 'Closed' }, value: (i) => (i.terminal ? '是' : '否') },
  { header: { zh: '待办方', en: 'Awaiting' }, value: (i) => i.awaiting },
  { header: { zh: '行政区划代码', en: 'Division code' }, value: (i) => i.divisionCode },
  { header: { zh: '行政区划', en: 'Division' }, value: (i) => i.divisionName },
  { header: { zh: '主管机关', en: 'Competent organ' }, value: (i) => i.competentOrgan },
  { header: { zh: '重点单位编号', en: 'Key unit ID' }, value: (i) => i.keyUnitId },
  { header: { zh: '服务单位编号', en: 'Provider ID' }, value: (i) => i.providerId },
  { header: { zh: '上级事项', en: 'Parent item' }, value: (i) => i.parentId },
  { header: { zh: '期限', en: 'Due' }, value: (i) => i.dueAt },
  { header: { zh: '已逾期', en: 'Overdue' }, value: (i) => (i.overdue ? '是' : '否') },
  { header: { zh: '创建时间', en: 'Created' }, value: (i) => i.createdAt },
  { header: { zh: '更新时间', en: 'Updated' }, value: (i) => i.updatedAt },
  { header: { zh: '办结时间', en: 'Closed at' }, value: (i) => i.closedAt },
];

type MissedRow = Awaited<ReturnType<typeof missedDeadlines>>['items'][number];
type RefusalRow = Awaited<ReturnType<typeof refusals>>['items'][number];
type ActRow = Awaited<ReturnType<typeof officialActs>>['items'][number];

/** What oversight of officials rests on (Art 29, 36). */
const OVERSIGHT_BASIS = { zh: '第二十九条、第三十六条', en: 'Art 29, 36' };

const MISSED_COLUMNS: ExportColumn<MissedRow>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (m) => m.id },
  { header: { zh: '事项编号', en: 'Item ID' }, value: (m) => m.itemId },
  { header: { zh: '事项链接', en: 'Item link' }, value: (m) => `/work/items/${m.itemId}` },
  { header: { zh: '事项类型', en: 'Type' }, value: (m) => m.machine },
  { header: { zh: '标题', en: 'Title' }, value: (m) => m.title },
  { header: { zh: '逾期时状态', en: 'State when missed' }, value: (m) => m.state },
  { header: { zh: '当前状态', en: 'Current state' }, value: (m) => m.currentState },
  { header: { zh: '应办方', en: 'Party to act' }, value: (m) => m.party },
  { header: { zh: '行政区划代码', en: 'Division code' }, value: (m) => m.divisionCode },
  { header: { zh: '主管机关', en: 'Competent organ' }, value: (m) => m.competentOrgan },
  { header: { zh: '期限', en: 'Due' }, value: (m) => m.dueAt },
  { header: { zh: '发现时间', en: 'Detected' }, value: (m) => m.detectedAt },
  { header: { zh: '办理时间', en: 'Resolved' }, value: (m) => m.resolvedAt },
  { header: { zh: '逾期小时', en: 'Hours late' }, value: (m) => m.hoursLate },
  { header: { zh: '依据条款', en: 'Article' }, value: () => `${OVERSIGHT_BASIS.zh} / ${OVERSIGHT_BASIS.en}` },
];

const REFUSAL_COLUMNS: ExportColumn<RefusalRow>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (r) => r.id },
  { header: { zh: '时间', en: 'When' }, value: (r) => r.at },
  { header: { zh: '用户名', en: 'Username' }, value: (r) => r.user?.username ?? null },
  { header: { zh: '角色', en: 'Role' }, value: (r) => r.user?.role ?? null },
  { header: { zh: '辖区', en: 'Jurisdiction' }, value: (r) => r.user?.jurisdiction ?? null },
  { header: { zh: '事项编号', en: 'Item ID' }, value: (r) => r.itemId },
  { header: { zh: '事项链接', en: 'Item link' }, value: (r) => (r.itemId == null ? null : `/work/items/${r.itemId}`) },
  { header: { zh: '事项类型', en: 'Type' }, value: (r) => r.machine },
  { header: { zh: '操作', en: 'Transition' }, value: (r) => r.transition },
  { header: { zh: '代码', en: 'Code' }, value: (r) => r.code },
  { header: { zh: '规则', en: 'Rule' }, value: (r) => r.rule },
  { header: { zh: '条款', en: 'Article' }, value: (r) => (r.citation ? `${formatCitation(r.citation).zh} / ${formatCitation(r.citation).en}` : null) },
  { header: { zh: '条款链接', en: 'Article link' }, value: (r) => (r.citation ? citationHref(r.citation) : null) },
  { header: { zh: '说明', en: 'Message' }, value: (r) => messageOf(r.detail) },
];

const ACT_COLUMNS: ExportColumn<ActRow>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (a) => a.id },
  { header: { zh: '时间', en: 'When' }, value: (a) => a.at },
  { header: { zh: '用户名', en: 'Username' }, value: (a) => a.actor.username },
  { header: { zh: '角色', en: 'Role' }, value: (a) => a.actor.role },
  { header: { zh: '辖区', en: 'Jurisdiction' }, value: (a) => a.actor.jurisdiction },
  { header: { zh: '事项编号', en: 'Item ID' }, value: (a) => a.itemId },
  { header: { zh: '事项链接', en: 'Item link' }, value: (a) => `/work/items/${a.itemId}` },
  { header: { zh: '事项类型', en: 'Type' }, value: (a) => a.machineTitle.zh },
  { header: { zh: '标题', en: 'Title' }, value: (a) => a.title },
  { header: { zh: '操作', en: 'Act' }, value: (a) => a.transitionLabel.zh },
  { header: { zh: '操作代码', en: 'Act code' }, value: (a) => a.transition },
  { header: { zh: '原状态', en: 'From state' }, value: (a) => a.fromState },
  { header: { zh: '新状态', en: 'To state' }, value: (a) => a.toStateLabel.zh },
  { header: { zh: '规则', en: 'Rule' }, value: (a) => a.rule },
  { header: { zh: '条款', en: 'Article' }, value: (a) => (a.citationLabel ? `${a.citationLabel.zh} / ${a.citationLabel.en}` : null) },
  { header: { zh: '条款链接', en: 'Article link' }, value: (a) => a.citationHref },
];

function messageOf(detail: unknown): string | null {
  const m = (detail as { message?: { zh?: string; en?: string } } | null)?.message;
  return m?.zh || m?.en ? `${m.zh ?? ''} / ${m.en ?? ''}` : null;
}

const MissedQuery = {
  party: Type.Optional(Type.String({ maxLength: 20 })),
  open: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('late'), Type.Literal('item')], { description: 'due date (default), lateness in hours, or item number' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { description: 'desc by default' })),
};
const RefusalQuery = {
  code: Type.Optional(Type.String({ maxLength: 60 })),
  sort: Type.Optional(Type.Literal('at', { description: 'the time of the attempt (the only order)' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { description: 'desc (newest first) by default' })),
};
const ActQuery = {
  role: Type.Optional(Type.String({ maxLength: 120, description: 'police roles, comma-separated (province_supervisor, city_supervisor, county_supervisor, station_officer); all of them by default' })),
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the account that acted' })),
  machine: Type.Optional(Type.String({ maxLength: 40, description: 'the procedure, e.g. case, inspection, provider-filing' })),
  division: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 code: acts on items in this division' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'acts at or after this time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'acts before this time' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { description: 'by time; desc (newest first) by default' })),
};
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

/** The supervision workflows: one item API for every procedure, its state machine in `machines`. */
export const workflowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { jdb: app.deps.jdb, clock: app.deps.clock };

  app.get(
    '/api/v1/workflow/machines',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Every state machine: states, transitions, who takes each, the rule that guards it, the input it takes',
        response: { 200: Type.Array(Type.Record(Type.String(), Type.Unknown())) },
      },
    },
    async () =>
      allWorkflows().map((w) => {
        const m = w.machine;
        return {
          name: m.name,
          resource: m.resource,
          title: m.title,
          citation: m.citation,
          states: Object.entries(m.states).map(([name, s]) => ({ name, label: s.label, awaiting: s.awaiting ?? null, terminal: !!s.terminal, hasDeadline: !!s.deadline })),
          transitions: m.transitions.map((t) => ({
            name: t.name,
            label: t.label,
            from: t.from,
            to: t.to,
            by: t.by,
            rule: t.rule,
            issues: t.issues ?? [],
            input: t.input ? JSON.parse(JSON.stringify(t.input)) : null,
          })),
        };
      }),
  );

  app.get(
    '/api/v1/workflow/violations',
    {
      schema: {
        tags: ['workflow'],
        summary: 'The rules of the regulation a hazard or a case can be about, with the procedure each leads to (Art 31-35)',
        response: { 200: Type.Array(Type.Object({ ruleId: Type.String(), title: Bilingual, citation: CitationOut, path: Type.String(), penaltyArticle: Type.Union([Type.Integer(), Type.Null()]), penaltyItem: Type.Union([Type.Integer(), Type.Null()]), checklistItem: Type.Integer(), providerDuty: Type.Boolean() })) },
      },
    },
    async () => violationCatalogue().map((v) => ({ ...v, citation: { ...v.citation, label: formatCitation(v.citation), href: citationHref(v.citation) } })),
  );

  app.get(
    '/api/v1/workflow/providers',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Providers a user of their service may complain about (Art 28)',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }),
        response: { 200: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), creditCode: Type.Union([Type.String(), Type.Null()]) })) },
      },
    },
    async (req) => {
      const r = await providerChoices(deps, req.actor!, req.query.q, req.query.limit);
      if (!r) throw new AppError(CommonErrors.JF_FORBIDDEN);
      return r;
    },
  );

  app.get(
    '/api/v1/workflow/public-areas',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Public areas and their systems, for a construction unit naming what its works affect (Art 9 ¶2) or a design review (Art 12)',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              name: Type.String(),
              kind: Type.Union([Type.String(), Type.Null()]),
              divisionCode: Type.String(),
              designatedDepartment: Type.Union([Type.String(), Type.Null()]),
              systems: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
            }),
          ),
        },
      },
    },
    async (req) => {
      const r = await publicAreaChoices(deps, req.actor!, req.query.q, req.query.limit);
      if (!r) throw new AppError(CommonErrors.JF_FORBIDDEN);
      return r;
    },
  );

  app.get(
    '/api/v1/workflow/items',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Workflow items the caller may read',
        querystring: Type.Object({
          machine: Type.Optional(Type.String({ maxLength: 40 })),
          state: Type.Optional(Type.String({ maxLength: 400, description: 'One state, or several separated by commas' })),
          division: Type.Optional(Type.String({ pattern: '^21[0-9]{4}$', description: 'GB/T 2260 code: items whose place lies within it' })),
          sort: Type.Optional(Type.Union([Type.Literal('updated'), Type.Literal('due'), Type.Literal('created')])),
          order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
          keyUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
          providerId: Type.Optional(Type.Integer({ minimum: 1 })),
          parentId: Type.Optional(Type.Integer({ minimum: 1 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          open: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(Item) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      if (req.query.machine) workflowOf(req.query.machine);
      return listItems(deps, req.actor!, req.query);
    },
  );

  app.get(
    '/api/v1/workflow/items/export',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Export the items the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX',
        querystring: Type.Object({
          machine: Type.Optional(Type.String({ maxLength: 40 })),
          state: Type.Optional(Type.String({ maxLength: 400, description: 'One state, or several separated by commas' })),
          division: Type.Optional(Type.String({ pattern: '^21[0-9]{4}$', description: 'GB/T 2260 code: items whose place lies within it' })),
          sort: Type.Optional(Type.Union([Type.Literal('updated'), Type.Literal('due'), Type.Literal('created')])),
          order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
          keyUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
          providerId: Type.Optional(Type.Integer({ minimum: 1 })),
          parentId: Type.Optional(Type.Integer({ minimum: 1 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          open: Type.Optional(Type.Boolean()),
          format: ExportFormatQuery,
        }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      if (filters.machine) workflowOf(filters.machine);
      const actor = req.actor!;
      const rows = await allPages((offset) => listItems(deps, actor, { ...filters, limit: 200, offset }));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'workflow-items', now: deps.clock.now(), columns: ITEM_COLUMNS, rows });
    },
  );

  app.post(
    '/api/v1/workflow/items',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Open an item: file, plan an inspection, open a case, complain, consult…',
        body: Type.Object(
          {
            machine: Type.String({ maxLength: 40 }),
            transition: Type.String({ maxLength: 40, description: 'The opening transition, e.g. `submit`, `plan`, `open`' }),
            input: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          },
          { additionalProperties: false },
        ),
        response: { 201: Applied },
      },
    },
    async (req, reply) => {
      const r = await openItem(deps, req.actor!, req.body.machine, req.body.transition, req.body.input ?? {});
      return reply.status(201).send({ item: toView(req.actor!, r.item, deps.clock.now()), documents: r.documents });
    },
  );

  app.get(
    '/api/v1/workflow/items/:id',
    {
      schema: {
        tags: ['workflow'],
        summary: 'One item with its history (who did what, when, under which rule) and its documents',
        params: IdParam,
        response: { 200: Type.Object({ item: Item, history: Type.Array(HistoryEntry), documents: Type.Array(DocumentSummary), children: Type.Array(Item) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const item = await getItem(deps, req.params.id);
      const actor = req.actor!;
      if (!item || !mayRead(actor, workflowOf(item.machine).machine, item)) throw notFound({ zh: `事项 ${req.params.id}`, en: `item ${req.params.id}` });
      const children = await listItems(deps, actor, { parentId: item.id, limit: 200 });
      return {
        item: toView(actor, item, deps.clock.now()),
        history: await itemHistory(deps.jdb.db, item.id),
        documents: await itemDocuments(deps.jdb.db, item.id),
        children: children.items,
      };
    },
  );

  app.post(
    '/api/v1/workflow/items/:id/transitions/:name',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Take a transition. 409 with the current state, the allowed transitions and the rule when it cannot be taken now; 409 when someone else acted first',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), name: Type.String({ maxLength: 40 }) }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1, description: 'The version of the item the caller saw' }),
            input: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          },
          { additionalProperties: false },
        ),
        response: { 200: Applied },
      },
    },
    async (req) => {
      const r = await transitionItem(deps, { kind: 'person', actor: req.actor! }, req.params.id, req.params.name, { version: req.body.version, input: req.body.input ?? {} });
      return { item: toView(req.actor!, r.item, deps.clock.now()), documents: r.documents };
    },
  );

  app.get(
    '/api/v1/workflow/inbox',
    {
      schema: {
        tags: ['workflow'],
        summary: 'What awaits the caller, soonest deadline first; overdue items flagged',
        response: { 200: Type.Object({ total: Type.Integer(), overdue: Type.Integer(), items: Type.Array(Item) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return inbox(deps, req.actor!);
    },
  );

  app.get(
    '/api/v1/workflow/documents/:id',
    {
      schema: {
        tags: ['workflow'],
        summary: 'An official document, for printing (A4)',
        params: IdParam,
        response: {
          200: Type.Object({
            id: Type.Integer(),
            itemId: Type.Integer(),
            kind: Type.String(),
            number: Type.String(),
            verificationCode: Type.String(),
            issuedAt: Type.String(),
            organDivision: Type.String(),
            organName: Bilingual,
            content: Type.Record(Type.String(), Type.Unknown()),
          }),
        },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const d = await getDocument(deps, req.actor!, req.params.id);
      if (!d) throw notFound({ zh: `文书 ${req.params.id}`, en: `document ${req.params.id}` });
      if (!d.readable) {
        const a = req.actor!;
        if (a.jurisdiction && ['province_supervisor', 'city_supervisor', 'county_supervisor', 'station_officer'].includes(a.role)) {
          throw new AppError(WorkflowErrors.JF_WF_OUTSIDE_JURISDICTION, { params: { jurisdiction: a.jurisdiction }, extra: { itemDivision: d.ref.divisionCode } });
        }
        throw notFound({ zh: `文书 ${req.params.id}`, en: `document ${req.params.id}` });
      }
      return d.document;
    },
  );

  app.post(
    '/api/v1/workflow/items/:id/attachments',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['workflow'],
        summary: 'Attach a photo or a scanned document to an item (hazard photos, filing materials)',
        params: IdParam,
        body: Type.Object(
          {
            filename: Type.String({ minLength: 1, maxLength: 200 }),
            contentType: Type.String({ pattern: '^(image/(jpeg|png|webp)|application/pdf)$' }),
            dataBase64: Type.String({ minLength: 4, maxLength: 7_500_000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer(), sha256: Type.String(), size: Type.Integer() }) },
      },
    },
    async (req, reply) => {
      const item = await getItem(deps, req.params.id);
      const actor = req.actor!;
      const m = item ? workflowOf(item.machine).machine : null;
      if (!item || !m || !mayRead(actor, m, item)) throw notFound({ zh: `事项 ${req.params.id}`, en: `item ${req.params.id}` });
      if (!(['official', 'subject', 'applicant'] as const).some((p) => mayAct(actor, m, item, p))) throw new AppError(CommonErrors.JF_FORBIDDEN);
      const content = Buffer.from(req.body.dataBase64, 'base64');
      const saved = await saveAttachment(deps, actor, item.id, req.body.filename, req.body.contentType, content);
      return reply.status(201).send({ id: saved.id, sha256: createHash('sha256').update(content).digest('hex'), size: content.length });
    },
  );

  app.get(
    '/api/v1/workflow/attachments/:id',
    { schema: { tags: ['workflow'], summary: 'The bytes of an attachment', params: IdParam, response: { 200: Type.Unknown() } } },
    async (req, reply) => {
      const a = await loadAttachment(deps, req.actor!, req.params.id);
      if (!a) throw notFound({ zh: `附件 ${req.params.id}`, en: `attachment ${req.params.id}` });
      noStore(reply);
      return reply.type(a.contentType).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.filename)}`).send(a.content);
    },
  );

  app.get(
    '/api/v1/workflow/oversight/missed-deadlines',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Art 29, 36: deadlines officials missed, who was to act, how late (oversight and police supervisors)',
        querystring: Type.Object({ ...MissedQuery, ...Paging }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Record(Type.String(), Type.Unknown())) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return missedDeadlines(deps, req.actor!, req.query);
    },
  );

  app.get(
    '/api/v1/workflow/oversight/missed-deadlines/export',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Art 29, 36: export the missed deadlines the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX',
        querystring: Type.Object({ ...MissedQuery, format: ExportFormatQuery }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const actor = req.actor!;
      const rows = await allPages((offset) => missedDeadlines(deps, actor, { ...filters, limit: 200, offset }));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'missed-deadlines', now: deps.clock.now(), columns: MISSED_COLUMNS, rows });
    },
  );

  app.get(
    '/api/v1/workflow/oversight/refusals',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Art 29, 36: refused attempts — fees, designated products or providers, backdating, acts outside the rules — with who tried',
        querystring: Type.Object({ ...RefusalQuery, ...Paging }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Record(Type.String(), Type.Unknown())) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return refusals(deps, req.actor!, req.query);
    },
  );

  app.get(
    '/api/v1/workflow/oversight/refusals/export',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Art 29, 36: export the refused attempts the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX',
        querystring: Type.Object({ ...RefusalQuery, format: ExportFormatQuery }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const actor = req.actor!;
      const rows = await allPages((offset) => refusals(deps, actor, { ...filters, limit: 200, offset }));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'oversight-refusals', now: deps.clock.now(), columns: REFUSAL_COLUMNS, rows });
    },
  );

  app.get(
    '/api/v1/workflow/oversight/acts',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Art 29, 36: what the police did under their accounts, act by act, with the rule and article (oversight and police supervisors)',
        querystring: Type.Object({ ...ActQuery, ...Paging }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Record(Type.String(), Type.Unknown())) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return officialActs(deps, req.actor!, req.query);
    },
  );

  app.get(
    '/api/v1/workflow/oversight/acts/export',
    {
      schema: {
        tags: ['workflow'],
        summary: "Art 29, 36: export the officials' acts the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX",
        querystring: Type.Object({ ...ActQuery, format: ExportFormatQuery }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const actor = req.actor!;
      const rows = await allPages((offset) => officialActs(deps, actor, { ...filters, limit: 200, offset }));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'official-acts', now: deps.clock.now(), columns: ACT_COLUMNS, rows });
    },
  );
};
