import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ALERT_KINDS, GB_ID_PATTERN, RECORD_KINDS, STATUSES, UPLOAD_FORMATS_LIST } from './domain/kinds.js';

/** The operations API's bodies: the schema is the type. */

const Enum = <T extends readonly string[]>(values: T, description?: string) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Division = Type.String({ pattern: '^21[0-9]{4}$', description: 'GB/T 2260 code: a city or county of Liaoning (or 210000)' });
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export const StatusQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Array(Enum(STATUSES), { description: 'One or more of online, offline, interrupted, never (never reported); repeat the parameter for several' })),
    divisionCode: Type.Optional(Division),
    keyUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the system name' })),
    sort: Type.Optional(Enum(['name', 'status', 'lastReportAt', 'since'] as const)),
    order: Type.Optional(Enum(['asc', 'desc'] as const)),
    ...Paging,
  },
  { additionalProperties: false },
);

export const StatusRowSchema = Type.Object({
  systemId: Type.Integer(),
  systemName: Type.String(),
  keyUnitId: nullable(Type.Integer()),
  keyUnitName: nullable(Type.String()),
  divisionCode: Type.String(),
  divisionName: nullable(Type.String()),
  status: Enum(STATUSES),
  since: nullable(Type.String({ description: 'Since when the system has been in this status' })),
  lastReportAt: nullable(Type.String()),
  lastKind: nullable(Type.String()),
  openAlertId: nullable(Type.Integer()),
});

export const StatusPageSchema = Type.Object({ items: Type.Array(StatusRowSchema), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

export const RecordRowSchema = Type.Object({
  id: Type.Integer(),
  batchId: Type.Integer(),
  systemId: Type.Integer(),
  deviceId: nullable(Type.Integer()),
  kind: Type.String(),
  occurredAt: Type.String(),
  receivedAt: Type.String(),
  via: Type.String(),
  detail: nullable(Type.String()),
  digest: Type.String({ description: 'sha256 of the record; the batch leaf in the ledger covers it' }),
});

const Order = (description: string) => Type.Optional(Enum(['asc', 'desc'] as const, description));

export const RECORD_SORTS = ['occurredAt'] as const;
export const RecordsQuerySchema = Type.Object(
  {
    kind: Type.Optional(Enum(RECORD_KINDS)),
    sort: Type.Optional(Enum(RECORD_SORTS, '`occurredAt`: by when the record says it happened (the only order)')),
    order: Order('`desc` (newest first, the default) or `asc`'),
    ...Paging,
  },
  { additionalProperties: false },
);

export const SystemRecordsSchema = Type.Object({
  system: Type.Object({ id: Type.Integer(), name: Type.String(), divisionCode: Type.String(), keyUnitId: nullable(Type.Integer()) }),
  status: Type.Object({ status: Enum(STATUSES), since: nullable(Type.String()), lastReportAt: nullable(Type.String()) }),
  items: Type.Array(RecordRowSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const RecordInputSchema = Type.Object(
  {
    kind: Type.String({ description: `One of ${RECORD_KINDS.join(', ')}` }),
    occurredAt: Type.String({ description: 'ISO 8601 with a zone' }),
    deviceId: Type.Optional(nullable(Type.Integer())),
    detail: Type.Optional(nullable(Type.String())),
  },
  { additionalProperties: false },
);

export const IngestBodySchema = Type.Object(
  {
    systemId: Type.Integer({ minimum: 1 }),
    records: Type.Optional(Type.Array(RecordInputSchema, { description: 'The records, or…' })),
    content: Type.Optional(Type.String({ maxLength: 5_000_000, description: '…a recorder’s exported operation log as text: JSON lines or CSV (kind,occurredAt,deviceId,detail)' })),
    format: Type.Optional(Enum(UPLOAD_FORMATS_LIST, 'Format of content; detected when omitted')),
  },
  { additionalProperties: false },
);
export type IngestBody = Static<typeof IngestBodySchema>;

export const IngestResultSchema = Type.Object({
  batchId: Type.Integer(),
  records: Type.Integer(),
  digest: Type.String({ description: 'sha256 over the batch: the digest of its ledger leaf' }),
  status: Enum(STATUSES),
  alertsRaised: Type.Integer(),
  alertsCleared: Type.Integer(),
});

export const ALERT_SORTS = ['raisedAt', 'system', 'kind'] as const;
export const AlertQuerySchema = Type.Object(
  {
    open: Type.Optional(Type.Boolean({ description: 'true: still running; false: cleared' })),
    kind: Type.Optional(Enum(ALERT_KINDS)),
    divisionCode: Type.Optional(Division),
    systemId: Type.Optional(Type.Integer({ minimum: 1 })),
    sort: Type.Optional(Enum(ALERT_SORTS, '`raisedAt`: by when the alert was raised (the default); `system`: by the system’s name, `kind`: by kind, each newest first within')),
    order: Order('`desc` by default for `raisedAt` (newest first), `asc` for `system` and `kind`'),
    ...Paging,
  },
  { additionalProperties: false },
);

export const AlertRowSchema = Type.Object({
  id: Type.Integer(),
  systemId: Type.Integer(),
  systemName: Type.String(),
  keyUnitId: nullable(Type.Integer()),
  divisionCode: Type.String(),
  divisionName: nullable(Type.String()),
  kind: Enum(ALERT_KINDS),
  raisedAt: Type.String(),
  clearedAt: nullable(Type.String()),
  caseId: nullable(Type.Integer({ description: 'The art 21 case opened from it, in /api/v1/workflow/items' })),
});

export const AlertPageSchema = Type.Object({ items: Type.Array(AlertRowSchema), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

export const OpenCaseBodySchema = Type.Object({ facts: Type.Optional(Type.String({ maxLength: 4000, description: 'What was found; the alert’s own account by default' })) }, { additionalProperties: false });

export const EndpointBodySchema = Type.Object(
  {
    gbId: Type.String({ pattern: GB_ID_PATTERN, description: 'The device’s or platform’s 20-digit GB/T 28181 id' }),
    deviceId: Type.Optional(nullable(Type.Integer({ minimum: 1 }))),
    password: Type.String({ minLength: 8, maxLength: 64, description: 'The digest password configured on the device; kept only as HA1 (RFC 2617)' }),
  },
  { additionalProperties: false },
);

export const EndpointSchema = Type.Object({
  id: Type.Integer(),
  gbId: Type.String(),
  systemId: Type.Integer(),
  deviceId: nullable(Type.Integer()),
  realm: Type.String(),
  setAt: Type.String(),
  registeredUntil: nullable(Type.String({ description: 'Until when its last REGISTER holds; null when not registered' })),
});
