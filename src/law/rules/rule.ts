import { citationHref, formatCitation, type Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import type { PenaltyDecision } from '../penalties/penalty-schema.js';
import { REGULATION_IN_FORCE_FROM } from '../parameters/regulation.js';
import type { Situation } from '../situation/schema.js';
import { dayBefore, inForce, type IsoDate, type Validity } from './dates.js';
import type { Finding, Outcome, RuleKind } from './finding.js';

/** What one version of a rule decides for one subject's facts. */
export interface Decision {
  outcome: Outcome;
  message: Bilingual;
  /** A narrower citation than the rule's own, e.g. the item that was breached. */
  citation?: Citation;
  interpretations?: readonly string[];
  penalty?: PenaltyDecision;
}

/** The rule as the text read from `from` to `to` (inclusive); an amendment is a new version. */
export interface RuleVersion<F> extends Validity {
  evaluate(facts: F, asOf: IsoDate): Decision;
}

/** One thing in a situation a rule speaks about, with the facts the rule reads. */
export interface Subject<F> {
  /** Path into the situation, e.g. `devices[2]`. */
  subject: string;
  facts: F;
}

/** The penalty article (and its item) a violation of a rule leads to. */
export interface Sanction {
  article: 31 | 32 | 33 | 34 | 35 | 36;
  item?: number;
}

/** What every rule offers, whatever its facts: the catalogue holds these. */
export interface AnyRule {
  readonly id: string;
  readonly citation: Citation;
  readonly kind: RuleKind;
  readonly title: Bilingual;
  readonly versions: readonly Validity[];
  readonly sanction?: Sanction;
  readonly interpretations: readonly string[];
  /** Findings for every subject of the situation this rule reaches. */
  assess(situation: Situation, asOf: IsoDate, prior?: readonly Finding[]): Finding[];
}

export interface Rule<F> extends AnyRule {
  readonly versions: readonly RuleVersion<F>[];
  /** The subjects of a situation this rule reaches; `prior` are findings of the rules run before. */
  subjects(situation: Situation, prior: readonly Finding[]): Subject<F>[];
  /** The finding for one set of facts on `asOf`: the heart of the rule, used by the tests. */
  evaluate(facts: F, asOf: IsoDate, subject?: string): Finding;
}

export interface RuleSpec<F> {
  id: string;
  citation: Citation;
  kind: RuleKind;
  title: Bilingual;
  /** Rules of this regulation start on 2015-02-01; pass `versions` for more than one. */
  evaluate?: (facts: F, asOf: IsoDate) => Decision;
  versions?: RuleVersion<F>[];
  subjects: (situation: Situation, prior: readonly Finding[]) => Subject<F>[];
  sanction?: Sanction;
  interpretations?: string[];
}

function stripUndefined(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

function build<F extends object>(spec: Omit<RuleSpec<F>, 'evaluate'> & { versions: RuleVersion<F>[] }): Rule<F> {
  const { id, citation, kind, title, versions, sanction } = spec;
  const interpretations = spec.interpretations ?? [];
  const rule: Rule<F> = {
    id,
    citation,
    kind,
    title,
    versions,
    ...(sanction ? { sanction } : {}),
    interpretations,
    subjects: spec.subjects,
    evaluate(facts, asOf, subject = 'facts') {
      const version = versions.find((v) => inForce(v, asOf));
      const d: Decision = version
        ? version.evaluate(facts, asOf)
        : {
            outcome: 'not_applicable',
            message: {
              zh: `${asOf}本规则不在施行期间（本条例自2015年2月1日起施行）`,
              en: `This rule was not in force on ${asOf} (the regulation is in force from 1 February 2015)`,
            },
          };
      const c = d.citation ?? citation;
      return {
        ruleId: id,
        kind,
        citation: c,
        citationLabel: formatCitation(c),
        href: citationHref(c),
        outcome: d.outcome,
        subject,
        facts: stripUndefined(facts),
        message: d.message,
        ...(version ? { version: version.to ? { from: version.from, to: version.to } : { from: version.from } } : {}),
        interpretations: [...new Set([...(d.interpretations ?? [])])],
        ...(d.penalty ? { penalty: d.penalty } : {}),
      };
    },
    assess(situation, asOf, prior = []) {
      return spec.subjects(situation, prior).map((s) => rule.evaluate(s.facts, asOf, s.subject));
    },
  };
  return rule;
}

/** A rule of the regulation, in force from 2015-02-01 unless `versions` say otherwise. */
export function defineRule<F extends object>(spec: RuleSpec<F>): Rule<F> {
  const versions = spec.versions ?? (spec.evaluate ? [{ from: REGULATION_IN_FORCE_FROM, evaluate: spec.evaluate }] : []);
  if (versions.length === 0) throw new Error(`rule ${spec.id} has no version`);
  return build({ ...spec, versions });
}

/**
 * The rule with an amendment in force from `next.from`: the version in force
 * the day before is closed on that day and kept, so the rule still answers
 * for earlier days exactly as before.
 */
export function amendRule<F extends object>(rule: Rule<F>, next: RuleVersion<F>): Rule<F> {
  const closeOn = dayBefore(next.from);
  const kept = rule.versions.filter((v) => v.from < next.from).map((v) => (v.to === undefined || v.to > closeOn ? { ...v, to: closeOn } : v));
  return build({
    id: rule.id,
    citation: rule.citation,
    kind: rule.kind,
    title: rule.title,
    subjects: rule.subjects,
    ...(rule.sanction ? { sanction: rule.sanction } : {}),
    interpretations: [...rule.interpretations],
    versions: [...kept, next],
  });
}

/** Decisions read better with these. */
export const decide = {
  compliant: (zh: string, en: string, extra: Partial<Decision> = {}): Decision => ({ outcome: 'compliant', message: { zh, en }, ...extra }),
  violation: (zh: string, en: string, extra: Partial<Decision> = {}): Decision => ({ outcome: 'violation', message: { zh, en }, ...extra }),
  obligation: (zh: string, en: string, extra: Partial<Decision> = {}): Decision => ({ outcome: 'obligation', message: { zh, en }, ...extra }),
  allowed: (zh: string, en: string, extra: Partial<Decision> = {}): Decision => ({ outcome: 'allowed', message: { zh, en }, ...extra }),
  refused: (zh: string, en: string, extra: Partial<Decision> = {}): Decision => ({ outcome: 'refused', message: { zh, en }, ...extra }),
  notApplicable: (zh: string, en: string, extra: Partial<Decision> = {}): Decision => ({ outcome: 'not_applicable', message: { zh, en }, ...extra }),
};

/** `items` as a path list: `keyUnits[0]`, `keyUnits[1]` … */
export function each<T, F>(list: readonly T[] | undefined, name: string, facts: (x: T, i: number) => F | undefined): Subject<F>[] {
  const out: Subject<F>[] = [];
  (list ?? []).forEach((x, i) => {
    const f = facts(x, i);
    if (f !== undefined) out.push({ subject: `${name}[${i}]`, facts: f });
  });
  return out;
}
