import type { Actor } from '../access/index.js';
import { AppError, validationError, type FieldIssue } from '../shared/errors.js';
import { bi } from '../shared/text.js';
import type { OperationsDeps } from './context.js';
import { isGbId } from './domain/kinds.js';
import { OperationsErrors } from './errors.js';
import { ha1Of } from './sip/digest-auth.js';
import { authorizedSystem, deviceSystem } from './systems.js';
import { iso, isoOrNull, opsDb } from './tables.js';

export interface EndpointInput {
  gbId: string;
  deviceId?: number | null;
  /** The digest password the device is configured with; kept only as HA1. */
  password: string;
}

export interface EndpointView {
  id: number;
  gbId: string;
  systemId: number;
  deviceId: number | null;
  realm: string;
  setAt: string;
  registeredUntil: string | null;
}

const PASSWORD_MIN = 8;

/**
 * Registers (or changes the password of) a GB/T 28181 identity for a system:
 * the key unit for its own systems (art 11(2)), or the administrator. The
 * password is kept as HA1 = MD5(id:realm:password) only (RFC 2617), so it is
 * never stored or logged in clear.
 */
export async function setEndpoint(deps: OperationsDeps, actor: Actor, systemId: number, input: EndpointInput): Promise<EndpointView> {
  await authorizedSystem(deps, actor, systemId, 'operation-endpoint', 'update');
  const issues: FieldIssue[] = [];
  if (typeof input.gbId !== 'string' || !isGbId(input.gbId)) issues.push({ field: 'gbId', rule: 'gb28181-id', message: bi('国标编码应为20位数字（GB/T 28181）', 'The GB/T 28181 id must be 20 digits') });
  if (typeof input.password !== 'string' || input.password.length < PASSWORD_MIN || input.password.length > 64) {
    issues.push({ field: 'password', rule: 'length', message: bi(`密码应为${PASSWORD_MIN}至64个字符`, `The password must be ${PASSWORD_MIN} to 64 characters`) });
  }
  if (input.deviceId != null && (await deviceSystem(deps.db, deps.dialect, input.deviceId)) !== systemId) {
    issues.push({ field: 'deviceId', rule: 'device-of-system', message: bi(`设备${input.deviceId}不属于技防系统${systemId}`, `Device ${input.deviceId} does not belong to security system ${systemId}`) });
  }
  if (issues.length) throw validationError(issues);
  const realm = deps.settings.realm;
  const now = deps.clock.now().toISOString();
  const ha1 = ha1Of(input.gbId, realm, input.password);
  const write = () =>
    opsDb(deps.db)
      .transaction()
      .execute(async (trx) => {
      const existing = await trx.selectFrom('gbEndpoints').selectAll().where('gbId', '=', input.gbId).executeTakeFirst();
      if (existing && Number(existing.systemId) !== systemId) throw new AppError(OperationsErrors.JF_OPS_GB_ID_TAKEN, { params: { gbId: input.gbId } });
      if (existing) {
        await trx.updateTable('gbEndpoints').set({ realm, ha1, deviceId: input.deviceId ?? null, setBy: actor.userId, setAt: now }).where('id', '=', existing.id).execute();
      } else {
        await trx.insertInto('gbEndpoints').values({ gbId: input.gbId, systemId, deviceId: input.deviceId ?? null, realm, ha1, setBy: actor.userId, setAt: now, registeredUntil: null, contact: null }).execute();
      }
      const row = await trx.selectFrom('gbEndpoints').selectAll().where('gbId', '=', input.gbId).executeTakeFirstOrThrow();
      return toView(row);
    });
  try {
    return await write();
  } catch (e) {
    // Set twice at once on PostgreSQL: the id now exists, and the second try answers as it would have (updated, or taken).
    if (isUniqueViolation(e)) return write();
    throw e;
  }
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export async function listEndpoints(deps: OperationsDeps, actor: Actor, systemId: number): Promise<EndpointView[]> {
  await authorizedSystem(deps, actor, systemId, 'operation-endpoint', 'read');
  const rows = await opsDb(deps.db).selectFrom('gbEndpoints').selectAll().where('systemId', '=', systemId).orderBy('gbId').limit(500).execute();
  return rows.map(toView);
}

function toView(r: { id: number; gbId: string; systemId: number; deviceId: number | null; realm: string; setAt: string; registeredUntil: string | null }): EndpointView {
  return { id: Number(r.id), gbId: r.gbId, systemId: Number(r.systemId), deviceId: r.deviceId == null ? null : Number(r.deviceId), realm: r.realm, setAt: iso(r.setAt), registeredUntil: isoOrNull(r.registeredUntil) };
}

/** The SIP listener's view of an identity: the credential to check and the system it reports for. */
export async function endpointByGbId(deps: Pick<OperationsDeps, 'db'>, gbId: string) {
  return opsDb(deps.db).selectFrom('gbEndpoints').selectAll().where('gbId', '=', gbId).executeTakeFirst();
}

export async function markRegistered(deps: Pick<OperationsDeps, 'db'>, id: number, until: string | null, contact: string | null): Promise<void> {
  await opsDb(deps.db).updateTable('gbEndpoints').set({ registeredUntil: until, contact }).where('id', '=', id).execute();
}
