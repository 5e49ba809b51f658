/**
 * Compliance: what the regulation's rules say about the registry. One
 * entity assessed on request, the province swept and its findings stored,
 * summarised per city and county within the caller's scope.
 */
export { ENTITY_KINDS, ENTITY_LABELS, isEntityKind, type EntityKind, type EntityPlace } from './domain/entities.js';
export { factsFor, factsOf, ownFindings, unknownFacts, type EntityRows, type UnknownFact } from './domain/facts.js';
export { Evaluator, situationHash, type Evaluation } from './domain/evaluate.js';
export { complianceContext, type ComplianceContext } from './context.js';
export { assessEntity, assertEntityKind } from './assess-entity.js';
export { sweep, IN_FLIGHT_MARGIN_MS, type SweepOptions, type SweepStats, type KindStats } from './sweep.js';
export { listFindings } from './list-findings.js';
export { summarize } from './summarize.js';
export { ComplianceRepository } from './repository.js';
export { RegistryRows } from './registry-rows.js';
export { ComplianceErrors } from './errors.js';
export * from './schemas.js';
