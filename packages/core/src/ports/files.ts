/**
 * The file-store port: receipts, student cards and prepared data files.
 *
 * Contract:
 * - Keys are opaque strings chosen by the caller, unique per tenant; `put` on an existing key
 *   replaces it.
 * - `put` consumes the stream and resolves with the stored size and SHA-256 (hex) of exactly
 *   the bytes stored; a failed `put` leaves no object behind.
 * - `get` resolves `undefined` for a missing key (or another tenant's).
 */
export interface StoredFile {
  tenantId: string;
  key: string;
  size: number;
  sha256: string;
  contentType: string;
  createdAt: Date;
}

export interface FileStore {
  put(
    tenantId: string,
    key: string,
    content: AsyncIterable<Uint8Array> | Uint8Array,
    options: { contentType: string; maxBytes?: number },
  ): Promise<StoredFile>;
  get(tenantId: string, key: string): Promise<{ file: StoredFile; content: AsyncIterable<Uint8Array> } | undefined>;
  stat(tenantId: string, key: string): Promise<StoredFile | undefined>;
  delete(tenantId: string, key: string): Promise<void>;
}
