/**
 * The signing key's life: made on first start (and announced in the log),
 * checked against the database at every start, rotated by announcing the new
 * key in a leaf and cosigning the first checkpoint it signs with the old one.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { formatCheckpoint } from './domain/checkpoint.js';
import { digestOf } from './domain/leaf.js';
import { EMPTY_ROOT } from './domain/merkle.js';
import { signNote, type NoteSigner } from './domain/note.js';
import { appendEvent, SYSTEM_ACTOR } from './append-event.js';
import { LedgerErrors } from './errors.js';
import type { LedgerConfig } from './ledger-config.js';
import { checkpoint, insertCheckpoint, insertKey, keys, lockState, readState, setOrigin, writeState, type KeyRow } from './repository.js';
import { createSigningKeyFile, keyFileExists, keyUsedFor, markKeyUsed, nextKeyFile, promoteNextKey, readSigningKey, usedMarkerFile } from './signing-key.js';
import type { AnyDb } from './tables.js';

export const keyRef = (keyId: string) => `ledger-key:${keyId}`;

export function activeKeyOf(rows: readonly KeyRow[]): KeyRow | undefined {
  return rows.find((k) => k.status === 'active');
}

function generatedOrigin(): string {
  return `jifang.local/ledger-${randomBytes(4).toString('hex')}`;
}

/**
 * The signer the ledger must use now. On a ledger without a key, makes one
 * (or adopts the key file already there), fixes the origin, announces the
 * key in the first leaf and signs the empty tree.
 */
export async function ensureLedgerKey(db: AnyDb, cfg: Pick<LedgerConfig, 'keyFile' | 'origin'>, clock: Clock): Promise<NoteSigner> {
  let active = activeKeyOf(await keys(db));
  if (!active) {
    await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      await lockState(trx, now);
      if (activeKeyOf(await keys(trx))) return; // another process got there first
      const state = await readState(trx);
      let signer: NoteSigner;
      if (keyFileExists(cfg.keyFile)) {
        const usedBy = keyUsedFor(cfg.keyFile);
        if (usedBy) throw new AppError(LedgerErrors.JF_LEDGER_KEY_USED, { params: { file: cfg.keyFile, origin: usedBy } });
        signer = readSigningKey(cfg.keyFile);
      } else {
        try {
          signer = createSigningKeyFile(cfg.keyFile, cfg.origin ?? state.origin ?? generatedOrigin());
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
          signer = readSigningKey(cfg.keyFile);
        }
      }
      const origin = state.origin ?? cfg.origin ?? signer.name;
      if (!state.origin) await setOrigin(trx, origin);
      markKeyUsed(cfg.keyFile, origin, signer.verifier.vkey, now);
      await insertKey(trx, { vkey: signer.verifier.vkey, name: signer.name, keyId: signer.keyId, status: 'active', createdAt: now, firstSize: state.treeSize, lastSize: null, announcedAtIndex: null });
      await appendEvent(trx, { type: 'ledger/key.activated', actorRef: SYSTEM_ACTOR, subjectRef: keyRef(signer.keyId), digest: digestOf(signer.verifier.vkey), at: now });
      if (state.treeSize === 0 && !(await checkpoint(trx, 0))) {
        const note = signNote(formatCheckpoint({ origin, size: 0, rootHash: EMPTY_ROOT }), [signer]);
        await insertCheckpoint(trx, { treeSize: 0, rootHash: EMPTY_ROOT, note, signedAt: now, batchSize: 0, maxMergeDelayMs: 0 });
        await writeState(trx, { treeSize: 0, rootHash: EMPTY_ROOT, now, checkpoint: note });
      }
    });
    active = activeKeyOf(await keys(db))!;
  }
  const state = await readState(db);
  if (cfg.origin && state.origin && cfg.origin !== state.origin) {
    throw new AppError(LedgerErrors.JF_LEDGER_ORIGIN_MISMATCH, { params: { configured: cfg.origin, stored: state.origin } });
  }
  let signer = readSigningKey(cfg.keyFile);
  if (signer.verifier.vkey !== active.vkey) {
    // A rotation committed but the files were not swapped yet (a crash in between): finish it.
    const next = nextKeyFile(cfg.keyFile);
    if (keyFileExists(next) && readSigningKey(next).verifier.vkey === active.vkey) {
      promoteNextKey(cfg.keyFile, signer.keyId);
      signer = readSigningKey(cfg.keyFile);
    } else {
      throw new AppError(LedgerErrors.JF_LEDGER_KEY_MISMATCH, { params: { file: cfg.keyFile, found: `${signer.name}+${signer.keyId}`, expected: `${active.name}+${active.keyId}` } });
    }
  }
  return signer;
}

/**
 * Starts a rotation: writes the new key beside the current one, records it as
 * pending and announces it in a leaf. The sequencer puts it into use at the
 * next checkpoint, which both keys sign.
 */
export async function rotateLedgerKey(
  db: AnyDb,
  cfg: Pick<LedgerConfig, 'keyFile' | 'origin'>,
  clock: Clock,
  by: { actorRef?: string; actorUserId?: number | null } = {},
): Promise<{ vkey: string; keyId: string; previous: string }> {
  const current = await ensureLedgerKey(db, cfg, clock);
  const pending = (await keys(db)).find((k) => k.status === 'pending');
  if (pending) throw new AppError(LedgerErrors.JF_LEDGER_ROTATION_PENDING, { params: { keyId: pending.keyId } });
  const next = nextKeyFile(cfg.keyFile);
  // A file left by a rotation that never reached the database was never announced: replace it.
  if (keyFileExists(next)) {
    fs.unlinkSync(next);
    fs.rmSync(usedMarkerFile(next), { force: true });
  }
  const fresh = createSigningKeyFile(next, current.name);
  markKeyUsed(next, (await readState(db)).origin ?? current.name, fresh.verifier.vkey, clock.now().toISOString());
  const now = clock.now().toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await insertKey(trx, { vkey: fresh.verifier.vkey, name: fresh.name, keyId: fresh.keyId, status: 'pending', createdAt: now, firstSize: null, lastSize: null, announcedAtIndex: null });
      await appendEvent(trx, { type: 'ledger/key.rotated', ...by, subjectRef: keyRef(fresh.keyId), grant: keyRef(current.keyId), digest: digestOf(fresh.verifier.vkey), at: now });
    });
  } catch (e) {
    fs.rmSync(next, { force: true });
    fs.rmSync(usedMarkerFile(next), { force: true });
    throw e;
  }
  return { vkey: fresh.verifier.vkey, keyId: fresh.keyId, previous: current.verifier.vkey };
}

/** The pending key's signer, when its file is here and it is the key the database announced. */
export function pendingSigner(keyFile: string, pending: KeyRow): NoteSigner | null {
  const next = nextKeyFile(keyFile);
  if (!keyFileExists(next)) return null;
  try {
    const s = readSigningKey(next);
    return s.verifier.vkey === pending.vkey ? s : null;
  } catch {
    return null;
  }
}

