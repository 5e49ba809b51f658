import { Type } from '@sinclair/typebox';
import type { FastifyInstance, RouteOptions } from 'fastify';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

/** The body of every error answer; extra fields (e.g. a workflow's allowed transitions) pass through. */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Stable error code, e.g. JF_VALIDATION' }),
    message: Type.String({ description: 'The message in the language asked for (Accept-Language or ?lang=)' }),
    messages: Bilingual,
    citation: Type.Optional(
      Type.Object(
        { article: Type.Integer(), paragraph: Type.Optional(Type.Integer()), item: Type.Optional(Type.Integer()), label: Bilingual, href: Type.String() },
        { additionalProperties: true },
      ),
    ),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), rule: Type.String(), message: Bilingual, row: Type.Optional(Type.Integer()) }, { additionalProperties: true }),
      ),
    ),
  },
  { additionalProperties: true, $id: 'ErrorBody' },
);

function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/(v1\/)?/, '')
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by ${w.slice(1)}` : w))
    .join(' ')
    .split(' ');
  return [method.toLowerCase(), ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join('');
}

/**
 * Gives every documented route an operationId, the shared error body for 4xx
 * answers and, when it is public, an empty security requirement, so the
 * OpenAPI document describes failures and logins as they are.
 */
export function installOpenApiDefaults(app: FastifyInstance) {
  app.addSchema(ErrorBody);
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as (Record<string, unknown> & { hide?: boolean; response?: Record<string, unknown> }) | undefined;
    if (!schema || schema.hide) return;
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    if (method === 'HEAD') return;
    schema.operationId ??= operationId(method, route.url);
    // A route open without a login says so, so the document does not ask for a session it does not need.
    if ((route.config as { public?: boolean } | undefined)?.public) schema.security ??= [];
    const response = (schema.response ??= {});
    if (!Object.keys(response).some((k) => k.startsWith('4'))) response['4xx'] = { $ref: 'ErrorBody#' };
  });
}
