// The batched SHA-256 addon (native/ledger-hash), when `npm ci` built it.
// Plain JavaScript: worker threads load it without a TypeScript loader.
// Types: sha256-native.d.ts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let addon = null;
let why = null;
if (process.env.JIFANG_LEDGER_NATIVE === '0') {
  why = 'JIFANG_LEDGER_NATIVE=0';
} else {
  try {
    addon = require('../../../native/ledger-hash/build/Release/ledger_hash.node');
  } catch (e) {
    why = e && e.message ? e.message.split('\n')[0] : String(e);
  }
}

/** The addon, or null: then the verifier hashes in JavaScript. */
export const native = addon;
/** Why the addon is not in use (null when it is). */
export const nativeUnavailable = why;
