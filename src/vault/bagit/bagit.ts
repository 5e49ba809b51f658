import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { readTar, type TarEntry } from './tar.js';

/**
 * BagIt (RFC 8493): a directory with `bagit.txt`, a payload under `data/`, a
 * payload manifest of SHA-256 digests, `bag-info.txt` and a tag manifest over
 * the tag files. Written and checked here by hand, so that standard tools
 * (bagit-python, the Library of Congress bagit-java) validate what Jifang makes.
 */
export interface PayloadFile {
  /** Path under `data/`, `/`-separated. */
  path: string;
  size: number;
  sha256: string;
  body: TarEntry['body'];
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** RFC 8493 §2.1.3: CR, LF and % in a manifest path are percent-encoded. */
export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(p: string): string {
  return p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

/** RFC 8493 §2.2.2: `Label: value` lines; long values are not folded. */
function bagInfo(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/** The entries of a bag, tag files first, ready for `tarStream`, under `<bagName>/`. */
export function bagEntries(bagName: string, payload: readonly PayloadFile[], info: [string, string][]): TarEntry[] {
  const files = [...payload].sort((a, b) => (a.path < b.path ? -1 : 1));
  const octets = files.reduce((n, f) => n + f.size, 0);
  const bagitTxt = Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  const manifest = Buffer.from(files.map((f) => `${f.sha256}  ${encodeManifestPath(`data/${f.path}`)}\n`).join(''));
  const infoTxt = Buffer.from(bagInfo([...info, ['Payload-Oxum', `${octets}.${files.length}`]]));
  const tagFiles: [string, Buffer][] = [
    ['bagit.txt', bagitTxt],
    ['bag-info.txt', infoTxt],
    ['manifest-sha256.txt', manifest],
  ];
  const tagmanifest = Buffer.from(tagFiles.map(([n, b]) => `${sha256(b)}  ${n}\n`).join(''));
  return [
    ...tagFiles.map(([n, b]) => ({ path: `${bagName}/${n}`, size: b.length, body: b })),
    { path: `${bagName}/tagmanifest-sha256.txt`, size: tagmanifest.length, body: tagmanifest },
    ...files.map((f) => ({ path: `${bagName}/data/${f.path}`, size: f.size, body: f.body, sha256: f.sha256 })),
  ];
}

export function jsonFile(p: string, value: unknown): PayloadFile {
  const b = Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  return { path: p, size: b.length, sha256: sha256(b), body: b };
}

export interface BagCheck {
  valid: boolean;
  errors: string[];
  payloadFiles: number;
  payloadBytes: number;
  info: Record<string, string>;
}

interface BagView {
  /** path relative to the bag root → digest and size, for every file. */
  files: Map<string, { sha256: string; size: number }>;
  text(p: string): string | undefined;
}

function parseManifest(text: string): [string, string][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^([0-9a-fA-F]+)\s+(.+)$/.exec(l);
      return m ? [m[1].toLowerCase(), decodeManifestPath(m[2])] : ['', l];
    });
}

function check(view: BagView): BagCheck {
  const errors: string[] = [];
  const info: Record<string, string> = {};
  const bagit = view.text('bagit.txt');
  if (bagit == null) errors.push('bagit.txt is missing');
  else {
    if (!/^BagIt-Version: \d+\.\d+\s*$/m.test(bagit)) errors.push('bagit.txt has no BagIt-Version');
    if (!/^Tag-File-Character-Encoding: UTF-8\s*$/im.test(bagit)) errors.push('bagit.txt has no Tag-File-Character-Encoding');
  }
  const manifestText = view.text('manifest-sha256.txt');
  let payloadFiles = 0;
  let payloadBytes = 0;
  if (manifestText == null) errors.push('manifest-sha256.txt is missing');
  else {
    const listed = new Set<string>();
    for (const [digest, p] of parseManifest(manifestText)) {
      if (!digest) {
        errors.push(`manifest-sha256.txt: malformed line "${p}"`);
        continue;
      }
      if (!p.startsWith('data/') || p.split('/').includes('..')) errors.push(`manifest-sha256.txt: ${p} is not under data/`);
      listed.add(p);
      const f = view.files.get(p);
      if (!f) errors.push(`${p} is listed in the manifest but missing`);
      else if (f.sha256 !== digest) errors.push(`${p}: digest ${f.sha256} does not match the manifest (${digest})`);
      else {
        payloadFiles++;
        payloadBytes += f.size;
      }
    }
    for (const p of view.files.keys()) if (p.startsWith('data/') && !listed.has(p)) errors.push(`${p} is in the payload but not in the manifest`);
  }
  const infoText = view.text('bag-info.txt');
  if (infoText != null) {
    for (const line of infoText.split(/\r?\n/)) {
      const m = /^([^:\s][^:]*):\s?(.*)$/.exec(line);
      if (m) info[m[1]] = m[2];
    }
    const oxum = info['Payload-Oxum'];
    if (oxum) {
      let bytes = 0;
      let count = 0;
      for (const [p, f] of view.files) if (p.startsWith('data/')) (bytes += f.size), count++;
      if (oxum !== `${bytes}.${count}`) errors.push(`Payload-Oxum ${oxum} does not match the payload (${bytes}.${count})`);
    }
  }
  const tagText = view.text('tagmanifest-sha256.txt');
  if (tagText != null) {
    for (const [digest, p] of parseManifest(tagText)) {
      const f = view.files.get(p);
      if (!f) errors.push(`${p} is listed in the tag manifest but missing`);
      else if (f.sha256 !== digest) errors.push(`${p}: digest does not match the tag manifest`);
    }
  }
  return { valid: errors.length === 0, errors, payloadFiles, payloadBytes, info };
}

async function hashFile(p: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of fs.createReadStream(p, { highWaterMark: 1 << 20 })) h.update(c as Buffer);
  return h.digest('hex');
}

async function walk(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fsp.readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(root, r)));
    else out.push(r);
  }
  return out;
}

/** Validates a bag: a directory, or a `.tar` holding one bag directory. */
export async function verifyBag(target: string): Promise<BagCheck> {
  const st = await fsp.stat(target);
  if (st.isDirectory()) {
    const files = new Map<string, { sha256: string; size: number }>();
    for (const r of await walk(target)) {
      const p = path.join(target, r);
      files.set(r, { sha256: await hashFile(p), size: (await fsp.stat(p)).size });
    }
    const text = (p: string) => (fs.existsSync(path.join(target, p)) ? fs.readFileSync(path.join(target, p), 'utf8') : undefined);
    return check({ files, text });
  }
  const entries = (await readTar(target)).filter((e) => e.type === 'file');
  const roots = new Set(entries.map((e) => e.path.split('/')[0]));
  if (roots.size !== 1) return { valid: false, errors: ['the archive must hold exactly one bag directory'], payloadFiles: 0, payloadBytes: 0, info: {} };
  const root = [...roots][0];
  const files = new Map(entries.map((e) => [e.path.slice(root.length + 1), { sha256: e.sha256, size: e.size }]));
  const texts = new Map(entries.map((e) => [e.path.slice(root.length + 1), e.text]));
  return check({ files, text: (p) => texts.get(p) });
}
