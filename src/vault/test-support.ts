import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor, Role } from '../access/index.js';
import type { JifangDb } from '../db/database.js';
import { fixedClock } from '../shared/clock.js';
import type { VaultDeps, VaultSettings } from './context.js';
import { hmacProtector } from './pii.js';
import { memoryDirectory, type SystemFacts } from './ports/system-directory.js';
import type { RetentionLaw } from './ports/retention-law.js';
import { createVault } from './vault.js';

/**
 * Fixtures for the vault's own tests (not a public face): a vault over a test
 * database with systems held in memory, actors, and footage made by ffmpeg.
 */
export const T0 = '2026-06-01T08:00:00.000Z';

export function system(id: number, over: Partial<SystemFacts> = {}): SystemFacts {
  return {
    id,
    name: `system ${id}`,
    keyUnitId: 1,
    publicAreaId: null,
    divisionCode: '210102',
    restricted: false,
    retentionScope: 'key_unit',
    art10Item: 7,
    captures: ['video'],
    configuredRetentionDays: 30,
    ...over,
  };
}

export function testVault(jdb: JifangDb & { dataDir: string }, opts: { law?: RetentionLaw; settings?: Partial<VaultSettings> } = {}) {
  const clock = fixedClock(T0);
  const directory = memoryDirectory(
    [system(1), system(2), system(3, { keyUnitId: 2, divisionCode: '210202' }), system(4, { restricted: true }), system(5, { keyUnitId: null, publicAreaId: 9, retentionScope: 'public_area' })],
    [
      { id: 11, systemId: 1, restricted: false },
      { id: 12, systemId: 1, restricted: false },
      { id: 21, systemId: 2, restricted: false },
    ],
  );
  const vault: VaultDeps = createVault({ db: jdb.db, dialect: jdb.dialect, clock, dataDir: jdb.dataDir, directory, law: opts.law, pii: hmacProtector(Buffer.alloc(32, 7)), settings: opts.settings });
  return { vault, clock, directory };
}

let nextUser = 1000;
export function actor(role: Role, over: Partial<Actor> = {}): Actor {
  const userId = over.userId ?? nextUser++;
  return { userId, username: `${role}-${userId}`, role, jurisdiction: null, organId: null, keyUnitId: null, providerId: null, ...over };
}

const FOOTAGE_DIR = path.join(os.tmpdir(), 'jifang-test-footage');

/** A short real video clip made by ffmpeg (cached per run); `variant` changes the bytes. */
export function footage(variant = 0, seconds = 1): { file: string; bytes: Buffer; sha256: string } {
  fs.mkdirSync(FOOTAGE_DIR, { recursive: true });
  const file = path.join(FOOTAGE_DIR, `clip-${variant}-${seconds}.mp4`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp.mp4`;
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=160x120:rate=10`, '-vf', `hue=h=${(variant * 37) % 360}`, '-c:v', 'mpeg4', '-q:v', '5', '-f', 'mp4', tmp], { stdio: 'pipe' });
    fs.renameSync(tmp, file);
  }
  const bytes = fs.readFileSync(file);
  return { file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export const minutes = (n: number) => n * 60_000;
export const days = (n: number) => n * 86_400_000;
export const at = (base: string, deltaMs: number) => new Date(new Date(base).getTime() + deltaMs).toISOString();

const VAULT_TABLES = ['playback_tickets', 'viewing_visits', 'viewing_applications', 'evidence_requests', 'access_request_officers', 'access_requests', 'vault_scopes', 'captured_events', 'retention_holds', 'retention_policies', 'captured_segments', 'captured_systems', 'captured_blobs'];

/** Empties the vault's tables and its store, so one database serves a whole suite. */
export async function resetVault(jdb: JifangDb & { dataDir: string }): Promise<void> {
  const raw = jdb.db.withoutPlugins();
  for (const t of VAULT_TABLES) await raw.deleteFrom(t).execute();
  fs.rmSync(path.join(jdb.dataDir, 'blobs'), { recursive: true, force: true });
}
