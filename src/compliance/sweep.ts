import { chinaDate, type IsoDate } from '../law/index.js';
import { cityOf, ENTITY_KINDS, type EntityKind, type EntityPlace } from './domain/entities.js';
import { Evaluator } from './domain/evaluate.js';
import { factsFor } from './domain/facts.js';
import type { ComplianceContext } from './context.js';
import type { ComplianceRepository, CountKey, StoredEntity } from './repository.js';
import { RegistryRows, type ChangedRow, type Selection } from './registry-rows.js';

/**
 * The province-wide sweep: every rule of the regulation over every registry
 * entity, findings stored (see migration 0006).
 *
 * It walks the registry's tables a batch at a time (keyset pages by id), one
 * transaction per batch, so a sweep that stops half-way leaves what it wrote
 * whole: entities, their situations and the counts move together.
 *
 * The first run (or `full`) reads every row. Later runs read only the rows
 * written since the last finished run began (less a margin for writes that
 * were still in flight), the rows whose facts follow from those (a unit's
 * systems, a system's unit, sites and area, a device's system) and the rows
 * that are gone; of those, only entities whose facts changed are assessed
 * and written again, since the same facts give the same findings.
 *
 * Findings also change without any row changing, when the rules (or the
 * day's law) change: every run first assesses each stored situation again
 * and replaces the findings that came out differently, which moves every
 * entity in that situation at once.
 */

export interface SweepOptions {
  /** Read every row, not only what changed. */
  full?: boolean;
  /** Rows per batch and transaction. */
  batchSize?: number;
  /** The day the regulation is applied as it stood; today in China when omitted. */
  asOf?: IsoDate;
  onBatch?: (p: { kind: EntityKind; examined: number }) => void;
}

export interface KindStats {
  examined: number;
  /** New, or with facts that changed: assessed and written again. */
  reevaluated: number;
  /** Same facts, another place (a county, a unit, the art 19 flag): written again, not assessed. */
  moved: number;
  unchanged: number;
  removed: number;
}

export interface SweepStats extends KindStats {
  runId: number;
  mode: 'full' | 'incremental';
  asOf: IsoDate;
  changedSince: string | null;
  startedAt: string;
  seconds: number;
  byKind: Record<EntityKind, KindStats>;
  situations: { total: number; added: number; refreshed: number; dropped: number };
}

/** Writes can be in flight when a run starts; rows written in the hour before it are looked at again next time. */
export const IN_FLIGHT_MARGIN_MS = 3_600_000;

const ORDER: readonly EntityKind[] = ['products', 'providers', 'public-areas', 'key-units', 'sites', 'security-systems', 'devices'];

const emptyStats = (): KindStats => ({ examined: 0, reevaluated: 0, moved: 0, unchanged: 0, removed: 0 });

function samePlace(a: EntityPlace, b: EntityPlace): boolean {
  return (
    a.divisionCode === b.divisionCode &&
    a.restricted === b.restricted &&
    a.keyUnitId === b.keyUnitId &&
    a.systemId === b.systemId &&
    a.siteId === b.siteId &&
    a.publicAreaId === b.publicAreaId
  );
}

function countKey(kind: EntityKind, p: EntityPlace, situation: number): CountKey {
  return { kind, cityCode: cityOf(p.divisionCode), divisionCode: p.divisionCode, restricted: p.restricted, situation };
}

class Deltas {
  readonly map = new Map<string, { key: CountKey; n: number }>();
  add(k: CountKey, n: number) {
    const id = `${k.kind}|${k.cityCode ?? ''}|${k.divisionCode ?? ''}|${k.restricted ? 1 : 0}|${k.situation}`;
    const d = this.map.get(id);
    if (d) d.n += n;
    else this.map.set(id, { key: k, n });
  }
}

export async function sweep(ctx: ComplianceContext, opts: SweepOptions = {}): Promise<SweepStats> {
  const t0 = performance.now();
  const { repo, rows, clock } = ctx;
  const started = clock.now();
  const now = started.toISOString();
  const asOf = opts.asOf ?? chinaDate(started);
  const batchSize = Math.max(1, opts.batchSize ?? 10_000);
  const last = await repo.lastRun('finished');
  const mode = opts.full || !last ? 'full' : 'incremental';
  const changedSince = mode === 'incremental' ? new Date(new Date(last!.startedAt).getTime() - IN_FLIGHT_MARGIN_MS).toISOString() : null;
  const runId = await repo.startRun(mode, asOf, changedSince, now);

  const evaluator = new Evaluator(asOf);
  const byKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, emptyStats()])) as Record<EntityKind, KindStats>;
  const situations = { total: 0, added: 0, refreshed: 0, dropped: 0 };

  // A first load into an empty table builds the place index once at the end.
  const firstLoad = mode === 'full' && !(await repo.hasEntities());
  if (firstLoad) await repo.dropPlaceIndex();

  try {
    // The stored situations, as the rules read them today.
    const stored = await repo.situations();
    await repo.transaction(async (r) => {
      for (const s of stored) {
        const e = evaluator.evaluateFacts(s.kind, s.facts);
        if (e.findingsDigest !== s.findingsDigest) {
          await r.replaceFindings(s.id, e, asOf, now);
          situations.refreshed++;
        }
      }
    });
    /** Situation ids by hash. */
    const known = new Map(stored.map((s) => [s.hash, s.id]));

    /**
     * One batch in one transaction: assess the rows, write what changed, move
     * the counts. Returns how many rows it read and the last id.
     */
    const processBatch = async <K extends EntityKind>(kind: K, sel: Selection): Promise<{ read: number; last: number }> => {
      const stats = byKind[kind];
      const done = await repo.transaction(async (r, trx) => {
        const read = await new RegistryRows(trx).read(kind, sel);
        const last = read.length ? read[read.length - 1].id : 0;
        // The stored entities the same rows cover: for a keyset page, up to its last row (or all the rest, on the last page).
        const covered = 'after' in sel ? { from: sel.after + 1, to: read.length === sel.limit ? last : Number.MAX_SAFE_INTEGER } : sel;
        const before = await r.stored(kind, covered);
        const deltas = new Deltas();
        const replaced: number[] = [];
        const written: StoredEntity[] = [];
        for (const row of read) {
          const f = factsFor(kind, row);
          const e = evaluator.evaluate(kind, f.situation);
          let situation = known.get(e.hash);
          if (situation === undefined) {
            situation = await r.addSituation(e, asOf, now);
            known.set(e.hash, situation);
            situations.added++;
          }
          const old = before.get(row.id);
          before.delete(row.id);
          stats.examined++;
          if (old && old.situation === situation && samePlace(old, f.place)) {
            stats.unchanged++;
            continue;
          }
          if (old) {
            replaced.push(old.id);
            deltas.add(countKey(kind, old, old.situation), -1);
            if (old.situation === situation) stats.moved++;
            else stats.reevaluated++;
          } else {
            stats.reevaluated++;
          }
          deltas.add(countKey(kind, f.place, situation), +1);
          written.push({ id: row.id, situation, ...f.place });
        }
        // Stored but not read: the row is gone.
        for (const gone of before.values()) {
          replaced.push(gone.id);
          deltas.add(countKey(kind, gone, gone.situation), -1);
          stats.removed++;
        }
        await r.deleteEntities(kind, replaced);
        await r.insertEntities(kind, written, runId);
        await r.applyCounts(deltas.map);
        return { read: read.length, last };
      });
      opts.onBatch?.({ kind, examined: stats.examined });
      return done;
    };

    if (mode === 'full') {
      for (const kind of ORDER) {
        // Keyset pages; the last (short) page also covers stored entities past the last row, which are gone.
        let after = 0;
        for (;;) {
          const { read, last } = await processBatch(kind, { after, limit: batchSize });
          if (read < batchSize) break;
          after = last;
        }
      }
    } else {
      const work = await changedWork(ctx, changedSince!);
      for (const kind of ORDER) {
        const ids = [...(work.get(kind) ?? [])].sort((a, b) => a - b);
        for (let i = 0; i < ids.length; i += batchSize) await processBatch(kind, { ids: ids.slice(i, i + batchSize) });
      }
    }

    situations.dropped = await repo.transaction((r) => r.deleteUnusedSituations());
    situations.total = await repo.countSituations();
  } catch (e) {
    await repo.finishRun(runId, 'failed', { error: String(e) }, clock.now().toISOString());
    throw e;
  } finally {
    await repo.ensurePlaceIndex();
  }

  const total = emptyStats();
  for (const s of Object.values(byKind)) for (const k of Object.keys(total) as (keyof KindStats)[]) total[k] += s[k];
  const result: SweepStats = {
    runId,
    mode,
    asOf,
    changedSince,
    startedAt: now,
    seconds: (performance.now() - t0) / 1000,
    ...total,
    byKind,
    situations,
  };
  const { runId: _id, ...stats } = result;
  await repo.finishRun(runId, 'finished', stats, clock.now().toISOString());
  return result;
}

/**
 * The ids to look at again, by kind: rows written since `since`, rows that
 * are gone, and the rows whose facts follow from either (old and new
 * parents both, for a row that moved).
 */
async function changedWork(ctx: ComplianceContext, since: string): Promise<Map<EntityKind, Set<number>>> {
  const { repo, rows } = ctx;
  const work = new Map<EntityKind, Set<number>>(ENTITY_KINDS.map((k) => [k, new Set<number>()]));
  const add = (k: EntityKind, id: number | null) => {
    if (id != null) work.get(k)!.add(id);
  };
  const unitsForSites = new Set<number>();
  const unitsForSystems = new Set<number>();

  /** What follows from a row of `kind` with these parents: they read it. */
  const touch = (kind: EntityKind, x: Pick<ChangedRow, 'keyUnitId' | 'siteId' | 'publicAreaId' | 'systemId'>) => {
    if (kind === 'devices') {
      // A system's facts read what its devices capture.
      add('security-systems', x.systemId);
    } else if (kind === 'security-systems') {
      // A unit, a site and an area read whether they have a system; a unit-wide system serves every site of its unit.
      add('key-units', x.keyUnitId);
      add('public-areas', x.publicAreaId);
      add('sites', x.siteId);
      if (x.keyUnitId != null) unitsForSites.add(x.keyUnitId);
    }
  };

  for (const kind of ENTITY_KINDS) {
    const changed = await rows.changedSince(kind, since);
    const stored = await repo.stored(kind, { ids: changed.map((c) => c.id) });
    for (const c of changed) {
      add(kind, c.id);
      touch(kind, c);
      const old = stored.get(c.id);
      if (old) touch(kind, old);
      // Its systems read its art 10 item and restriction; its sites its type.
      if (kind === 'key-units') {
        unitsForSites.add(c.id);
        unitsForSystems.add(c.id);
      }
    }
    // Rows gone: only when there are fewer rows than entities stored and new ones.
    const unstored = changed.length - stored.size;
    if ((await repo.countEntities(kind)) + unstored > (await rows.count(kind))) {
      for (const o of await repo.orphans(kind)) {
        add(kind, o.id);
        touch(kind, o);
      }
    }
  }
  for (const id of await rows.idsWhere('sites', 'key_unit_id', [...unitsForSites])) add('sites', id);
  for (const id of await rows.idsWhere('security-systems', 'key_unit_id', [...unitsForSystems])) add('security-systems', id);
  return work;
}
