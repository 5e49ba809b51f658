import { sql } from 'kysely';
import type { Actor } from '../access/index.js';
import type { Finding } from '../law/index.js';
import { AppError } from '../shared/errors.js';
import { findDivision } from '../shared/standards/gb2260.js';
import type { ComplianceContext } from './context.js';
import { cityOf, type EntityKind } from './domain/entities.js';
import { entityRef } from './entity-ref.js';
import { ComplianceErrors } from './errors.js';
import type { Condition } from './repository.js';
import { MAX_FINDINGS_PAGE, type FindingsPage, type FindingsQuery } from './schemas.js';
import { complianceScope, placeCondition, unitCondition } from './scope.js';

const UNIT_KINDS: readonly EntityKind[] = ['key-units', 'sites', 'security-systems', 'devices'];

export function assertDivision(code: string): string {
  if (!findDivision(code)) throw new AppError(ComplianceErrors.JF_COMPLIANCE_NO_DIVISION, { params: { code } });
  return code;
}

/**
 * The stored findings, a page at a time, of the entities the caller may read
 * (the policy's scope per kind), filtered by place, kind, unit, rule, article
 * and outcome; in the order of county, kind and id (or its reverse), the
 * order the entities' index serves at province scale.
 */
export async function listFindings(ctx: ComplianceContext, actor: Actor | null, q: FindingsQuery): Promise<FindingsPage> {
  const scope = complianceScope(actor, q.kind ? [q.kind] : undefined);
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(MAX_FINDINGS_PAGE, Math.max(1, q.pageSize ?? 20));

  const on: Condition[] = [scope.where];
  if (q.division) on.push(placeCondition(assertDivision(q.division)));
  if (q.kind) on.push(sql<boolean>`c.entity_kind = ${q.kind}`);
  const needsEntities = scope.needsEntities || q.keyUnitId !== undefined;
  // A unit with its sites, systems and devices.
  const entityOnly: Condition[] =
    q.keyUnitId !== undefined ? [sql<boolean>`(${sql.join(UNIT_KINDS.map((k) => sql`(c.entity_kind = ${k} and ${unitCondition(k, q.keyUnitId!)})`), sql` or `)})`] : [];

  const fOn: Condition[] = [];
  if (q.rule) fOn.push(sql<boolean>`f.rule_id = ${q.rule}`);
  if (q.article) fOn.push(sql<boolean>`f.article = ${q.article}`);
  if (q.outcome) fOn.push(sql<boolean>`f.outcome = ${q.outcome}`);
  const findingWhere = fOn.length ? sql<boolean>`${sql.join(fOn, sql` and `)}` : sql<boolean>`1 = 1`;

  // The situations with such a finding: few, so the entities are filtered from their index.
  let situationFilter: Condition = sql<boolean>`1 = 1`;
  if (fOn.length) {
    const hashes = await ctx.repo.matchingSituations(findingWhere);
    if (!hashes.length) return { items: [], total: 0, page, pageSize };
    situationFilter = sql<boolean>`c.situation_id in (${sql.join(hashes.map((h) => sql.lit(h)))})`;
  }

  const where = sql<boolean>`${sql.join([...on, ...entityOnly, situationFilter], sql` and `)}`;
  const total = await ctx.repo.countFindings(needsEntities ? where : sql<boolean>`${sql.join([...on, situationFilter], sql` and `)}`, findingWhere, needsEntities);
  const rows = total > (page - 1) * pageSize ? await ctx.repo.findingsPage(where, findingWhere, pageSize, (page - 1) * pageSize, q.order === 'desc') : [];

  const stored = await ctx.repo.findingsOf(rows.map((r) => Number(r.situation_id)));
  const idsByKind = new Map<EntityKind, number[]>();
  for (const r of rows) {
    const k = r.entity_kind as EntityKind;
    idsByKind.set(k, [...(idsByKind.get(k) ?? []), Number(r.entity_id)]);
  }
  const names = new Map<string, string>();
  for (const [k, ids] of idsByKind) for (const [id, name] of await ctx.repo.names(k, ids)) names.set(`${k}/${id}`, name);

  return {
    items: rows.map((r) => {
      const kind = r.entity_kind as EntityKind;
      const id = Number(r.entity_id);
      const s = stored.get(Number(r.situation_id))!;
      const finding: Finding = { ...s.findings[Number(r.seq)], subject: `${kind}/${id}` };
      const division = r.division_code == null ? null : String(r.division_code);
      const city = cityOf(division);
      return { entity: entityRef(kind, id, names.get(`${kind}/${id}`) ?? '', division, city), finding, assessedOn: s.asOf };
    }),
    total,
    page,
    pageSize,
  };
}
