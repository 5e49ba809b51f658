import type { Actor } from '../access/index.js';
import type { Config } from '../config.js';
import type { JifangDb } from '../db/database.js';
import type { Clock } from '../shared/clock.js';

/** What every route plugin gets: the database, the clock, the configuration. */
export interface AppDeps {
  jdb: JifangDb;
  clock: Clock;
  config: Config;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without logging in. Everything else is denied to anonymous callers. */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionToken: string | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}
