import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../shared/errors.js';
import type { VaultDeps } from './context.js';
import { CAPTURE_KINDS, type CaptureKind } from './domain/types.js';
import { ingest } from './ingest.js';

/**
 * A folder exported by a recorder. Either it carries a manifest
 * (`jifang-export.json`: `{ systemId, deviceId?, files: [{ path, startedAt, endedAt, sha256?, deviceId?, captureKind? }] }`),
 * or its file names carry the span: `<anything>_<start>_<end>.<ext>` with
 * `YYYYMMDDTHHMMSSZ` (UTC) or `YYYYMMDDHHMMSS` (China time, UTC+8), and the
 * system (and device) come from the command line.
 */
export const MANIFEST_NAME = 'jifang-export.json';

export interface FolderFile {
  file: string;
  systemId: number;
  deviceId: number | null;
  startedAt: string;
  endedAt: string;
  sha256?: string | null;
  captureKind?: CaptureKind;
}

export interface FolderOptions {
  systemId?: number;
  deviceId?: number | null;
}

export interface FolderOutcome {
  file: string;
  outcome: 'created' | 'already' | 'failed' | 'skipped';
  segmentId?: number;
  code?: string;
  message?: string;
}

const MEDIA: Record<string, string> = { '.mp4': 'video/mp4', '.ts': 'video/mp2t', '.mkv': 'video/x-matroska', '.avi': 'video/x-msvideo', '.h264': 'video/h264', '.mp3': 'audio/mpeg', '.wav': 'audio/wav', '.aac': 'audio/aac', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

export function mediaTypeOf(file: string): string {
  return MEDIA[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function stamp(s: string): string | undefined {
  let m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])).toISOString();
  m = /^(\d{4})(\d{2})(\d{2})T?(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] - 8, +m[5], +m[6])).toISOString();
  return undefined;
}

/** `cam1_20260601T080000Z_20260601T080500Z.mp4` → its span, or undefined. */
export function spanFromName(name: string): { startedAt: string; endedAt: string } | undefined {
  const base = path.basename(name, path.extname(name));
  const parts = base.split('_');
  if (parts.length < 2) return undefined;
  const startedAt = stamp(parts[parts.length - 2]);
  const endedAt = stamp(parts[parts.length - 1]);
  return startedAt && endedAt ? { startedAt, endedAt } : undefined;
}

/** The files of a folder and what each is; names that say nothing are reported as skipped. */
export async function planFolder(folder: string, o: FolderOptions): Promise<{ files: FolderFile[]; skipped: FolderOutcome[] }> {
  const manifestPath = path.join(folder, MANIFEST_NAME);
  if (fs.existsSync(manifestPath)) {
    const m = JSON.parse(await fsp.readFile(manifestPath, 'utf8')) as { systemId: number; deviceId?: number | null; files: { path: string; startedAt: string; endedAt: string; sha256?: string; deviceId?: number | null; captureKind?: string }[] };
    return {
      files: m.files.map((f) => ({
        file: path.resolve(folder, f.path),
        systemId: Number(m.systemId),
        deviceId: f.deviceId ?? m.deviceId ?? null,
        startedAt: f.startedAt,
        endedAt: f.endedAt,
        sha256: f.sha256 ?? null,
        captureKind: CAPTURE_KINDS.includes(f.captureKind as CaptureKind) ? (f.captureKind as CaptureKind) : undefined,
      })),
      skipped: [],
    };
  }
  const files: FolderFile[] = [];
  const skipped: FolderOutcome[] = [];
  for (const name of (await fsp.readdir(folder)).sort()) {
    const file = path.join(folder, name);
    if (!(await fsp.stat(file)).isFile() || name.startsWith('.')) continue;
    const span = spanFromName(name);
    if (!span || o.systemId == null) {
      skipped.push({ file, outcome: 'skipped', message: span ? 'no --system given' : 'the name carries no capture span (<name>_<start>_<end>.<ext>)' });
      continue;
    }
    files.push({ file, systemId: o.systemId, deviceId: o.deviceId ?? null, ...span });
  }
  return { files, skipped };
}

/** Takes in every file of a plan; a file taken in before answers `already`, so a rerun is safe. */
export async function ingestFiles(deps: VaultDeps, files: FolderFile[]): Promise<FolderOutcome[]> {
  const out: FolderOutcome[] = [];
  for (const f of files) {
    try {
      const size = (await fsp.stat(f.file)).size;
      const r = await ingest(deps, null, { systemId: f.systemId, deviceId: f.deviceId, startedAt: f.startedAt, endedAt: f.endedAt, sha256: f.sha256 ?? null, size, captureKind: f.captureKind, mediaType: mediaTypeOf(f.file), originalName: path.basename(f.file), source: 'folder' }, fs.createReadStream(f.file, { highWaterMark: 1 << 20 }));
      out.push({ file: f.file, outcome: r.created ? 'created' : 'already', segmentId: r.segment.id });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ file: f.file, outcome: 'failed', code: e.code, message: `${e.bilingual.zh} / ${e.bilingual.en}` });
    }
  }
  return out;
}
