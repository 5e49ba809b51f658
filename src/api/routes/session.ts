import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AccessErrors, checkCredentials, logout, openSession, ROLE_NAMES, type Actor } from '../../access/index.js';
import { recordLogin, recordLogout, recordRefusedLogin } from '../../ledger/index.js';
import { AppError } from '../../shared/errors.js';
import { findDivision } from '../../shared/standards/gb2260.js';
import { SESSION_COOKIE } from '../auth.js';

const SessionInfo = Type.Object({
  authenticated: Type.Boolean(),
  user: Type.Optional(
    Type.Object({
      id: Type.Integer(),
      username: Type.String(),
      role: Type.String(),
      roleName: Type.Object({ zh: Type.String(), en: Type.String() }),
      jurisdiction: Type.Union([Type.String(), Type.Null()]),
      jurisdictionName: Type.Union([Type.String(), Type.Null()]),
      keyUnitId: Type.Union([Type.Integer(), Type.Null()]),
      providerId: Type.Union([Type.Integer(), Type.Null()]),
      organId: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  csrfToken: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Type.String()),
});

/** Refusals of a login attempt, each logged as a refused login (art 36). */
const REFUSED_LOGIN = new Set([AccessErrors.JF_ACCESS_BAD_CREDENTIALS.code, AccessErrors.JF_ACCESS_ACCOUNT_DISABLED.code]);

/** Logging in and out, as any client would: a session cookie, HttpOnly and SameSite. */
export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, clock, jdb } = app.deps;

  const userInfo = (a: Actor) => ({
    id: a.userId,
    username: a.username,
    role: a.role,
    roleName: ROLE_NAMES[a.role],
    jurisdiction: a.jurisdiction,
    jurisdictionName: a.jurisdiction ? findDivision(a.jurisdiction)?.name ?? null : null,
    keyUnitId: a.keyUnitId,
    providerId: a.providerId,
    organId: a.organId,
  });

  app.post(
    '/api/v1/session',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Log in; sets the session cookie',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
        response: { 200: SessionInfo },
      },
    },
    async (req, reply) => {
      // The password is checked outside any transaction (argon2 must not hold a write lock);
      // the session and its ledger leaf then commit together in one short transaction.
      // A refused attempt is logged on its own (art 36).
      const refused = async (e: unknown) => {
        if (e instanceof AppError && REFUSED_LOGIN.has(e.code)) await recordRefusedLogin(jdb.db, { username: req.body.username, at: clock.now() });
        throw e;
      };
      const checked = await checkCredentials(jdb.db, req.body.username, req.body.password).catch(refused);
      const s = await jdb.db
        .transaction()
        .execute(async (trx) => {
          const opened = await openSession(trx, clock, config.sessionTtlSeconds, checked);
          await recordLogin(trx, { userId: opened.actor.userId, sessionToken: opened.token, at: clock.now() });
          return opened;
        })
        .catch(refused);
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: config.sessionTtlSeconds,
      });
      req.log.info({ userId: s.actor.userId }, 'login');
      return { authenticated: true, user: userInfo(s.actor), csrfToken: s.csrfToken, expiresAt: s.expiresAt };
    },
  );

  app.get(
    '/api/v1/session',
    { config: { public: true }, schema: { tags: ['session'], summary: 'Who is logged in, with which role and jurisdiction', response: { 200: SessionInfo } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (!req.actor) return { authenticated: false };
      return { authenticated: true, user: userInfo(req.actor), csrfToken: req.csrfToken ?? undefined };
    },
  );

  app.delete(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: 'Log out; ends the session', response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = req.sessionToken;
      if (token) {
        await jdb.db.transaction().execute(async (trx) => {
          await logout(trx, token);
          await recordLogout(trx, { userId: req.actor?.userId ?? null, sessionToken: token, at: clock.now() });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
