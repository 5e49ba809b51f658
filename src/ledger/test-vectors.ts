/**
 * Reads the public conformance vectors that sit beside the repository
 * (`../shared/vectors`, here and in CI). Used by tests only.
 */
import fs from 'node:fs';

const ROOT = new URL('../../../shared/vectors/', import.meta.url);

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
