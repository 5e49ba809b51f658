export { FINES, type FineParameterName } from './fines.js';
export { INSTRUMENT_PRECEDENCE, instrumentInForce, instrumentRank, isNationalInstrument } from './instruments.js';
export { amendParameter, liaoning, parameterAt, type DatedValue, type LegalSource, type Parameter } from './parameter.js';
export { IN_FORCE_CITATION, REGULATION_ID, REGULATION_IN_FORCE_FROM } from './regulation.js';
export {
  minimumRetention,
  RETENTION_FLOORS,
  RETENTION_SCOPES,
  type MinimumRetention,
  type RetentionCategory,
  type RetentionFloor,
  type RetentionScope,
} from './retention.js';
