import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { appendEvent } from '../src/ledger/append-event.js';
import { digestOf } from '../src/ledger/domain/leaf.js';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zz-enq-'));
const jdb = openDatabase({ dataDir: dir });
await migrateToLatest(jdb);
const digest = digestOf('x');
const N = 6250;
for (let r = 0; r < 4; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 16 }, async (_, w) => {
    for (let i = 0; i < N; i++) {
      const at = new Date().toISOString();
      await jdb.db.transaction().execute((trx) => appendEvent(trx, { type: 'vault/view', actorRef: 'user:ab', subjectRef: `captured-segment:${w * N + i}`, rule: 'art24.p1.two-officers', digest, at }));
    }
  }));
  const c = process.cpuUsage(c0);
  console.log('actions/s', Math.round(16 * N / ((performance.now() - t0) / 1000)), 'per cpu s', Math.round(16 * N / ((c.user + c.system) / 1e6)));
}
await jdb.destroy();
fs.rmSync(dir, { recursive: true, force: true });
