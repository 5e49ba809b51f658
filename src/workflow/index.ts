/**
 * Supervision workflows: the public face of the context. Every procedure of
 * the regulation is a state machine (machines/), run by one engine
 * (engine.ts) and watched by one scheduler (scheduler.ts).
 */
import './provider-filing.js';
import './inspection.js';
import './case.js';
import './complaint-warning.js';
import './other-workflows.js';

export { allWorkflows, getItem, mayAct, mayRead, openItem, recordRefusal, transitionItem, workflowOf, type TransitionRequest } from './engine.js';
export { inbox, itemDocuments, itemHistory, listItems, getDocument, providerChoices, publicAreaChoices, publicProviders, publicWarnings, toView, type ItemView, type ListFilters, type PublicProviderFilters } from './queries.js';
export { DOCUMENT_KINDS, organName, verifyDocument, type DocumentKind, type VerifiedDocument } from './documents.js';
export { DEFAULT_BATCH, startScheduler, tick, type RunningScheduler, type SchedulerOptions, type TickResult } from './scheduler.js';
export { bindWorkflowPorts, portsFor, type WorkflowPorts } from './ports/index.js';
export type { KeyUnitFacts, ProviderFacts, PublicAreaChoice, PublicAreaFacts, RegistryPort, SystemFacts, LedgerPort, WorkflowLedgerEvent } from './ports/index.js';
export { WorkflowErrors } from './errors.js';
export { SERVICE_TARGETS } from './domain/service-targets.js';
export { PARTIES, type Machine, type Party } from './domain/machine.js';
export type { WorkflowDeps } from './workflow.js';
export { violationCatalogue, violationOf, CASE_PATHS, type CasePath, type ViolationInfo } from './domain/violations.js';
export { missedDeadlines, officialActs, refusals, type OfficialAct } from './oversight.js';
export { saveAttachment, loadAttachment, MAX_ATTACHMENT_BYTES } from './attachments.js';
export { renderWorkflowsMarkdown } from './docs.js';
export { seedWorkflowDemo, DEMO_CITIZEN_PHONE, type WorkflowDemoResult } from './seed-demo.js';
