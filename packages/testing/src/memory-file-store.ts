import {
  ContentMeter,
  checkFileLocation,
  checkFileTenant,
  checkPutOptions,
  fileChunks,
  resolveListOptions,
  systemClock,
  type Clock,
  type FileContent,
  type FileListing,
  type FileStore,
  type ListFilesOptions,
  type PutFileOptions,
  type StoredFile,
} from '@statdesk/core';

/** Chunk size `get` streams in, so large files arrive as a stream here as from a disk. */
const READ_CHUNK_BYTES = 64 * 1024;

interface MemoryObject {
  file: StoredFile;
  bytes: Uint8Array;
}

const copyFile = (file: StoredFile): StoredFile => ({ ...file, createdAt: new Date(file.createdAt) });

/**
 * A `FileStore` held in memory, for tests and examples. It passes the same conformance suite as
 * the disk adapter; `oracle` reads its contents without going through the port.
 */
export class MemoryFileStore implements FileStore {
  readonly #objects = new Map<string, Map<string, MemoryObject>>();
  readonly #clock: Clock;

  constructor(options: { clock?: Clock } = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  async put(tenantId: string, key: string, content: FileContent, options: PutFileOptions): Promise<StoredFile> {
    checkFileLocation(tenantId, key);
    checkPutOptions(options);
    const meter = new ContentMeter(options.maxBytes);
    const parts: Uint8Array[] = [];
    for await (const chunk of fileChunks(content)) parts.push(Uint8Array.from(meter.add(chunk)));
    // Nothing is visible until this single synchronous commit, so a failed or racing put never
    // shows a partial file: the last put to finish wins whole.
    const file: StoredFile = {
      tenantId,
      key,
      size: meter.size,
      sha256: meter.digest(),
      contentType: options.contentType,
      createdAt: this.#clock.now(),
    };
    let tenant = this.#objects.get(tenantId);
    if (!tenant) this.#objects.set(tenantId, (tenant = new Map()));
    tenant.set(key, { file, bytes: concat(parts, meter.size) });
    return copyFile(file);
  }

  async get(tenantId: string, key: string): Promise<{ file: StoredFile; content: AsyncIterable<Uint8Array> } | undefined> {
    checkFileLocation(tenantId, key);
    const object = this.#objects.get(tenantId)?.get(key);
    // Stored bytes are never mutated (a replace stores new ones), so a read in progress keeps
    // seeing the version it started with.
    return object && { file: copyFile(object.file), content: stream(object.bytes) };
  }

  async stat(tenantId: string, key: string): Promise<StoredFile | undefined> {
    checkFileLocation(tenantId, key);
    const object = this.#objects.get(tenantId)?.get(key);
    return object && copyFile(object.file);
  }

  async delete(tenantId: string, key: string): Promise<void> {
    checkFileLocation(tenantId, key);
    this.#objects.get(tenantId)?.delete(key);
  }

  async list(tenantId: string, options?: ListFilesOptions): Promise<FileListing> {
    checkFileTenant(tenantId);
    const { prefix, after, limit } = resolveListOptions(options);
    const matching = [...(this.#objects.get(tenantId)?.values() ?? [])]
      .map((o) => o.file)
      .filter((f) => f.key.startsWith(prefix) && (after === undefined || f.key > after))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const files = matching.slice(0, limit).map(copyFile);
    return matching.length > limit ? { files, nextAfter: files[files.length - 1]!.key } : { files };
  }

  /** Direct reads for tests and the conformance suite. */
  readonly oracle = {
    bytes: (tenantId: string, key: string): Uint8Array | undefined => {
      const bytes = this.#objects.get(tenantId)?.get(key)?.bytes;
      return bytes && Uint8Array.from(bytes);
    },
    artefacts: (): string[] =>
      [...this.#objects].flatMap(([tenantId, objects]) => [...objects.keys()].map((key) => JSON.stringify([tenantId, key]))),
  };
}

async function* stream(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += READ_CHUNK_BYTES) {
    yield bytes.slice(offset, offset + READ_CHUNK_BYTES);
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
