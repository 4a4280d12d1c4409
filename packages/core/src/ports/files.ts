/**
 * The file-store port: bank-receipt scans, student cards, complaint attachments and prepared
 * data files. `@statdesk/testing` has `MemoryFileStore`; `@statdesk/files-local` stores on disk.
 * Every adapter must pass `describeFileStoreConformance` from `@statdesk/testing/conformance`.
 *
 * Contract (every method):
 * - A file is addressed by `(tenantId, key)`. Tenants never see each other's files: the same key
 *   in two tenants is two files, and a read in one tenant never returns the other's.
 * - Keys are relative, `/`-separated paths chosen by the caller (never a user's file name), e.g.
 *   `receipts/ord-123/1.pdf`. A key with an empty, `.` or `..` segment, a leading `/`, a
 *   backslash, a drive prefix or a control character (NUL included) is rejected with a
 *   `ValidationError` naming `key`, before anything is read or written. `checkFileLocation` in
 *   `@statdesk/core` applies these rules; adapters call it first.
 *
 * `put`:
 * - MUST consume the content as a stream (never require it whole in memory) and resolve with
 *   the size and SHA-256 (lowercase hex) of exactly the bytes stored, and the given contentType.
 * - `put` on an existing key replaces it as a new file (new `createdAt`).
 * - MUST be atomic: readers see the old file or the new one, never part of the new one. A `put`
 *   that fails — `maxBytes` exceeded (`ValidationError` naming `size`), a chunk that is not a
 *   `Uint8Array` (naming `content`), the input stream throwing (that error is rethrown), a crash —
 *   leaves the previous file (if any) as it was and no trace of the new one.
 * - Concurrent puts to one key end with exactly one of them stored, complete, never a mix.
 * - The store MUST NOT keep a reference to the caller's chunks (it may reuse its buffers).
 *
 * `get` resolves `undefined` for a missing key. Otherwise `content` is a fresh, single-use
 * stream of exactly the bytes `file` describes, even if the key is replaced or deleted while it
 * is being read. Read it to the end or stop early with `break`/`return()` so the adapter can
 * release what it holds.
 *
 * `stat` resolves the description alone. `delete` is idempotent (a missing key is not an error).
 *
 * `list` exists because uploads happen before the command that records them: a file whose
 * command failed is an orphan, and a sweeper finds it by prefix and `createdAt`. It returns the
 * tenant's files whose key starts with `prefix`, in ascending key order (JavaScript string
 * order), at most `limit` (default 100, at most 1000), starting after the key `after`;
 * `nextAfter` is set when more may follow.
 */
export interface StoredFile {
  /** The tenant that owns it. */
  tenantId: string;
  /** Its key within the tenant. */
  key: string;
  /** Bytes stored. */
  size: number;
  /** SHA-256 of the stored bytes, lowercase hex. Identical files have identical hashes. */
  sha256: string;
  /** Its media type, as given to `put` (sniffed, not the client's claim). */
  contentType: string;
  /** When this version of the file was stored (a replace sets a new one). */
  createdAt: Date;
}

/** What `put` accepts: all the bytes at once, or a stream of chunks (a Node `Readable` is one). */
export type FileContent = AsyncIterable<Uint8Array> | Uint8Array;

/** Options of `FileStore.put`. */
export interface PutFileOptions {
  /** A MIME type such as `application/pdf`; sniff it (`sniffContentType`), do not trust the client. */
  contentType: string;
  /** Reject the file (and store nothing) once it exceeds this many bytes. */
  maxBytes?: number;
}

/** Paging of `FileStore.list`. */
export interface ListFilesOptions {
  /** Only keys starting with this. */
  prefix?: string;
  /** Start after this key (the previous page's `nextAfter`). */
  after?: string;
  /** Page size (default 100, at most 1000). */
  limit?: number;
}

/** One page of files, in ascending key order. */
export interface FileListing {
  /** The files on this page. */
  files: StoredFile[];
  /** Pass as `after` to read the next page; absent on the last page. */
  nextAfter?: string;
}

/**
 * The file-store port (see the module contract above): receipts, student cards, attachments and data files,
 * per tenant, written atomically and read as streams.
 */
export interface FileStore {
  /** Stores `content` under the key atomically, streaming; resolves with its size and SHA-256. */
  put(tenantId: string, key: string, content: FileContent, options: PutFileOptions): Promise<StoredFile>;
  /** The file and a single-use stream of its bytes, or `undefined` when missing. */
  get(tenantId: string, key: string): Promise<{ file: StoredFile; content: AsyncIterable<Uint8Array> } | undefined>;
  /** The file's description alone, or `undefined`. */
  stat(tenantId: string, key: string): Promise<StoredFile | undefined>;
  /** Deletes the file; a missing key is not an error. */
  delete(tenantId: string, key: string): Promise<void>;
  /** The tenant's files by key prefix, paginated. */
  list(tenantId: string, options?: ListFilesOptions): Promise<FileListing>;
}
