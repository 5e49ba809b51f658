import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_DIST, ensureWebBuilt } from './support/server.js';

/**
 * Issue 7 ("Quality"): the initial JavaScript stays under 500 KB gzipped
 * thanks to route-level code splitting. "Initial" is what the browser must
 * fetch before the first screen renders: the entry chunk and every chunk it
 * imports statically, as Vite's manifest records them.
 */
type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

const LIMIT_BYTES = 500 * 1024;

function initialChunks(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key].imports ?? []) visit(i);
  };
  visit(entry);
  return [...seen].map((k) => manifest[k].file);
}

describe('the web app bundle', () => {
  it('loads under 500 KB of gzipped JavaScript before the first screen, the screens themselves in chunks of their own', () => {
    ensureWebBuilt();
    const manifest = JSON.parse(fs.readFileSync(path.join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const initial = initialChunks(manifest);
    const gzipped = initial.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(WEB_DIST, f))).length, 0);
    expect(gzipped, `initial JavaScript: ${initial.join(', ')}`).toBeLessThan(LIMIT_BYTES);

    // Route-level splitting: no page module is part of the initial load.
    const pages = Object.keys(manifest).filter((k) => /-page\.tsx$/.test(k));
    expect(pages.length).toBeGreaterThan(10);
    const initialSources = new Set(Object.keys(manifest).filter((k) => initial.includes(manifest[k].file)));
    expect(pages.filter((p) => initialSources.has(p))).toEqual([]);
  });
});
