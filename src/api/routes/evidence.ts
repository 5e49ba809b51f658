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
} from '../../vault/index.js';
import { noStore } from '../auth.js';
import { EvidenceSchema, IdParams, ScopeSchema, scopeIn, SegmentSchema, Str, Text, WindowSchema } from './captured-schemas.js';
import { vaultOf } from './captured-vault.js';

const tags = ['evidence'];
const Reply = Type.Object({ request: EvidenceSchema });

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

  app.get(
    '/api/v1/evidence-requests',
    {
      schema: {
        tags,
        summary: 'Evidence requests: the applicant their own, the police of an area theirs, a unit those for its systems',
        querystring: Type.Object({ state: Type.Optional(Str(EVIDENCE_STATES)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(EvidenceSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const a = req.actor!;
      const states = req.query.state ? [req.query.state as EvidenceState] : undefined;
      const limit = req.query.limit;
      let rows: EvidenceView[];
      if (a.role === 'citizen') rows = await listEvidence(v(), { applicantUserId: a.userId, states, limit });
      else if (a.role === 'key_unit' && a.keyUnitId != null) rows = await listEvidence(v(), { keyUnitId: a.keyUnitId, states: states ?? ['recorded', 'handed_over', 'closed'], limit }, { maskParty: true });
      else if ((a.role.endsWith('_supervisor') || a.role === 'station_officer') && a.jurisdiction) rows = await listEvidence(v(), { divisionPrefix: divisionPrefix(a.jurisdiction), states, limit });
      else if (a.role === 'oversight') rows = await listEvidence(v(), { states, limit }, { maskParty: true });
      else throw new AppError(CommonErrors.JF_FORBIDDEN);
      return { items: rows.filter((r) => canRead(a, r)) };
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
