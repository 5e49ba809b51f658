import type { ApiCitation } from '../api/client';
import type { Bilingual } from '../i18n/i18n';

/** The answers of the workflow routes (src/api/routes/workflow.ts, public.ts). */

export interface RuleRef {
  id: string;
  citation: ApiCitation;
}

export interface ItemAction {
  name: string;
  label: Bilingual;
  by: string;
  rule: RuleRef;
}

export interface Item {
  id: number;
  machine: string;
  machineTitle: Bilingual;
  state: string;
  stateLabel: Bilingual;
  terminal: boolean;
  version: number;
  awaiting: string | null;
  title: string;
  divisionCode: string;
  divisionName: string | null;
  competentOrgan: string | null;
  keyUnitId: number | null;
  providerId: number | null;
  parentId: number | null;
  dueAt: string | null;
  dueParty: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  data: Record<string, unknown>;
  actions: ItemAction[];
  /** The caller's own acts the state does not allow yet, with the states they need and their rule. */
  notYet?: (ItemAction & { from: { name: string; label: Bilingual }[] })[];
}

export interface HistoryEntry {
  version: number;
  transition: string;
  fromState: string | null;
  toState: string;
  rule: string;
  actor: { userId: number; username: string | null; role: string; jurisdiction: string | null } | null;
  system: boolean;
  at: string;
}

export interface DocumentSummary {
  id: number;
  kind: string;
  title: Bilingual;
  number: string;
  issuedAt: string;
  organDivision: string;
}

export interface ItemDetail {
  item: Item;
  history: HistoryEntry[];
  documents: DocumentSummary[];
  children: Item[];
}

export interface Applied {
  item: Item;
  documents: { id: number; kind: string; number: string }[];
}

/** A JSON Schema as the machines endpoint publishes a transition's input. */
export interface JsonSchema {
  type?: string;
  enum?: (string | number)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
}

export interface MachineDef {
  name: string;
  resource: string;
  title: Bilingual;
  citation: { article: number; paragraph?: number; item?: number };
  states: { name: string; label: Bilingual; awaiting: string | null; terminal: boolean; hasDeadline: boolean }[];
  transitions: { name: string; label: Bilingual; from: string[]; to: string | null; by: string; rule: { id: string; citation: { article: number; paragraph?: number; item?: number } }; issues: string[]; input: JsonSchema | null }[];
}

export interface Violation {
  ruleId: string;
  title: Bilingual;
  citation: ApiCitation;
  path: string;
  penaltyArticle: number | null;
  penaltyItem: number | null;
  checklistItem: number;
  providerDuty: boolean;
}

export interface DocumentFull {
  id: number;
  itemId: number;
  kind: string;
  number: string;
  verificationCode: string;
  issuedAt: string;
  organDivision: string;
  organName: Bilingual;
  content: Record<string, unknown>;
}

export const MACHINES = ['provider-filing', 'inspection', 'case', 'complaint', 'warning', 'reward', 'adjustment', 'design-review'] as const;
export type MachineName = (typeof MACHINES)[number];

/** YYYY-MM-DD HH:mm in China time. */
export function chinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** YYYY-MM-DD in China time; a deadline at midnight China time shows as the day before it ends. */
export function chinaDate(iso: string | null | undefined, endOfDay = false): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3600_000 - (endOfDay ? 1 : 0)).toISOString().slice(0, 10);
}

/** Rows a page of the public lists shows; the server pages, so a province's thousands never load at once. */
export const PUBLIC_PAGE = 50;
