import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SHA256_HEX, type BlobDigest, type BlobStore, type BlobWriter } from './blob-store.js';

export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`blob exceeds ${limit} bytes`);
  }
}

/**
 * Blobs under `<root>/sha256/ab/cd/<digest>`; writes go to `<root>/tmp` first,
 * are flushed to disk, then renamed into place (rename is atomic on one file
 * system), so a reader never sees half a file under a digest.
 */
export class FsBlobStore implements BlobStore {
  readonly root: string;
  private readonly tmp: string;

  constructor(root: string) {
    this.root = root;
    this.tmp = path.join(root, 'tmp');
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a sha256 digest');
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async begin(): Promise<BlobWriter> {
    await fsp.mkdir(this.tmp, { recursive: true });
    const tmpFile = path.join(this.tmp, `${randomBytes(12).toString('hex')}.part`);
    let digest: BlobDigest | null = null;
    let done = false;
    return {
      receive: async (body: Readable, opts = {}) => {
        const hash = createHash('sha256');
        let size = 0;
        const limit = opts.maxBytes ?? Number.POSITIVE_INFINITY;
        const meter = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            size += chunk.length;
            if (size > limit) return cb(new BlobTooLargeError(limit));
            hash.update(chunk);
            cb(null, chunk);
          },
        });
        const out = fs.createWriteStream(tmpFile, { flags: 'wx', highWaterMark: 1 << 20 });
        await pipeline(body, meter, out);
        // Flush before the rename, so a crash never leaves a named but empty file.
        const fh = await fsp.open(tmpFile, 'r+');
        try {
          await fh.datasync();
        } finally {
          await fh.close();
        }
        digest = { sha256: hash.digest('hex'), size };
        return digest;
      },
      commit: async () => {
        if (!digest) throw new Error('nothing received');
        if (done) return;
        const dest = this.pathOf(digest.sha256);
        await fsp.mkdir(path.dirname(dest), { recursive: true });
        if (fs.existsSync(dest)) await fsp.rm(tmpFile, { force: true });
        else await fsp.rename(tmpFile, dest);
        done = true;
      },
      abort: async () => {
        done = true;
        await fsp.rm(tmpFile, { force: true });
      },
    };
  }

  async has(sha256: string): Promise<boolean> {
    return fs.existsSync(this.pathOf(sha256));
  }

  async size(sha256: string): Promise<number | undefined> {
    try {
      return (await fsp.stat(this.pathOf(sha256))).size;
    } catch {
      return undefined;
    }
  }

  read(sha256: string, range?: { start: number; end: number }): Readable {
    return fs.createReadStream(this.pathOf(sha256), { ...(range ?? {}), highWaterMark: 1 << 20 });
  }

  async remove(sha256: string): Promise<void> {
    await fsp.rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<{ sha256: string; modifiedAt: Date }> {
    const base = path.join(this.root, 'sha256');
    if (!fs.existsSync(base)) return;
    for (const a of await fsp.readdir(base)) {
      for (const b of await fsp.readdir(path.join(base, a)).catch(() => [] as string[])) {
        for (const f of await fsp.readdir(path.join(base, a, b)).catch(() => [] as string[])) {
          if (!SHA256_HEX.test(f)) continue;
          const st = await fsp.stat(path.join(base, a, b, f));
          yield { sha256: f, modifiedAt: st.mtime };
        }
      }
    }
  }

  async clearTemporary(olderThan: Date): Promise<number> {
    if (!fs.existsSync(this.tmp)) return 0;
    let n = 0;
    for (const f of await fsp.readdir(this.tmp)) {
      const p = path.join(this.tmp, f);
      const st = await fsp.stat(p).catch(() => null);
      if (st && st.mtime < olderThan) {
        await fsp.rm(p, { force: true });
        n++;
      }
    }
    return n;
  }
}
