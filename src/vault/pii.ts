import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data the vault must hold as little of as it can: a resident ID is
 * kept only as a keyed hash (to match the card shown later) and a masked form.
 */
export interface PiiProtector {
  hashResidentId(id: string): string;
  matches(id: string, hash: string): boolean;
}

export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(0, id.length - 10))}${id.slice(-4)}`;
}

/** 张三丰 → 张**; Zhang San → Z*********. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function hmacProtector(key: Buffer): PiiProtector {
  const hash = (id: string) => createHmac('sha256', key).update(id.toUpperCase()).digest('hex');
  return {
    hashResidentId: hash,
    matches: (id, h) => {
      const a = Buffer.from(hash(id), 'hex');
      const b = Buffer.from(h, 'hex');
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}

/** The key lives beside the data (`<dataDir>/keys/pii.key`, mode 0600), made on first use. */
export function fileKeyProtector(dataDir: string): PiiProtector {
  const file = path.join(dataDir, 'keys', 'pii.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return hmacProtector(fs.readFileSync(file));
}
