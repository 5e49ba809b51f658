import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * A POSIX ustar archive (IEEE Std 1003.1), written and read by hand: enough to
 * carry a BagIt bag (RFC 8493 §4 allows serialising a bag in an archive) that
 * `tar -xf` and every BagIt tool can open.
 */
export interface TarEntry {
  path: string;
  size: number;
  /** The bytes: a buffer, or a stream opened when the entry is written. */
  body: Buffer | (() => Readable);
  /** When known, checked while the bytes stream through. */
  sha256?: string;
}

const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function splitName(p: string): { name: string; prefix: string } {
  if (Buffer.byteLength(p) <= 100) return { name: p, prefix: '' };
  for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
    const prefix = p.slice(0, i);
    const name = p.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new Error(`path too long for ustar: ${p}`);
}

export function tarHeader(path: string, size: number, mtime: number, type: '0' | '5' = '0'): Buffer {
  const h = Buffer.alloc(BLOCK);
  const { name, prefix } = splitName(path);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(type === '5' ? 0o755 : 0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  if (size < 8 ** 11) h.write(octal(size, 12), 124, 'ascii');
  else {
    // Base-256 for files of 8 GiB and more (GNU and POSIX pax readers accept it).
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(size), 128);
  }
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('jifang', 265, 'ascii');
  h.write('jifang', 297, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** Streams the archive: entries in the order given, directories made for each path. */
export async function* tarStream(entries: readonly TarEntry[], mtime: Date): AsyncGenerator<Buffer> {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const dirs = new Set<string>();
  for (const e of entries) {
    const parts = e.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = `${parts.slice(0, i).join('/')}/`;
      if (!dirs.has(d)) {
        dirs.add(d);
        yield tarHeader(d, 0, seconds, '5');
      }
    }
    yield tarHeader(e.path, e.size, seconds);
    let written = 0;
    const hash = e.sha256 ? createHash('sha256') : null;
    if (Buffer.isBuffer(e.body)) {
      hash?.update(e.body);
      written = e.body.length;
      yield e.body;
    } else {
      for await (const chunk of e.body()) {
        const b = chunk as Buffer;
        hash?.update(b);
        written += b.length;
        yield b;
      }
    }
    if (written !== e.size) throw new Error(`${e.path}: ${written} bytes read, ${e.size} expected`);
    if (hash && hash.digest('hex') !== e.sha256) throw new Error(`${e.path}: stored bytes do not match their digest`);
    const pad = (BLOCK - (e.size % BLOCK)) % BLOCK;
    if (pad) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(BLOCK * 2);
}

export interface ReadEntry {
  path: string;
  type: 'file' | 'dir' | 'other';
  size: number;
  sha256: string;
  /** The content, kept only for small files (tag files). */
  text?: string;
}

function parseOctal(b: Buffer): number {
  if (b[0] & 0x80) return Number(b.readBigUInt64BE(4));
  const s = b.toString('ascii').replace(/\0.*$/s, '').trim();
  return s ? parseInt(s, 8) : 0;
}

/** Reads every entry of a tar file, hashing each; keeps the text of files up to `keepTextUpTo` bytes. */
export async function readTar(file: string, keepTextUpTo = 1 << 20): Promise<ReadEntry[]> {
  const fh = await fsp.open(file, 'r');
  const out: ReadEntry[] = [];
  try {
    const header = Buffer.alloc(BLOCK);
    const chunk = Buffer.alloc(1 << 20);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await fh.read(header, 0, BLOCK, pos);
      if (bytesRead < BLOCK) throw new Error('truncated archive');
      pos += BLOCK;
      if (header.every((b) => b === 0)) break;
      const stored = parseOctal(header.subarray(148, 156));
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
      if (sum !== stored) throw new Error(`bad header checksum at offset ${pos - BLOCK}`);
      const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
      const size = parseOctal(header.subarray(124, 136));
      const flag = String.fromCharCode(header[156] || 48);
      const path = prefix ? `${prefix}/${name}` : name;
      const hash = createHash('sha256');
      const keep = size <= keepTextUpTo ? Buffer.alloc(size) : null;
      let left = size;
      let at = 0;
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        const { bytesRead: r } = await fh.read(chunk, 0, n, pos);
        if (r < n) throw new Error(`truncated entry ${path}`);
        hash.update(chunk.subarray(0, n));
        if (keep) chunk.copy(keep, at, 0, n);
        at += n;
        pos += n;
        left -= n;
      }
      pos += (BLOCK - (size % BLOCK)) % BLOCK;
      out.push({ path, type: flag === '0' ? 'file' : flag === '5' ? 'dir' : 'other', size, sha256: hash.digest('hex'), text: keep ? keep.toString('utf8') : undefined });
    }
  } finally {
    await fh.close();
  }
  return out;
}
