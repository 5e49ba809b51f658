import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import {
  ACCOUNT_MAX_PAGE_SIZE,
  ACCOUNT_SORTS,
  ACCOUNT_STATUSES,
  AccessErrors,
  changeOwnPassword,
  changeRights,
  decideAccount,
  getAccount,
  listAccounts,
  resetPassword,
  revokeSessions,
  ROLE_NAMES,
  ROLES,
  setDisabled,
  type Account,
  type AccountAction,
  type AccountChange,
  type AccountChangeOptions,
  type AccountQuery,
  type RightsPatch,
} from '../../access/index.js';
import { recordPermissionChange } from '../../ledger/index.js';
import { AppError, CommonErrors, type ErrorDefinition } from '../../shared/errors.js';
import { findDivision } from '../../shared/standards/gb2260.js';
import { noStore } from '../auth.js';
import { allPages, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';

const tags = ['accounts'];
const Enum = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
/** Null first, so a sent `null` is taken as null and never coerced into the other type. */
const OrNull = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const IdParams = Type.Object({ id: Id });
const Division = Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 division code' });
const Password = Type.String({ minLength: 1, maxLength: 1000 });

const AccountSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: Enum(ROLES),
    roleName: Type.Object({ zh: Type.String(), en: Type.String() }),
    jurisdiction: OrNull(Type.String()),
    jurisdictionName: OrNull(Type.String()),
    organId: OrNull(Type.Integer()),
    keyUnitId: OrNull(Type.Integer()),
    providerId: OrNull(Type.Integer()),
    disabled: Type.Boolean(),
    activeSessions: Type.Integer({ description: 'Sessions not yet expired' }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { description: 'An account; never its password or sessions' },
);

const filterProperties = {
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the login name or display name' })),
  role: Type.Optional(Enum(ROLES)),
  jurisdiction: Type.Optional({ ...Division, description: 'Accounts whose jurisdiction lies within this GB/T 2260 division' }),
  status: Type.Optional(Enum(ACCOUNT_STATUSES)),
};

const ListQuery = Type.Object(
  {
    ...filterProperties,
    sort: Type.Optional(Enum(ACCOUNT_SORTS)),
    order: Type.Optional(Enum(['asc', 'desc'] as const)),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: ACCOUNT_MAX_PAGE_SIZE, default: 20 })),
  },
  { additionalProperties: false },
);

const accountOut = (a: Account) => ({
  ...a,
  roleName: ROLE_NAMES[a.role],
  jurisdictionName: a.jurisdiction ? (findDivision(a.jurisdiction)?.name ?? null) : null,
});
type AccountOut = ReturnType<typeof accountOut>;

const COLUMNS: ExportColumn<AccountOut>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (a) => a.id },
  { header: { zh: '用户名', en: 'Username' }, value: (a) => a.username },
  { header: { zh: '显示名称', en: 'Display name' }, value: (a) => a.displayName },
  { header: { zh: '角色', en: 'Role' }, value: (a) => `${a.roleName.zh} ${a.roleName.en}` },
  { header: { zh: '辖区代码', en: 'Jurisdiction code' }, value: (a) => a.jurisdiction },
  { header: { zh: '辖区', en: 'Jurisdiction' }, value: (a) => a.jurisdictionName },
  { header: { zh: '公安机关编号', en: 'Police organ ID' }, value: (a) => a.organId },
  { header: { zh: '重点单位编号', en: 'Key unit ID' }, value: (a) => a.keyUnitId },
  { header: { zh: '服务单位编号', en: 'Provider ID' }, value: (a) => a.providerId },
  { header: { zh: '状态', en: 'Status' }, value: (a) => (a.disabled ? '已停用 disabled' : '正常 active') },
  { header: { zh: '有效会话', en: 'Active sessions' }, value: (a) => a.activeSessions },
  { header: { zh: '创建时间', en: 'Created' }, value: (a) => a.createdAt },
  { header: { zh: '修改时间', en: 'Updated' }, value: (a) => a.updatedAt },
];

const REFUSALS: Record<Exclude<ReturnType<typeof decideAccount>, 'allowed'>, ErrorDefinition> = {
  forbidden: CommonErrors.JF_FORBIDDEN,
  'own-demotion': AccessErrors.JF_ACCESS_OWN_DEMOTION,
  'own-disable': AccessErrors.JF_ACCESS_OWN_DISABLE,
  'own-reset': AccessErrors.JF_ACCESS_OWN_RESET,
};

/** Asks the policy before anything is read: a caller who may not act on accounts learns nothing, not even whether one exists. */
function guard(req: FastifyRequest, action: AccountAction, userId: number | null, next?: { role?: string }): void {
  const d = decideAccount(req.actor, action, userId == null ? null : { userId }, next);
  if (d !== 'allowed') throw new AppError(REFUSALS[d]);
}

/**
 * Account administration (art 36: officials answer for what they do under
 * their accounts, so every change of who may do what is on the ledger, in the
 * transaction that makes it).
 */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { jdb, clock, config } = app.deps;

  /** The change's ledger leaf, queued in its transaction; the account and the one acting appear as pseudonyms, the rights as a digest. */
  const recorded = (req: FastifyRequest, extra: Partial<AccountChangeOptions> = {}): AccountChangeOptions => ({
    ...extra,
    within: (trx, c: AccountChange) => recordPermissionChange(trx, { change: c.change, userId: c.userId, rights: c.rights, actorUserId: req.actor!.userId, at: clock.now() }),
  });
  /** The asking session is kept when the account changed is the caller's own. */
  const ownSession = (req: FastifyRequest, id: number) => (req.actor?.userId === id ? req.sessionToken : null);

  app.get(
    '/api/v1/accounts',
    { schema: { tags, summary: 'List accounts: search, filters by role, jurisdiction and status, sorting, paging', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(AccountSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) } } },
    async (req, reply) => {
      noStore(reply);
      guard(req, 'read', null);
      const p = await listAccounts(jdb.db, clock, req.query as AccountQuery);
      return { ...p, items: p.items.map(accountOut) };
    },
  );

  app.get(
    '/api/v1/accounts/export',
    {
      schema: {
        tags,
        summary: 'Export the accounts the list shows for the same search and filters as CSV (UTF-8 with BOM) or XLSX; never a password or session',
        querystring: Type.Object({ ...filterProperties, format: ExportFormatQuery }, { additionalProperties: false }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      guard(req, 'read', null);
      const { format, ...filters } = req.query;
      const rows = await allPages((offset) => listAccounts(jdb.db, clock, { ...(filters as AccountQuery), pageSize: ACCOUNT_MAX_PAGE_SIZE, page: offset / ACCOUNT_MAX_PAGE_SIZE + 1 }));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'accounts', now: clock.now(), columns: COLUMNS, rows: rows.map(accountOut) });
    },
  );

  app.get(
    '/api/v1/accounts/:id',
    { schema: { tags, summary: 'One account', params: IdParams, response: { 200: AccountSchema } } },
    async (req, reply) => {
      noStore(reply);
      guard(req, 'read', req.params.id);
      return accountOut(await getAccount(jdb.db, clock, req.params.id));
    },
  );

  app.patch(
    '/api/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: "Change an account's role, jurisdiction or links; its sessions end, and the change is on the ledger",
        description:
          'Fields left out keep their value, except that a new role drops the links it does not use (a jurisdiction for a non-police role, a key unit or provider for another role). Validated as a new account is. An administrator cannot give their own account another role.',
        params: IdParams,
        body: Type.Object(
          {
            role: Type.Optional(Enum(ROLES)),
            jurisdiction: Type.Optional(OrNull(Division)),
            organId: Type.Optional(OrNull(Id)),
            keyUnitId: Type.Optional(OrNull(Id)),
            providerId: Type.Optional(OrNull(Id)),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AccountSchema },
      },
    },
    async (req) => {
      const patch = req.body as RightsPatch;
      guard(req, 'change-rights', req.params.id, { role: patch.role });
      return accountOut(await changeRights(jdb.db, clock, req.params.id, patch, recorded(req, { keepSessionToken: ownSession(req, req.params.id) })));
    },
  );

  app.post(
    '/api/v1/accounts/:id/password',
    {
      schema: {
        tags,
        summary: "Reset an account's password; its sessions end, and the reset is on the ledger",
        params: IdParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 200: AccountSchema },
      },
    },
    async (req) => {
      guard(req, 'reset-password', req.params.id);
      return accountOut(await resetPassword(jdb.db, clock, req.params.id, req.body.password, recorded(req)));
    },
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/v1/accounts/:id/${path}`,
      {
        schema: {
          tags,
          summary: disabled ? 'Disable an account: it cannot log in, and its sessions end' : 'Enable a disabled account again',
          params: IdParams,
          response: { 200: AccountSchema },
        },
      },
      async (req) => {
        guard(req, disabled ? 'disable' : 'enable', req.params.id);
        return accountOut(await setDisabled(jdb.db, clock, req.params.id, disabled, recorded(req)));
      },
    );
  }

  app.post(
    '/api/v1/accounts/:id/revoke-sessions',
    { schema: { tags, summary: 'End every session of an account (but the asking one, when it is your own)', params: IdParams, response: { 200: AccountSchema } } },
    async (req) => {
      guard(req, 'revoke-sessions', req.params.id);
      return accountOut(await revokeSessions(jdb.db, clock, req.params.id, recorded(req, { keepSessionToken: ownSession(req, req.params.id) })));
    },
  );

  app.post(
    '/api/v1/session/password',
    {
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Change your own password, giving the current one; your other sessions end',
        body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const me = req.actor!.userId;
      guard(req, 'change-own-password', me);
      await changeOwnPassword(jdb.db, clock, me, req.body.currentPassword, req.body.newPassword, recorded(req, { keepSessionToken: req.sessionToken }));
      return reply.status(204).send(null);
    },
  );
};
