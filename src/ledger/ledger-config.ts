import path from 'node:path';

/** How the ledger runs; read from the environment by `ledgerConfigFrom`. */
export interface LedgerConfig {
  /** The Ed25519 signing key, in the signed-note private key form; kept out of the database. */
  keyFile: string;
  /** The log's identity in checkpoints; fixed when the first key is made. Defaults to a generated one. */
  origin?: string;
  /** Longest a queued leaf may wait for a signed checkpoint. */
  maxMergeDelayMs: number;
  /** Most leaves integrated in one transaction. */
  batchLimit: number;
  /**
   * Every batch signs a checkpoint; the history keeps one at most this often
   * (plus the first and every key hand-over), so a trickle of single-leaf
   * batches does not fill the table with signatures. 0 keeps them all.
   */
  checkpointHistoryMs: number;
}

export const DEFAULT_MAX_MERGE_DELAY_MS = 1000;

export function defaultKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'ledger-signing.key');
}

/**
 * `JIFANG_LEDGER_KEY_FILE` (default `<data dir>/keys/ledger-signing.key`),
 * `JIFANG_LEDGER_ORIGIN`, `JIFANG_LEDGER_MAX_MERGE_DELAY_MS` (default 1000),
 * `JIFANG_LEDGER_BATCH` (default 10000), `JIFANG_LEDGER_CHECKPOINT_HISTORY_MS`
 * (default 60000).
 */
export function ledgerConfigFrom(dataDir: string, env: NodeJS.ProcessEnv = process.env, overrides: Partial<LedgerConfig> = {}): LedgerConfig {
  const mmd = Number(env.JIFANG_LEDGER_MAX_MERGE_DELAY_MS ?? DEFAULT_MAX_MERGE_DELAY_MS);
  const batch = Number(env.JIFANG_LEDGER_BATCH ?? 10_000);
  const history = Number(env.JIFANG_LEDGER_CHECKPOINT_HISTORY_MS ?? 60_000);
  return {
    keyFile: path.resolve(env.JIFANG_LEDGER_KEY_FILE || defaultKeyFile(dataDir)),
    origin: env.JIFANG_LEDGER_ORIGIN || undefined,
    maxMergeDelayMs: Number.isFinite(mmd) && mmd > 0 ? mmd : DEFAULT_MAX_MERGE_DELAY_MS,
    batchLimit: Number.isInteger(batch) && batch > 0 ? batch : 10_000,
    checkpointHistoryMs: Number.isFinite(history) && history >= 0 ? history : 60_000,
    ...overrides,
  };
}
