export interface LedgerHashAddon {
  /** out[32i, 32i+32) = SHA-256(prefix || data[offsets[i], offsets[i+1])), i < count; prefix -1 for none. */
  hashRecords(data: Uint8Array, offsets: Uint32Array, count: number, prefix: number, out: Uint8Array): void;
  /** out[32j, 32j+32) = SHA-256(0x01 || level[64j, 64j+64)), j < m / 2. */
  hashPairs(level: Uint8Array, m: number, out: Uint8Array): void;
}

export const native: LedgerHashAddon | null;
export const nativeUnavailable: string | null;
