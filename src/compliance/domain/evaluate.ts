import { createHash } from 'node:crypto';
import { assess, countByOutcome, type Finding, type IsoDate, type Outcome, type Situation } from '../../law/index.js';
import type { EntityKind } from './entities.js';
import { ownFindings } from './facts.js';

/** What the rules say about one situation on one day. */
export interface Evaluation {
  /** Names the facts: the same facts always have the same hash, whatever the day. */
  hash: string;
  kind: EntityKind;
  /** The situation as canonical JSON. */
  facts: string;
  findings: Finding[];
  counts: Record<Outcome, number>;
  /** Names the findings: it changes when the rules, or the day, give other findings for the same facts. */
  findingsDigest: string;
}

const sha = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 22);

/** The hash a situation of `kind` is stored under. */
export function situationHash(kind: EntityKind, facts: string): string {
  return sha(`${kind}\n${facts}`);
}

export function findingsDigest(findings: readonly Finding[]): string {
  return sha(JSON.stringify(findings));
}

/**
 * Assesses situations as the regulation stood on `asOf`, each distinct set of
 * facts once: `assess` is pure, so two entities with the same facts get the
 * same findings, and a province of millions of rows has a few thousand
 * distinct situations. The memo is bounded so a long-lived server does not
 * grow without end.
 */
export class Evaluator {
  private readonly memo = new Map<string, Evaluation>();

  constructor(
    readonly asOf: IsoDate,
    private readonly limit = 50_000,
  ) {}

  evaluate(kind: EntityKind, situation: Situation): Evaluation {
    const facts = JSON.stringify(situation);
    return this.evaluateFacts(kind, facts, situation);
  }

  /** For facts already in canonical JSON (as stored). */
  evaluateFacts(kind: EntityKind, facts: string, situation?: Situation): Evaluation {
    const key = `${kind}\n${facts}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const findings = ownFindings(kind, assess(situation ?? (JSON.parse(facts) as Situation), this.asOf));
    const e: Evaluation = { hash: sha(key), kind, facts, findings, counts: countByOutcome(findings), findingsDigest: findingsDigest(findings) };
    if (this.memo.size >= this.limit) this.memo.clear();
    this.memo.set(key, e);
    return e;
  }
}
