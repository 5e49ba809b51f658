import type { Kysely } from 'kysely';
import { AppError, validationError, type FieldIssue } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import { bi } from '../shared/text.js';
import { isLiaoningDivision } from '../shared/standards/gb2260.js';
import { AccessErrors } from './errors.js';
import { hashPassword } from './passwords.js';
import type { Actor } from './policy.js';
import { isRole, JURISDICTION_LEVEL, ROLES, type Role } from './roles.js';
import { accessDb } from './tables.js';

export interface NewUser {
  username: string;
  password: string;
  role: string;
  displayName?: string;
  jurisdiction?: string | null;
  organId?: number | null;
  keyUnitId?: number | null;
  providerId?: number | null;
}

export const PASSWORD_MIN_LENGTH = 10;
/** Longer passwords are refused, so argon2 is never handed megabytes (the login body allows as much). */
export const PASSWORD_MAX_LENGTH = 1000;

/** The length rule every new password meets, whoever sets it. */
export function validatePassword(field: string, password: string | undefined): FieldIssue[] {
  const p = password ?? '';
  if (p.length < PASSWORD_MIN_LENGTH) return [{ field, rule: 'min-length', message: bi(`密码至少${PASSWORD_MIN_LENGTH}位`, `Password must have at least ${PASSWORD_MIN_LENGTH} characters`) }];
  if (p.length > PASSWORD_MAX_LENGTH) return [{ field, rule: 'max-length', message: bi(`密码至多${PASSWORD_MAX_LENGTH}位`, `Password must have at most ${PASSWORD_MAX_LENGTH} characters`) }];
  return [];
}

export function validateNewUser(u: NewUser): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(u.username ?? '')) {
    issues.push({ field: 'username', rule: 'pattern', message: bi('用户名须为3至64位字母、数字、下划线、点或连字符', 'Username must be 3-64 letters, digits, "_", "." or "-"') });
  }
  issues.push(...validatePassword('password', u.password));
  issues.push(...validateRights(u));
  return issues;
}

/** The rights an account holds, as administration sets them. */
export interface AccountRightsInput {
  role: string;
  jurisdiction?: string | null;
  organId?: number | null;
  keyUnitId?: number | null;
  providerId?: number | null;
}

/** The rights part of an account: a known role, a Liaoning jurisdiction of the role's level for police roles, the unit or provider a party's account acts for. */
export function validateRights(u: AccountRightsInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isRole(u.role)) {
    issues.push({ field: 'role', rule: 'enum', message: bi(`角色须为以下之一：${ROLES.join('、')}`, `Role must be one of: ${ROLES.join(', ')}`) });
    return issues;
  }
  const level = JURISDICTION_LEVEL[u.role];
  if (level) {
    if (!u.jurisdiction) {
      issues.push({ field: 'jurisdiction', rule: 'required', message: bi('公安机关账号须指定辖区（GB/T 2260 行政区划代码）', 'A police account needs a jurisdiction (GB/T 2260 division code)') });
    } else if (!isLiaoningDivision(u.jurisdiction, level)) {
      issues.push({ field: 'jurisdiction', rule: 'gb2260-division', message: bi(`辖区须为辽宁省的${level === 'province' ? '省' : level === 'city' ? '市' : '县级'}行政区划代码`, `Jurisdiction must be a Liaoning ${level}-level GB/T 2260 code`) });
    }
  }
  if (u.role === 'key_unit' && u.keyUnitId == null) {
    issues.push({ field: 'keyUnitId', rule: 'required', message: bi('重点单位账号须关联一个重点单位', 'A key-unit account must be linked to a key unit') });
  }
  if (u.role === 'provider' && u.providerId == null) {
    issues.push({ field: 'providerId', rule: 'required', message: bi('服务单位账号须关联一个服务单位', 'A provider account must be linked to a service provider') });
  }
  return issues;
}

export interface CreateUserOptions {
  /**
   * Runs in the transaction that inserts the account, after the insert: the
   * caller queues the account's ledger leaf here (art 36), so the account and
   * its record commit or fail together.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  within?: (trx: Kysely<any>, created: Actor) => Promise<void>;
}

/**
 * Adds an account. The password is hashed first, outside the transaction
 * (argon2 must not hold a write lock); inside `dbAny` if it is already a
 * transaction, else in one of its own.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createUser(dbAny: Kysely<any>, clock: Clock, u: NewUser, opts: CreateUserOptions = {}): Promise<Actor> {
  const issues = validateNewUser(u);
  if (issues.length) throw validationError(issues);
  const passwordHash = await hashPassword(u.password);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const run = async (trxAny: Kysely<any>): Promise<Actor> => {
    const db = accessDb(trxAny);
    const existing = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    if (existing) throw new AppError(AccessErrors.JF_ACCESS_USERNAME_TAKEN, { params: { username: u.username } });
    const now = clock.now().toISOString();
    const row = await db
      .insertInto('users')
      .values({
        username: u.username,
        passwordHash,
        role: u.role,
        displayName: u.displayName ?? u.username,
        jurisdiction: u.jurisdiction ?? null,
        organId: u.organId ?? null,
        keyUnitId: u.keyUnitId ?? null,
        providerId: u.providerId ?? null,
        disabled: 0,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created: Actor = {
      userId: Number(row.id),
      username: u.username,
      role: u.role as Role,
      jurisdiction: u.jurisdiction ?? null,
      organId: u.organId ?? null,
      keyUnitId: u.keyUnitId ?? null,
      providerId: u.providerId ?? null,
    };
    await opts.within?.(trxAny, created);
    return created;
  };
  if (dbAny.isTransaction || !opts.within) return run(dbAny);
  return dbAny.transaction().execute(run);
}
