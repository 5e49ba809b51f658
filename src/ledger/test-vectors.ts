/**
 * Reads the public conformance vectors that sit beside the repository
 * (`../shared/vectors`, here and in CI). Used by tests only.
 */
import fs from 'node:fs';

/**
 * `JIFANG_VECTORS_DIR` when set; else `shared/vectors` beside the repository,
 * or one level further up (a git worktree kept in a folder of its own).
 */
const ROOT = [
  ...(process.env.JIFANG_VECTORS_DIR ? [new URL(`file://${process.env.JIFANG_VECTORS_DIR.replace(/\/?$/, '/')}`)] : []),
  new URL('../../../shared/vectors/', import.meta.url),
  new URL('../../../../shared/vectors/', import.meta.url),
].find((u) => fs.existsSync(u)) ?? new URL('../../../shared/vectors/', import.meta.url);

export function vectorUrl(rel: string): URL {
  return new URL(rel, ROOT);
}

export function readVectorJson<T = any>(rel: string): T {
  return JSON.parse(fs.readFileSync(vectorUrl(rel), 'utf8')) as T;
}

export function readVectorBytes(rel: string): Buffer {
  return fs.readFileSync(vectorUrl(rel));
}

export const hex = (h: string) => Buffer.from(h, 'hex');
