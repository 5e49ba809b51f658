import type { Generated, Kysely, Transaction } from 'kysely';

export interface WorkflowItemsTable {
  id: Generated<number>;
  machine: string;
  state: string;
  version: number;
  awaiting: string | null;
  divisionCode: string;
  competentOrgan: string | null;
  keyUnitId: number | null;
  providerId: number | null;
  ownerUserId: number | null;
  parentId: number | null;
  title: string;
  /** JSON text. */
  data: string;
  dueAt: string | null;
  dueParty: string | null;
  restricted: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface WorkflowTransitionsTable {
  id: Generated<number>;
  itemId: number;
  version: number;
  transition: string;
  fromState: string | null;
  toState: string;
  ruleId: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string;
  actorJurisdiction: string | null;
  at: string;
  input: string;
}

export interface WorkflowJobsTable {
  id: Generated<number>;
  itemId: number;
  state: string;
  party: string;
  onExpiry: string | null;
  dueAt: string;
  status: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface WorkflowMissedDeadlinesTable {
  id: Generated<number>;
  itemId: number;
  machine: string;
  state: string;
  party: string;
  divisionCode: string;
  competentOrgan: string | null;
  dueAt: string;
  detectedAt: string;
  resolvedAt: string | null;
  resolvedBy: number | null;
}

export interface WorkflowDocumentsTable {
  id: Generated<number>;
  itemId: number;
  kind: string;
  number: string;
  verificationCode: string;
  organDivision: string;
  issuedAt: string;
  issuedBy: number | null;
  publicSubject: string | null;
  content: string;
}

export interface WorkflowDocumentCountersTable {
  kind: string;
  organDivision: string;
  year: number;
  last: number;
}

export interface WorkflowAttachmentsTable {
  id: Generated<number>;
  itemId: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploadedBy: number;
  uploadedAt: string;
}

export interface WorkflowRefusalsTable {
  id: Generated<number>;
  at: string;
  userId: number | null;
  username: string | null;
  role: string | null;
  jurisdiction: string | null;
  itemId: number | null;
  machine: string | null;
  transition: string | null;
  code: string;
  ruleId: string | null;
  citation: string | null;
  detail: string;
}

export interface WorkflowPublicProvidersTable {
  filingId: number;
  providerId: number;
  name: string;
  kind: string;
  creditCode: string | null;
  services: string;
  businessDivision: string;
  filingOrgan: string;
  filedAt: string;
  receiptNumber: string;
  search: string;
  active: number;
  warnings: Generated<number>;
}

export interface WorkflowTables {
  workflowItems: WorkflowItemsTable;
  workflowTransitions: WorkflowTransitionsTable;
  workflowJobs: WorkflowJobsTable;
  workflowMissedDeadlines: WorkflowMissedDeadlinesTable;
  workflowDocuments: WorkflowDocumentsTable;
  workflowDocumentCounters: WorkflowDocumentCountersTable;
  workflowAttachments: WorkflowAttachmentsTable;
  workflowRefusals: WorkflowRefusalsTable;
  workflowPublicProviders: WorkflowPublicProvidersTable;
}

export type WfDb = Kysely<WorkflowTables>;
export type WfTrx = Transaction<WorkflowTables>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const workflowDb = (db: Kysely<any>) => db as unknown as WfDb;
