import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAllowed, listScope, resolveSession, type Action, type ListScope, type ResourceKind, type ResourceRef } from '../access/index.js';
import { AppError, CommonErrors } from '../shared/errors.js';

export const SESSION_COOKIE = 'jifang_session';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Deny by default: every route needs a live session unless it is marked
 * `config: { public: true }`; every state-changing request made with a session
 * must carry that session's CSRF token.
 */
export function installAuth(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const s = await resolveSession(app.deps.jdb.db, app.deps.clock, token);
      if (s) {
        req.actor = s.actor;
        req.csrfToken = s.csrfToken;
        req.sessionToken = token;
      }
    }
    // The web app's files and the API docs are public; the data behind them is not.
    const isPublic = req.routeOptions.config?.public === true || !req.url.startsWith('/api/') || req.url.startsWith('/api/docs');
    if (!isPublic && !req.actor) throw new AppError(CommonErrors.JF_UNAUTHENTICATED);
    if (req.actor && !isPublic && UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== req.csrfToken) {
      throw new AppError(CommonErrors.JF_CSRF);
    }
  });
}

/** Throws 403 unless the policy allows `action` on `res` for the caller. */
export function requireAllowed(req: FastifyRequest, action: Action, res: ResourceRef): void {
  if (!isAllowed(req.actor, action, res)) throw new AppError(CommonErrors.JF_FORBIDDEN);
}

export function scopeOf(req: FastifyRequest, action: Action, kind: ResourceKind): ListScope {
  const s = listScope(req.actor, action, kind);
  if (s.kind === 'none') throw new AppError(CommonErrors.JF_FORBIDDEN);
  return s;
}

export function noStore(reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
}
