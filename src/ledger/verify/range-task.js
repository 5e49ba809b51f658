// One chunk of `jifang ledger verify` on SQLite, read and hashed by the same
// worker thread: each worker reads its own range of indexes on a read-only
// connection of its own, as text (no Buffer per leaf), so reading is spread
// over the cores with the hashing and nothing is copied between threads.
// With the batched SHA-256 addon, a page comes back as one row: the leaves'
// byte lengths and the leaves themselves back to back, concatenated by
// SQLite, and is hashed in one call; without it, as one string per leaf.
// Plain JavaScript, like merkle-chunk.js. Types: range-task.d.ts.
import { openReadOnly } from '../../db/dialects/sqlite/read-only.js';
import { framedChunk, textChunk } from './merkle-chunk.js';
import { native } from './sha256-native.js';

/** Leaves read per query: small enough that their strings die young. */
const PAGE = 2048;

const readers = new Map();

function reader(file) {
  let r = readers.get(file);
  if (!r) {
    r = openReadOnly(file);
    readers.set(file, r);
  }
  return r;
}

/**
 * task: { kind: 'range', file, from, to, marks }: the entries of indexes [from, to).
 * returns a ChunkResult of the rows found, in index order, plus gapAt: the
 * first index of the range with no entry (-1 when none is missing).
 */
export function hashRange(task) {
  const { file, from, to } = task;
  const r = reader(file);
  let rows = 0;
  let chunk;
  if (native) {
    chunk = framedChunk(from, to - from);
    for (let a = from; a < to; a += PAGE) {
      // The lengths and the bytes come from one scan of the primary key in index order (SQLite keeps a
      // subquery's ORDER BY for an aggregate over it; group_concat's own ORDER BY would sort in a temporary
      // B-tree, at half the speed). Were the order ever different, the leaves would not carry their own
      // indexes and verification would fail loudly, never pass. A leaf's bytes are taken as stored.
      const [lengths, data, n] = r.row(
        "select group_concat(octet_length(leaf)), cast(group_concat(leaf, '') as blob), count(*) from (select leaf from ledger_entries where idx >= ? and idx < ? order by idx)",
        [a, Math.min(to, a + PAGE)],
      );
      chunk.add(lengths, data);
      rows += n;
    }
  } else {
    chunk = textChunk(from, to - from);
    for (let a = from; a < to; a += PAGE) {
      const texts = r.column('select cast(leaf as text) from ledger_entries where idx >= ? and idx < ? order by idx', [a, Math.min(to, a + PAGE)]);
      chunk.add(texts);
      rows += texts.length;
    }
  }
  let gapAt = -1;
  if (rows !== to - from) {
    // Indexes are unique integers: as many rows as indexes means none is missing.
    const idxs = r.column('select idx from ledger_entries where idx >= ? and idx < ? order by idx', [from, to]);
    gapAt = from + idxs.length;
    for (let i = 0; i < idxs.length; i++) {
      if (Number(idxs[i]) !== from + i) {
        gapAt = from + i;
        break;
      }
    }
  }
  const out = chunk.finish(task);
  out.gapAt = gapAt;
  return out;
}

/** Closes this thread's read connections. */
export function closeReaders() {
  for (const r of readers.values()) r.close();
  readers.clear();
}
