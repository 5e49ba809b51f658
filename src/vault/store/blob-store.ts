import type { Readable } from 'node:stream';

/** What a finished write measured. */
export interface BlobDigest {
  sha256: string;
  size: number;
}

/** One write in progress: bytes go to a private temporary object until `commit`. */
export interface BlobWriter {
  /** Consumes the stream, hashing as it goes; stops with an error past `maxBytes`. */
  receive(body: Readable, opts?: { maxBytes?: number }): Promise<BlobDigest>;
  /** Makes the object visible under its digest; a no-op when it is there already. */
  commit(): Promise<void>;
  /** Drops the temporary object. Safe to call twice and after `commit`. */
  abort(): Promise<void>;
}

/**
 * Content-addressed storage of captured files, by SHA-256. The file system
 * store is the default; an S3-compatible store implements the same interface
 * (a multipart upload for the writer, the digest as key, ranged GET for reads).
 */
export interface BlobStore {
  begin(): Promise<BlobWriter>;
  has(sha256: string): Promise<boolean>;
  size(sha256: string): Promise<number | undefined>;
  /** Bytes `start..end` inclusive, or the whole object. */
  read(sha256: string, range?: { start: number; end: number }): Readable;
  remove(sha256: string): Promise<void>;
  /** Every stored digest, and leftover temporary objects, for reconciliation. */
  list(): AsyncIterable<{ sha256: string; modifiedAt: Date }>;
  /** Removes temporary objects older than `olderThan`; returns how many. */
  clearTemporary(olderThan: Date): Promise<number>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
