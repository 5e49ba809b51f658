// Builds the ledger's batched SHA-256 addon (native/ledger-hash) with node-gyp,
// against the Node.js headers npm is set to build with, as `npm ci` builds
// better-sqlite3. Run by npm's install step. If it cannot be built (no
// compiler), the verifier hashes in JavaScript instead, more slowly; this
// says so and lets the install go on.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../native/ledger-hash');
const gyp = process.env.npm_config_node_gyp;
const r = gyp
  ? spawnSync(process.execPath, [gyp, 'rebuild'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  : spawnSync('node-gyp', ['rebuild'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
if (r.status === 0) {
  console.log('native/ledger-hash: built');
} else {
  console.warn(`native/ledger-hash: not built, the ledger verifier will hash in JavaScript (slower).\n${(r.stderr || String(r.error || '')).slice(-2000)}`);
}
