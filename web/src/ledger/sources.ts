import { api, ApiError } from '../api/client';
import type { InclusionProofBody } from './check';

/** The public ledger endpoints the browser checks against (no login needed). */

async function text(url: string): Promise<string> {
  const res = await fetch(url, { headers: { accept: 'text/plain' }, credentials: 'same-origin' });
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // Not JSON.
    }
    const b = body as { code?: string; messages?: { zh: string; en: string } } | null;
    throw new ApiError(res.status, b?.code && b.messages ? { code: b.code, message: b.messages.zh, messages: b.messages } : { code: 'JF_UNEXPECTED_RESPONSE', message: String(res.status), messages: { zh: `服务器返回 ${res.status}`, en: `The server answered ${res.status}` } });
  }
  return res.text();
}

export const latestCheckpoint = () => text('/api/v1/ledger/checkpoint');
export const checkpointOfSize = (size: number) => text(`/api/v1/ledger/checkpoint?size=${size}`);
export const verifierKey = async () => (await text('/api/v1/ledger/verifier-key')).trim();
export const inclusionProof = (leaf: number, size: number) => api<InclusionProofBody>('/api/v1/ledger/proof/inclusion', { query: { leaf, size } });
export const consistencyProof = (from: number, to: number) => api<{ from: number; to: number; hashes: string[] }>('/api/v1/ledger/proof/consistency', { query: { from, to } });
export const ledgerKeys = async () => (await api<{ keys: { vkey: string; status: string }[] }>('/api/v1/ledger/keys')).keys;

/** The size line of a checkpoint note, so the proof asked for is of the very tree the note signs. */
export function sizeOfNote(note: string): number {
  const size = Number(note.split('\n')[1]);
  if (!Number.isSafeInteger(size)) throw new Error('the checkpoint has no readable size');
  return size;
}

export interface LedgerEntryView {
  index: number;
  leaf: string;
  leafHash: string;
  fields: { at: string; type: string; actorRef: string; subjectRef: string; rule?: string; grant?: string; digest?: string } | null;
  problem?: string;
}

export interface HistoryAnswer {
  subjects: string[];
  treeSize: number;
  queued: number;
  entries: LedgerEntryView[];
}

export interface CheckpointView {
  treeSize: number;
  rootHash: string;
  note: string;
  signedAt: string;
  batchSize: number;
  maxMergeDelayMs: number;
}

/** China time, to the second: the ledger's times are UTC. */
export function chinaTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
