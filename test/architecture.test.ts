import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction of docs/architecture.md, checked on every run so
 * it cannot rot: shared ← law ← registry ← workflow, vault; ledger and access
 * depend on shared and db only; api and cli are leaves nothing imports.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');

const ALLOWED: Record<string, string[]> = {
  shared: [],
  db: ['shared'],
  access: ['shared', 'db'],
  ledger: ['shared', 'db'],
  law: ['shared'],
  registry: ['shared', 'db', 'law', 'access', 'ledger'],
  workflow: ['shared', 'db', 'law', 'access', 'ledger', 'registry'],
  vault: ['shared', 'db', 'law', 'access', 'ledger', 'registry'],
  compliance: ['shared', 'db', 'law', 'access', 'registry'],
  dashboard: ['shared', 'db', 'law', 'access', 'workflow', 'vault'],
  operations: ['shared', 'db', 'law', 'access', 'ledger', 'registry', 'workflow'],
  api: ['*'],
  cli: ['*'],
};

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => path.resolve(path.dirname(file), m[1]));
}

const contextOf = (abs: string) => {
  const rel = path.relative(SRC, abs);
  if (rel.startsWith('..')) return null;
  const top = rel.split(path.sep)[0];
  return top.replace(/\.(ts|js)$/, '');
};

describe('architecture', () => {
  it('keeps every import flowing downhill between contexts', () => {
    const bad: string[] = [];
    for (const f of files(SRC)) {
      const from = contextOf(f)!;
      const allowed = ALLOWED[from];
      if (!allowed) continue; // top-level files such as config.ts
      for (const target of imports(f)) {
        const to = contextOf(target);
        if (!to || to === from || allowed.includes('*')) continue;
        if (to === 'config' && (from === 'api' || from === 'cli')) continue;
        if (!allowed.includes(to)) bad.push(`${path.relative(ROOT, f)} → ${to}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('lets nothing import the api or cli leaves, and keeps drivers inside db/dialects', () => {
    const bad: string[] = [];
    for (const f of files(SRC)) {
      const from = contextOf(f);
      const src = fs.readFileSync(f, 'utf8');
      for (const target of imports(f)) {
        const to = contextOf(target);
        if ((to === 'api' || to === 'cli') && from !== 'api' && from !== 'cli') bad.push(`${path.relative(ROOT, f)} imports ${to}`);
      }
      const rel = path.relative(SRC, f);
      if (/from ['"](better-sqlite3|pg)['"]/.test(src) && !rel.startsWith(path.join('db', 'dialects'))) bad.push(`${rel} imports a database driver`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps the law free of I/O and of the clock: rules take the date they are asked about', () => {
    const bad = files(path.join(SRC, 'law'))
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => /new Date\(\)|Date\.now\(|from ['"]node:(fs|net|http|child_process)['"]/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    expect(bad).toEqual([]);
  });

  it('keeps the web app away from server code: it may share pure modules and types, nothing that does I/O', () => {
    // The web app asks the same policy the server enforces (to show only what a role may use).
    // The law (pure by the rule above) and the contexts' pure domain folders hold the vocabulary both sides name.
    const SHAREABLE = ['shared', 'law', 'access/policy', 'access/roles', 'access/jurisdiction', 'registry/domain', 'vault/domain', 'operations/domain'];
    const bad: string[] = [];
    for (const f of files(path.join(ROOT, 'web/src'))) {
      const src = fs.readFileSync(f, 'utf8');
      const valueImports = [...src.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => path.resolve(path.dirname(f), m[1]));
      for (const target of valueImports) {
        const rel = path.relative(SRC, target);
        if (rel.startsWith('..')) continue;
        if (!SHAREABLE.some((s) => rel === s || rel.startsWith(`${s}/`) || rel.startsWith(`${s}.`))) bad.push(`${path.relative(ROOT, f)} → src/${rel}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
