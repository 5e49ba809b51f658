import type { TSchema } from '@sinclair/typebox';
import type { Actor, ResourceKind } from '../../access/index.js';
import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';

/**
 * The one state-machine mechanism every procedure of the regulation shares:
 * states, transitions, who may take each, the rule that guards it, and the
 * deadline a state sets. Machines are data plus pure guards; the engine
 * (../engine.ts) loads an item, asks the policy, runs the guard, applies the
 * transition with an optimistic version, logs it and schedules deadlines, all
 * in one transaction.
 */

/**
 * Who takes a transition.
 * - `official`: the police (policy action `decide`);
 * - `subject`: the unit or provider the item concerns (policy action `update`, own unit or provider);
 * - `applicant`: the account that opened the item (policy action `update`, own item);
 * - `system`: the scheduler, when a deadline passes. No person can take these.
 */
export const PARTIES = ['official', 'subject', 'applicant', 'system'] as const;
export type Party = (typeof PARTIES)[number];

/** The rule a transition rests on, by stable id naming its article (`art18.publish-list`). */
export interface RuleRef {
  id: string;
  citation: Citation;
}

/** Why a guard refused: the rule, its citation and the reason in both languages. */
export interface Refusal {
  rule: RuleRef;
  message: Bilingual;
  /** 409 when the refusal is about the state of things, 422 (default) when about the input. */
  status?: 409 | 422;
  /** Field the refusal is about, when one is. */
  field?: string;
}

/** What a guard sees: the item as it is, the input, who acts and when. Pure: no I/O. */
export interface GuardContext<D, I> {
  state: string;
  data: D;
  input: I;
  actor: Actor | null;
  /** Now, from the application's clock. */
  now: Date;
  /** Facts the engine looked up before the guard runs (registry, other items). */
  facts: Record<string, unknown>;
  /** The item's jurisdiction and competent organ. */
  divisionCode: string;
  competentOrgan: string | null;
}

export interface DeadlineSpec {
  /** ISO instant. */
  dueAt: string;
  party: Exclude<Party, 'system'>;
  /** The system transition to take when it passes; without one the miss is recorded and shown. */
  onExpiry?: string;
  label: Bilingual;
  citation: Citation;
}

export interface StateDef<D> {
  label: Bilingual;
  /** Who must act next; undefined when nobody must (closed, published). */
  awaiting?: Exclude<Party, 'system'>;
  terminal?: boolean;
  /** The deadline entering this state sets, computed from the data and the moment of entry. */
  deadline?: (data: D, enteredAt: Date) => DeadlineSpec | null;
  /** The deadline in words, for docs/workflows.md and the web app. */
  deadlineDoc?: Bilingual;
}

export interface TransitionDef<D = Record<string, unknown>, I = Record<string, unknown>> {
  name: string;
  label: Bilingual;
  /** States it may be taken from; empty for a transition that opens a new item. */
  from: readonly string[];
  /** Target state; `null` keeps the state (a recorded act that changes no state, e.g. adding a hazard). */
  to: string | null;
  by: Party;
  rule: RuleRef;
  /** TypeBox schema of the input; additional properties are refused. */
  input?: TSchema;
  /** Pure check: a refusal stops the transition. */
  guard?: (g: GuardContext<D, I>) => Refusal | null;
  /** Pure: the item's data after the transition. */
  update?: (g: GuardContext<D, I>) => D;
  /** Official documents this transition issues (see ../documents.ts). */
  issues?: readonly string[];
}

export interface MachineDef<D = Record<string, unknown>> {
  name: string;
  /** The policy's resource kind for items of this machine. */
  resource: ResourceKind;
  title: Bilingual;
  citation: Citation;
  /** What the procedure is, its readings and its gaps, for docs/workflows.md. */
  summary?: string;
  states: Record<string, StateDef<D>>;
  transitions: readonly TransitionDef<D, never>[];
}

/** The shape every machine has once defined; transitions are looked up by name. */
export interface Machine<D = Record<string, unknown>> extends MachineDef<D> {
  transition(name: string): TransitionDef<D, Record<string, unknown>> | undefined;
  /** Transitions that open an item. */
  openers(): TransitionDef<D, Record<string, unknown>>[];
  /** Transitions available from `state`, optionally only those `party` may take. */
  available(state: string, party?: Party): TransitionDef<D, Record<string, unknown>>[];
}

/**
 * Checks the definition once, at load: every state a transition names exists,
 * every `onExpiry` names a system transition out of its state, names are unique.
 * A broken machine fails the first test that imports it.
 */
export function defineMachine<D>(def: MachineDef<D>): Machine<D> {
  const names = new Set<string>();
  const transitions = def.transitions as unknown as TransitionDef<D, Record<string, unknown>>[];
  for (const t of transitions) {
    if (names.has(t.name)) throw new Error(`${def.name}: transition ${t.name} defined twice`);
    names.add(t.name);
    for (const s of t.from) if (!def.states[s]) throw new Error(`${def.name}.${t.name}: unknown from-state ${s}`);
    if (t.to !== null && !def.states[t.to]) throw new Error(`${def.name}.${t.name}: unknown to-state ${t.to}`);
    if (t.from.length === 0 && t.to === null) throw new Error(`${def.name}.${t.name}: an opening transition needs a target state`);
    if (t.from.some((s) => def.states[s].terminal)) throw new Error(`${def.name}.${t.name}: leaves a terminal state`);
  }
  for (const [s, st] of Object.entries(def.states)) {
    if (st.terminal && st.awaiting) throw new Error(`${def.name}.${s}: a terminal state awaits nobody`);
  }
  const byName = new Map(transitions.map((t) => [t.name, t]));
  return {
    ...def,
    transition: (name) => byName.get(name),
    openers: () => transitions.filter((t) => t.from.length === 0),
    available: (state, party) => transitions.filter((t) => t.from.includes(state) && (!party || t.by === party)),
  };
}

/** Checks that every `onExpiry` a deadline can name is a system transition out of that state (run by the tests). */
export function checkDeadlines<D>(m: Machine<D>, sample: (state: string) => D | undefined, at: Date): string[] {
  const problems: string[] = [];
  for (const [s, st] of Object.entries(m.states)) {
    const data = sample(s);
    if (!st.deadline || data === undefined) continue;
    const d = st.deadline(data, at);
    if (!d?.onExpiry) continue;
    const t = m.transition(d.onExpiry);
    if (!t || t.by !== 'system' || !t.from.includes(s)) problems.push(`${m.name}.${s}: onExpiry ${d.onExpiry} is not a system transition out of ${s}`);
  }
  return problems;
}

/** A refusal as the guards write it. */
export function refuse(rule: RuleRef, zh: string, en: string, extra: Partial<Omit<Refusal, 'rule' | 'message'>> = {}): Refusal {
  return { rule, message: { zh, en }, ...extra };
}
