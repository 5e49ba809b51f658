import type { Actor } from '../access/index.js';
import type { Clock } from '../shared/clock.js';
import type { JifangDb } from '../db/database.js';
import type { GuardContext, Machine, TransitionDef } from './domain/machine.js';
import type { WorkflowPorts } from './ports/index.js';
import type { WfTrx, WorkflowItemsTable } from './tables.js';

/** What every use case gets: the database, the clock. Ports are bound to the database. */
export interface WorkflowDeps {
  jdb: JifangDb;
  clock: Clock;
}

/** One item as stored, with its data parsed. */
export interface ItemRow<D = Record<string, unknown>> extends Omit<WorkflowItemsTable, 'id' | 'data'> {
  id: number;
  data: D;
}

/** Where a new item belongs. */
export interface Placement {
  divisionCode: string;
  competentOrgan?: string | null;
  keyUnitId?: number | null;
  providerId?: number | null;
  ownerUserId?: number | null;
  parentId?: number | null;
  title: string;
  restricted?: boolean;
}

/** The acting person, or the scheduler. */
export type Acting = { kind: 'person'; actor: Actor } | { kind: 'system' };

export interface IssuedDocument {
  id: number;
  kind: string;
  number: string;
  verificationCode: string;
}

export interface TrxContext {
  trx: WfTrx;
  deps: WorkflowDeps;
  ports: WorkflowPorts;
  acting: Acting;
  now: Date;
}

export interface PlaceContext<I = Record<string, unknown>> extends TrxContext {
  input: I;
  transition: TransitionDef<unknown, Record<string, unknown>>;
  parentId: number | null;
}

export interface Placed<D> {
  placement: Placement;
  data: D;
  /** Facts for the opener's guard. */
  facts?: Record<string, unknown>;
}

export interface EffectContext<D = Record<string, unknown>, I = Record<string, unknown>> extends TrxContext {
  /** The item before the transition. */
  item: ItemRow<D>;
  /** The data after the transition's pure update. */
  data: D;
  input: I;
  transition: TransitionDef<D, Record<string, unknown>>;
  /** The state after the transition. */
  toState: string;
  guard: GuardContext<D, I>;
  /** Issues an official document for this item, numbered and with a verification code. */
  issue(kind: string, content: Record<string, unknown>, publicSubject: string | null): Promise<IssuedDocument>;
  /** Opens a new item of another machine under this one, as the same actor, in the same transaction. */
  openChild(machine: string, opener: string, input: Record<string, unknown>): Promise<ItemRow>;
}

export type Effect<D> = (c: EffectContext<D, never>) => Promise<Partial<D> | void>;

/** What viewers see of an item's data; the police and oversight see everything. */
export type Viewer = 'official' | 'subject' | 'applicant' | 'oversight';

export interface Workflow<D = Record<string, unknown>> {
  machine: Machine<D>;
  /** For an opening transition: where the item belongs and its first data; may throw a refusal. */
  place(c: PlaceContext<never>): Promise<Placed<D>>;
  /** Facts a guard needs, looked up in the transaction before it runs. */
  facts?(c: TrxContext & { item: ItemRow<D>; transition: TransitionDef<D, Record<string, unknown>>; input: Record<string, unknown> }): Promise<Record<string, unknown>>;
  effects?: Partial<Record<string, Effect<D>>>;
  redact?(data: D, viewer: Viewer): D;
}
