import type { FastifyReply, FastifyRequest } from 'fastify';
import { RegistryRepository } from '../../registry/index.js';
import { createVault, registryDirectory, type GrantRef, type VaultDeps } from '../../vault/index.js';
import type { AppDeps } from '../context.js';

const vaults = new WeakMap<AppDeps, VaultDeps>();

/**
 * The vault an app's routes share: its database and clock, blobs under
 * `JIFANG_DATA_DIR/blobs`, systems from the registry, leaves to the ledger.
 */
export function vaultOf(deps: AppDeps): VaultDeps {
  let v = vaults.get(deps);
  if (!v) {
    v = createVault({ db: deps.jdb.db, dialect: deps.jdb.dialect, clock: deps.clock, dataDir: deps.config.dataDir, directory: registryDirectory(RegistryRepository.of(deps.jdb)) });
    vaults.set(deps, v);
  }
  return v;
}

/** `Range: bytes=a-b` → inclusive bounds within `size`, or null for a whole-file answer; `'invalid'` when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

/** Streams a stored recording, whole or by range (RFC 9110 §14), with its digest. */
export function sendBlob(req: FastifyRequest, reply: FastifyReply, v: VaultDeps, blob: { sha256: string; size: number; mediaType: string }, headers: Record<string, string> = {}) {
  reply.header('accept-ranges', 'bytes').header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  for (const [k, val] of Object.entries(headers)) reply.header(k, val);
  const range = parseRange(req.headers.range, blob.size);
  if (range === 'invalid') return reply.status(416).header('content-range', `bytes */${blob.size}`).send();
  reply.type(blob.mediaType);
  if (!range) {
    reply.header('content-length', String(blob.size)).header('repr-digest', `sha-256=:${Buffer.from(blob.sha256, 'hex').toString('base64')}:`);
    return reply.send(v.store.read(blob.sha256));
  }
  reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${blob.size}`).header('content-length', String(range.end - range.start + 1));
  return reply.send(v.store.read(blob.sha256, range));
}

export function grantRef(kind: string | undefined, id: number | undefined): GrantRef | null {
  if (!kind || id == null) return null;
  return { kind: kind as GrantRef['kind'], id };
}

/**
 * The usernames of accounts named in a record (who acted, which officers
 * confirmed): the screens show people by their login, never by a bare number.
 */
export async function usernamesOf(deps: AppDeps, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x != null))];
  const names = new Map<number, string>();
  if (!wanted.length) return names;
  for (const u of await deps.jdb.db.selectFrom('users').select(['id', 'username']).where('id', 'in', wanted).execute()) names.set(Number(u.id), String(u.username));
  return names;
}
