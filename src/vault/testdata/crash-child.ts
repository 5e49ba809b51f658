/**
 * A process that takes in one file and is killed (SIGKILL, no cleanup) at a
 * given stage of the ingest: the crash test's subject. Arguments: dialect,
 * data dir, database URL or "-", stage, file.
 */
import fs from 'node:fs';
import { openDatabase } from '../../db/database.js';
import { systemClock } from '../../shared/clock.js';
import { ingest } from '../ingest.js';
import { hmacProtector } from '../pii.js';
import { memoryDirectory } from '../ports/system-directory.js';
import { system } from '../test-support.js';
import { createVault } from '../vault.js';

const [, , , dataDir, url, stage, file] = process.argv;
const jdb = openDatabase({ dataDir, databaseUrl: url === '-' ? undefined : url });
const v = createVault({ db: jdb.db, dialect: jdb.dialect, clock: systemClock, dataDir, directory: memoryDirectory([system(1)]), pii: hmacProtector(Buffer.alloc(32)) });
const end = new Date(Date.now() - 60_000).toISOString();
const start = new Date(Date.now() - 360_000).toISOString();
await ingest(
  { ...v, onIngestStage: (s) => (s === stage ? void process.kill(process.pid, 'SIGKILL') : undefined) },
  null,
  { systemId: 1, startedAt: start, endedAt: end, mediaType: 'video/mp4', source: 'folder' },
  fs.createReadStream(file),
);
process.stdout.write('finished without crashing\n');
await jdb.destroy();
