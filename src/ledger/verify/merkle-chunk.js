// Hashes one aligned chunk of leaves into its complete subtrees: the heavy
// inner loop of `jifang ledger verify`, shared by the worker threads and the
// in-process path. Plain JavaScript with node:crypto only, so a worker thread
// can load it without a TypeScript loader. Types: merkle-chunk.d.ts.
//
// With the batched SHA-256 addon (sha256-native.js) each page of leaves and
// each level is hashed in one call, and the levels are plain runs of 32-byte
// hashes. Without it, the JavaScript below computes the same hashes:
// Speed: one-shot crypto.hash with a latin1 string result avoids a Buffer
// allocation per hash (several times faster than createHash/digest), and
// each level is laid out as 65-byte records [0x01 | left | right] so a node
// hash reads its input in place, with no copy, through a view made once per
// record and kept with the level buffer (a view per hash costs as much as the
// hash). Leaves read as text (hashTextChunk) are hashed from the string
// itself: no Buffer per leaf either.
import crypto from 'node:crypto';
import { native } from './sha256-native.js';

const sha256 =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'latin1')
    : (data) => crypto.createHash('sha256').update(data).digest('latin1');
/** SHA-256 of a string's UTF-8 bytes, as a latin1 string. */
const sha256text = sha256;

const HEADER = 'jifang.ledger/v1\nindex ';

/** The leaf's own index ("index N" on its second line), or -1; a points at the 0x00 prefix. */
function embeddedIndex(bytes, a, b) {
  return embeddedIndexAt(bytes, a + 1, b);
}

/** The same for a leaf that starts at s. */
function embeddedIndexAt(bytes, s, b) {
  if (b - s < HEADER.length + 2) return -1;
  // The header is covered by the hash; only its shape is checked here.
  if (bytes[s] !== 0x6a || bytes[s + 16] !== 0x0a || bytes[s + 22] !== 0x20) return -1;
  let n = 0;
  let i = s + HEADER.length;
  const end = Math.min(b, i + 17);
  for (; i < end; i++) {
    const c = bytes[i];
    if (c === 0x0a) break;
    if (c < 0x30 || c > 0x39) return -1;
    n = n * 10 + (c - 0x30);
  }
  return i > s + HEADER.length && bytes[i] === 0x0a ? n : -1;
}

// Level buffers are reused from chunk to chunk (a worker hashes many), and
// Buffers rather than bare Uint8Arrays: node:crypto takes a Buffer view faster.
const spare = [];
const views = [];
function newLevel(L, nodes) {
  const pairs = Math.ceil(nodes / 2);
  let buf = spare[L];
  if (!buf || buf.length < pairs * 65) {
    buf = spare[L] = Buffer.allocUnsafe(Math.max(pairs, 1) * 65);
    views[L] = [];
  }
  for (let j = 0; j < pairs; j++) buf[j * 65] = 1;
  return buf;
}

/** The 65-byte records [0x01 | left | right] of level L, as views made once. */
function recordsOf(L, pairs) {
  const list = views[L];
  const buf = spare[L];
  for (let j = list.length; j < pairs; j++) list.push(buf.subarray(j * 65, j * 65 + 65));
  return list;
}

function put(level, j, s) {
  const p = (j >> 1) * 65 + 1 + (j & 1) * 32;
  for (let k = 0; k < 32; k++) level[p + k] = s.charCodeAt(k);
}

function get(level, j) {
  const p = (j >> 1) * 65 + 1 + (j & 1) * 32;
  return new Uint8Array(level.subarray(p, p + 32));
}

/**
 * Hashes with the addon when given one (by default the built one), else in JavaScript.
 * task: { start, count, data: ArrayBuffer, offsets: ArrayBuffer (Uint32, count + 1), marks: number[], levels?: boolean }
 *   record i is data[offsets[i], offsets[i+1]) = 0x00 || leaf i.
 * returns: { start, count, badAt, subtrees: [{ level, hash }], marks: [{ k, subtrees: [{ level, hash }] }], levels? }
 *   badAt: first position whose leaf does not carry index start + position (-1 if none).
 */
export function hashChunk(task, addon = native) {
  const { start, count } = task;
  const bytes = Buffer.from(task.data);
  const off = new Uint32Array(task.offsets);
  if (addon) {
    let badAt = -1;
    for (let i = 0; i < count && badAt < 0; i++) if (embeddedIndex(bytes, off[i], off[i + 1]) !== start + i) badAt = i;
    const level0 = flatLevel(0, count);
    addon.hashRecords(bytes, off, count, -1, level0);
    return finishFlat(task, start, count, badAt, level0, addon);
  }
  const level = newLevel(0, count);
  let badAt = -1;
  for (let i = 0; i < count; i++) {
    const a = off[i];
    const b = off[i + 1];
    if (badAt < 0 && embeddedIndex(bytes, a, b) !== start + i) badAt = i;
    put(level, i, sha256(bytes.subarray(a, b)));
  }
  return finish(task, start, count, badAt, level);
}

/** The leaf's own index, from the leaf as text, or -1. */
function embeddedIndexOfText(s) {
  if (!s.startsWith(HEADER)) return -1;
  let n = 0;
  let i = HEADER.length;
  const end = Math.min(s.length, i + 17);
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) break;
    if (c < 0x30 || c > 0x39) return -1;
    n = n * 10 + (c - 0x30);
  }
  return i > HEADER.length && s.charCodeAt(i) === 0x0a ? n : -1;
}

/**
 * Like hashChunk, for leaves read as text: leaf i is texts[i], hashed as the
 * UTF-8 of "\0" + texts[i]. For a leaf of printable ASCII (what every leaf
 * is, see decodeLeaf) those are exactly its bytes. A stored leaf with any
 * other byte reads back differently and so hashes differently: it is caught
 * as altered, never passed as sound, since the original was ASCII.
 */
export function hashTextChunk(task) {
  const c = textChunk(task.start, task.texts.length);
  c.add(task.texts);
  return c.finish(task);
}

/**
 * The same, fed page by page (at most `capacity` leaves in all): a page's
 * strings die young, where a whole chunk's would outlive the young
 * generation and cost the garbage collector more than the hashing.
 */
export function textChunk(start, capacity) {
  const level = newLevel(0, capacity);
  let badAt = -1;
  let i = 0;
  return {
    add(texts) {
      for (const t of texts) {
        if (badAt < 0 && embeddedIndexOfText(t) !== start + i) badAt = i;
        put(level, i, sha256text('\u0000' + t));
        i++;
      }
    },
    finish(task) {
      return finish(task, start, i, badAt, level);
    },
  };
}

function finish(task, start, count, badAt, level0) {
  const levels = [level0];
  let m = count;
  while (m > 1) {
    const parents = m >> 1;
    const records = recordsOf(levels.length - 1, parents);
    const next = newLevel(levels.length, parents);
    for (let j = 0; j < parents; j++) put(next, j, sha256(records[j]));
    m = parents;
    levels.push(next);
  }
  return result(task, start, count, badAt, levels, get, packLevel);
}

/**
 * Leaves read from SQLite a page at a time as one blob with their lengths
 * (see range-task.js), hashed by the addon: at most `capacity` leaves in all.
 */
export function framedChunk(start, capacity, addon = native) {
  if (!addon) throw new Error('framedChunk needs the native/ledger-hash addon');
  const level0 = flatLevel(0, capacity);
  let offsets = new Uint32Array(2049);
  let badAt = -1;
  let i = 0;
  return {
    /** lengths: the byte lengths of the page's leaves, comma-separated; data: the leaves back to back. */
    add(lengths, data) {
      if (!lengths) return;
      const list = lengths.split(',');
      const n = list.length;
      if (n > capacity - i) throw new RangeError('framedChunk: more leaves than its capacity');
      if (offsets.length < n + 1) offsets = new Uint32Array(n + 1);
      let o = 0;
      for (let k = 0; k < n; k++) {
        offsets[k] = o;
        o += Number(list[k]);
      }
      offsets[n] = o;
      if (o !== data.length) throw new Error(`framedChunk: leaves of ${o} bytes in a page of ${data.length}`);
      for (let k = 0; k < n && badAt < 0; k++) if (embeddedIndexAt(data, offsets[k], offsets[k + 1]) !== start + i + k) badAt = i + k;
      addon.hashRecords(data, offsets, n, 0, level0.subarray(i * 32));
      i += n;
    },
    finish(task) {
      return finishFlat(task, start, i, badAt, level0, addon);
    },
  };
}

// Levels of the addon's path: 32-byte hashes back to back, reused like the others.
const spareFlat = [];
function flatLevel(L, nodes) {
  let buf = spareFlat[L];
  if (!buf || buf.length < nodes * 32) buf = spareFlat[L] = Buffer.allocUnsafe(Math.max(nodes, 1) * 32);
  return buf;
}

function finishFlat(task, start, count, badAt, level0, addon) {
  const levels = [level0];
  let m = count;
  while (m > 1) {
    const next = flatLevel(levels.length, m >> 1);
    addon.hashPairs(levels[levels.length - 1], m, next);
    m >>= 1;
    levels.push(next);
  }
  return result(task, start, count, badAt, levels, (level, j) => new Uint8Array(level.subarray(j * 32, j * 32 + 32)), (level, nodes) => new Uint8Array(level.subarray(0, nodes * 32)));
}

function result(task, start, count, badAt, levels, getHash, pack) {
  // Complete subtrees of the prefix [0, k), largest first: one per set bit of k.
  const decompose = (k) => {
    const out = [];
    for (let L = levels.length - 1; L >= 0; L--) {
      const q = Math.floor(k / 2 ** L);
      if ((q & 1) === 1) out.push({ level: L, hash: getHash(levels[L], q - 1) });
    }
    return out;
  };
  const out = {
    start,
    count,
    badAt,
    subtrees: count > 0 ? decompose(count) : [],
    // A mark beyond the leaves read (some were deleted) has no subtrees to give: the caller counts it as not matching.
    marks: (task.marks || []).filter((k) => k <= count).map((k) => ({ k, subtrees: decompose(k) })),
  };
  if (task.levels) out.levels = levels.map((lv, L) => pack(lv, Math.floor(count / 2 ** L)));
  return out;
}

/** Every complete subtree hash of one level, back to back (the rows a node table holds). */
function packLevel(level, nodes) {
  const out = new Uint8Array(nodes * 32);
  for (let j = 0; j < nodes; j += 2) {
    const p = (j >> 1) * 65 + 1;
    out.set(level.subarray(p, p + (j + 1 < nodes ? 64 : 32)), j * 32);
  }
  return out;
}
