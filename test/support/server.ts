import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { createUser, type Actor, type NewUser } from '../../src/access/index.js';
import { loadConfig } from '../../src/config.js';
import { RegistryRepository, syncReferenceData } from '../../src/registry/index.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/registry/seed/demo.js';
import { seedCapturedDemo } from '../../src/vault/index.js';
import { seedWorkflowDemo } from '../../src/workflow/index.js';
import type { DialectName } from '../../src/db/database.js';
import { systemClock } from '../../src/shared/clock.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'web/dist');

/**
 * Builds the web app when web/dist is older than its sources, once per test
 * run: test files run in parallel workers of one vitest process, so the first
 * builds behind a lock directory and the rest reuse it (a rebuild mid-run would
 * empty web/dist under the servers of the other files).
 */
export function ensureWebBuilt(): void {
  const tag = Buffer.from(ROOT).toString('hex').slice(-24);
  const lock = path.join(os.tmpdir(), `jifang-web-build-${tag}.lock`);
  // Workers are forked by the one vitest process of the run: its pid names the run.
  const done = path.join(os.tmpdir(), `jifang-web-built-${tag}-${process.ppid}`);
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a killed run is older than any build takes.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 3 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for the web build lock ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (!fs.existsSync(done)) {
      // Vitest sets NODE_ENV=test, which would give React's and Ant Design's development builds (test ids included): build what users get.
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      for (const f of fs.readdirSync(os.tmpdir())) if (f.startsWith(`jifang-web-built-${tag}-`)) fs.rmSync(path.join(os.tmpdir(), f), { force: true });
      fs.writeFileSync(done, new Date().toISOString());
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web/dist/index.html is missing after the build');
}

export const TEST_PASSWORD = 'correct-horse-battery';

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  app: FastifyInstance;
  tdb: TestDatabase;
  /** Creates an account with the test password. */
  createUser(u: Omit<NewUser, 'password'> & { password?: string }): Promise<Actor>;
  close(): Promise<void>;
}

export { DEMO_PASSWORD };

export interface ServerOptions {
  dialect?: DialectName;
  /**
   * `reference`: the GB/T 2260 divisions and the police organs; `demo`: those
   * and the demo Liaoning with one account per role (`demo-shenyang`,
   * `demo-school`, … password DEMO_PASSWORD) and its work in progress
   * (filings, an inspection and its cases, a complaint, a design review,
   * viewing, evidence and access requests), as `jifang serve` seeds an empty
   * database; the sweep and the operating status are left to the suites that
   * need them.
   */
  seed?: 'reference' | 'demo';
  /** Runs on the fresh database before the server starts: seeding demo data, say. */
  prepare?: (tdb: TestDatabase) => Promise<void>;
}

/**
 * The real application, as `jifang serve` runs it: a fresh migrated database,
 * the built web app, listening on 127.0.0.1 on a free port.
 */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  ensureWebBuilt();
  const tdb = await createTestDatabase(opts.dialect ?? 'sqlite');
  try {
    if (opts.seed === 'demo') {
      await seedDemo(tdb, systemClock);
      await seedWorkflowDemo(tdb, systemClock);
      await seedCapturedDemo(tdb, systemClock, tdb.dataDir);
    }
    else if (opts.seed === 'reference') await syncReferenceData(RegistryRepository.of(tdb), systemClock);
    await opts.prepare?.(tdb);
    const config = loadConfig({}, { dataDir: tdb.dataDir, host: '127.0.0.1', port: 0, loginRateLimitPerMinute: 1000, secureCookies: false });
    const app = await buildApp({ jdb: tdb, clock: systemClock, config }, { serveWeb: true });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address();
    if (!addr || typeof addr === 'string') throw new Error('server did not report a TCP address');
    return {
      url: `http://127.0.0.1:${addr.port}`,
      app,
      tdb,
      createUser: (u) => createUser(tdb.db, systemClock, { ...u, password: u.password ?? TEST_PASSWORD }),
      async close() {
        await app.close();
        await tdb.cleanup();
      },
    };
  } catch (e) {
    await tdb.cleanup();
    throw e;
  }
}
