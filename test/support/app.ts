import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { createUser, type NewUser } from '../../src/access/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { DialectName } from '../../src/db/database.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  tdb: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** Creates a user (password `correct-horse-battery`) and logs in; returns headers for `inject`. */
  as(user: Omit<NewUser, 'password'> & { password?: string }): Promise<AuthHeaders>;
  close(): Promise<void>;
}

export interface AuthHeaders {
  cookie: string;
  'x-csrf-token': string;
}

export const TEST_PASSWORD = 'correct-horse-battery';

/** The whole HTTP application over a fresh database of `dialect`, driven with `inject()`. */
export async function createTestApp(dialect: DialectName, overrides: Partial<Config> = {}): Promise<TestApp> {
  const tdb = await createTestDatabase(dialect);
  const clock = fixedClock('2026-06-01T08:00:00.000Z');
  const config = loadConfig({}, { dataDir: tdb.dataDir, loginRateLimitPerMinute: 1000, ...overrides });
  const app = await buildApp({ jdb: tdb, clock, config }, { serveWeb: false });
  await app.ready();
  return {
    app,
    tdb,
    clock,
    config,
    async as(u) {
      const password = u.password ?? TEST_PASSWORD;
      await createUser(tdb.db, clock, { ...u, password });
      const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: u.username, password } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'jifang_session');
      return { cookie: `jifang_session=${cookie!.value}`, 'x-csrf-token': res.json().csrfToken };
    },
    async close() {
      await app.close();
      await tdb.cleanup();
    },
  };
}
