/**
 * `jifang ledger verify --remote URL --checkpoint FILE`: holds a server to
 * its past. Given a checkpoint kept earlier, fetches the server's current
 * checkpoint and a consistency proof between the two, and accepts only if
 * the new tree extends the old one. Key rotations are followed through the
 * log itself: each new key is announced in a leaf, and the hand-over
 * checkpoint that includes it is signed by the old key and the new one.
 */
import { AppError } from '../../shared/errors.js';
import type { Bilingual } from '../../shared/text.js';
import { openCheckpoint, type Checkpoint } from '../domain/checkpoint.js';
import { decodeLeaf, digestOf } from '../domain/leaf.js';
import { leafHash, verifyConsistency, verifyInclusion } from '../domain/merkle.js';
import { verifierFromKey, type NoteVerifier } from '../domain/note.js';
import { LedgerErrors } from '../errors.js';

/** How the verifier reaches the server: `httpSource(url)`, or an in-process stand-in in tests. */
export interface RemoteSource {
  get(path: string): Promise<{ status: number; body: string }>;
}

export function httpSource(baseUrl: string): RemoteSource {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async get(path) {
      const res = await fetch(`${base}${path}`, { headers: { accept: 'application/json, text/plain' } });
      return { status: res.status, body: await res.text() };
    },
  };
}

export interface RemoteKey {
  vkey: string;
  status: string;
  firstSize: number | null;
  lastSize: number | null;
  announcedAtIndex: number | null;
}

export interface RemoteVerifyResult {
  ok: true;
  origin: string;
  held: { size: number; rootHash: string };
  current: { size: number; rootHash: string; note: string };
  /** `given-keys`: trust came from keys you supplied; `server`: the server's own word for its key (trust on first use). */
  anchor: 'given-keys' | 'server';
  /** Keys accepted along the way, oldest first. */
  keys: string[];
  message: Bilingual;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

function reject(reason: string): never {
  throw new AppError(LedgerErrors.JF_LEDGER_CHECKPOINT_REJECTED, { params: { reason } });
}

function inconsistent(reason: string): never {
  throw new AppError(LedgerErrors.JF_LEDGER_INCONSISTENT, { params: { reason } });
}

async function getOk(src: RemoteSource, path: string): Promise<string> {
  const r = await src.get(path);
  if (r.status !== 200) {
    let detail = r.body.slice(0, 200);
    try {
      detail = (JSON.parse(r.body) as { message?: string }).message ?? detail;
    } catch {
      // plain text
    }
    throw new AppError(LedgerErrors.JF_LEDGER_INCONSISTENT, { params: { reason: `the server answered ${r.status} to ${path}: ${detail}` } });
  }
  return r.body;
}

async function getJson<T>(src: RemoteSource, path: string): Promise<T> {
  return JSON.parse(await getOk(src, path)) as T;
}

export async function verifyRemote(src: RemoteSource, opts: { heldCheckpoint: string; trustedKeys?: string[] }): Promise<RemoteVerifyResult> {
  const anchor = opts.trustedKeys && opts.trustedKeys.length > 0 ? 'given-keys' : 'server';
  const anchorKeys = anchor === 'given-keys' ? opts.trustedKeys! : [(await getOk(src, '/api/v1/ledger/verifier-key')).trim()];
  const trusted: NoteVerifier[] = anchorKeys.map((k) => verifierFromKey(k.trim()));

  // Follow rotations: a key is trusted once a hand-over checkpoint that a trusted key signed also carries its signature
  // and includes the leaf announcing it.
  const keys = (await getJson<{ keys: RemoteKey[] }>(src, '/api/v1/ledger/keys')).keys.filter((k) => k.firstSize != null).sort((a, b) => a.firstSize! - b.firstSize!);
  const isTrusted = (vkey: string) => trusted.some((t) => t.vkey === vkey);
  const handovers: { size: number; root: Buffer }[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i + 1 < keys.length; i++) {
      const [a, b] = [keys[i], keys[i + 1]];
      if (isTrusted(a.vkey) === isTrusted(b.vkey)) continue;
      const note = await getOk(src, `/api/v1/ledger/checkpoint?size=${b.firstSize}`);
      const va = verifierFromKey(a.vkey);
      const vb = verifierFromKey(b.vkey);
      const oa = openCheckpoint(note, [va]);
      const ob = openCheckpoint(note, [vb]);
      if (!oa.ok || !ob.ok) continue;
      if (b.announcedAtIndex == null) continue;
      const { entries } = await getJson<{ entries: { index: number; leaf: string }[] }>(src, `/api/v1/ledger/entries?start=${b.announcedAtIndex}&end=${b.announcedAtIndex + 1}`);
      const leaf = Buffer.from(entries[0]?.leaf ?? '', 'base64');
      const d = decodeLeaf(leaf);
      if (!d.ok || d.leaf.type !== 'ledger/key.rotated' || d.leaf.digest !== digestOf(b.vkey)) continue;
      const p = await getJson<{ hashes: string[] }>(src, `/api/v1/ledger/proof/inclusion?leaf=${b.announcedAtIndex}&size=${b.firstSize}`);
      if (!verifyInclusion(b.announcedAtIndex, b.firstSize!, leafHash(leaf), p.hashes.map((h) => Buffer.from(h, 'base64')), oa.checkpoint.rootHash).ok) continue;
      trusted.push(isTrusted(a.vkey) ? vb : va);
      handovers.push({ size: b.firstSize!, root: oa.checkpoint.rootHash });
      changed = true;
    }
  }

  const held = openCheckpoint(opts.heldCheckpoint, trusted);
  if (!held.ok) reject(`the checkpoint you hold: ${held.reason}`);
  const currentNote = await getOk(src, '/api/v1/ledger/checkpoint');
  const cur = openCheckpoint(currentNote, trusted, held.checkpoint.origin);
  if (!cur.ok) reject(`the server's current checkpoint: ${cur.reason}`);

  await checkExtends(src, held.checkpoint, cur.checkpoint);
  for (const h of handovers) if (h.size <= cur.checkpoint.size) await checkExtends(src, { ...cur.checkpoint, size: h.size, rootHash: h.root }, cur.checkpoint);

  const m = held.checkpoint.size;
  const n = cur.checkpoint.size;
  return {
    ok: true,
    origin: held.checkpoint.origin,
    held: { size: m, rootHash: b64(held.checkpoint.rootHash) },
    current: { size: n, rootHash: b64(cur.checkpoint.rootHash), note: currentNote },
    anchor,
    keys: trusted.map((t) => t.vkey),
    message: {
      zh: `服务器当前的账本（${n} 条）包含您所持检查点（${m} 条）的全部内容，未被改写`,
      en: `The server's ledger (${n} entries) extends the checkpoint you hold (${m} entries): nothing was rewritten`,
    },
  };
}

async function checkExtends(src: RemoteSource, old: Checkpoint, now: Checkpoint): Promise<void> {
  const m = old.size;
  const n = now.size;
  if (m > n) inconsistent(`the server's tree has ${n} entries, fewer than the ${m} of the checkpoint you hold: it was rolled back`);
  if (m === 0) return; // every tree extends the empty one
  if (m === n) {
    if (!old.rootHash.equals(now.rootHash)) inconsistent(`two different signed roots for the same size ${n}: the log forked`);
    return;
  }
  const p = await getJson<{ from: number; to: number; hashes: string[] }>(src, `/api/v1/ledger/proof/consistency?from=${m}&to=${n}`);
  const r = verifyConsistency(m, n, p.hashes.map((h) => Buffer.from(h, 'base64')), old.rootHash, now.rootHash);
  if (!r.ok) inconsistent(`the consistency proof from ${m} to ${n} fails (${r.reason}): the log was rewritten`);
}
