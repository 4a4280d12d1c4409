import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rename, rm, stat as statPath, type FileHandle } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import {
  ContentMeter,
  ValidationError,
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
import { isErrno, makeDirectoryDurably, syncDirectory, writeFully } from './durable-fs';
import { KeyedMutex } from './keyed-mutex';
import { BLOB_SUFFIX, SIDECAR_SUFFIX, TEMP_SUFFIX, locateFile, tenantDirectory, type FileLocation } from './layout';
import { parseSidecar, sidecarFor, storedFileOf, type Sidecar } from './sidecar';

/** Options of {@link localFileStore}. */
export interface LocalFileStoreOptions {
  /** Directory the store owns; created if missing. Give each store its own. */
  root: string;
  /** Stamps `createdAt`; the system clock by default. */
  clock?: Clock;
  /** Bytes per chunk when reading a file back (64 KiB by default). */
  readChunkBytes?: number;
}

/** Options of {@link LocalFileStore.sweep}. */
export interface SweepOptions {
  /** Only leftovers older than this are removed, so writes in flight are left alone (1 hour by default). */
  olderThanMs?: number;
}

/** What {@link LocalFileStore.sweep} removed. */
export interface SweepReport {
  /** Temp files of writes that crashed or were killed. */
  removedTempFiles: number;
  /** Blobs no sidecar points to (a crash between commit and cleanup, or two processes racing). */
  removedOrphanBlobs: number;
}

/**
 * A `FileStore` on the local disk: each write lands in a temp file, is fsynced and renamed, then committed by
 * a small JSON sidecar, so a crash leaves either the old file or the new one, never a torn one.
 */
export interface LocalFileStore extends FileStore {
  /** The directory the store owns (absolute). */
  readonly root: string;
  /** Reclaims the space crashed writes left behind. Never touches a committed file. */
  sweep(options?: SweepOptions): Promise<SweepReport>;
}

// Receipts and student cards are personal data: readable by the service's user only.
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;
/** A sidecar can be swapped between reading it and opening its blob; re-reading settles it. */
const READ_ATTEMPTS = 5;

/**
 * A `FileStore` on the local disk. Writes stream to a temp file in the file's own directory, are
 * fsynced and renamed into place, and only then does an atomically renamed sidecar point to
 * them — so readers see the old file or the new one whole, and a crash at any moment leaves no
 * partial file (only temp files, which `sweep` removes).
 *
 * Several processes may share a root: each commit is an atomic rename, so they never corrupt a
 * file, though racing replaces of one key can leave an unreferenced blob for `sweep`.
 */
export function localFileStore(options: LocalFileStoreOptions): LocalFileStore {
  if (typeof options?.root !== 'string' || options.root.length === 0) {
    throw new TypeError('localFileStore: `root` must be a directory path');
  }
  const root = isAbsolute(options.root) ? options.root : resolve(options.root);
  const clock = options.clock ?? systemClock;
  const readChunkBytes = options.readChunkBytes ?? 64 * 1024;
  const commits = new KeyedMutex();

  async function readSidecar(location: FileLocation, tenantId: string, key: string): Promise<Sidecar | undefined> {
    let text: string;
    try {
      text = await readFile(location.sidecar, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT', 'ENOTDIR')) return undefined;
      throw error;
    }
    const sidecar = parseSidecar(text, location.sidecar);
    if (sidecar.tenantId !== tenantId || sidecar.key !== key || !sidecar.blob.startsWith(`${location.stem}.`)) {
      throw new Error(`File sidecar does not match its location: ${location.sidecar}`);
    }
    return sidecar;
  }

  async function writeSidecarTemp(location: FileLocation, sidecar: Sidecar): Promise<string> {
    const temp = join(location.dir, `${location.stem}.${randomUUID()}${SIDECAR_SUFFIX}${TEMP_SUFFIX}`);
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await writeFully(handle, Buffer.from(JSON.stringify(sidecar), 'utf8'));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  }

  const store: LocalFileStore = {
    root,

    async put(tenantId: string, key: string, content: FileContent, putOptions: PutFileOptions): Promise<StoredFile> {
      checkFileLocation(tenantId, key);
      checkPutOptions(putOptions);
      const location = locateFile(root, tenantId, key);
      await makeDirectoryDurably(location.dir, DIRECTORY_MODE);
      const blob = `${location.stem}.${randomUUID()}${BLOB_SUFFIX}`;
      const tempBlob = join(location.dir, blob + TEMP_SUFFIX);
      // Everything this put created, removed again if it does not commit.
      const leftovers = [tempBlob];
      try {
        const meter = new ContentMeter(putOptions.maxBytes);
        const handle = await open(tempBlob, 'wx', FILE_MODE);
        try {
          // One chunk in flight at a time: memory stays flat whatever the file's size.
          for await (const chunk of fileChunks(content)) await writeFully(handle, meter.add(chunk));
          await handle.sync();
        } finally {
          await handle.close();
        }
        leftovers.push(join(location.dir, blob));
        await rename(tempBlob, join(location.dir, blob));
        const file: StoredFile = {
          tenantId,
          key,
          size: meter.size,
          sha256: meter.digest(),
          contentType: putOptions.contentType,
          createdAt: clock.now(),
        };
        const tempSidecar = await writeSidecarTemp(location, sidecarFor(file, blob));
        leftovers.push(tempSidecar);
        await commits.run(location.sidecar, async () => {
          const previous = await readSidecar(location, tenantId, key).catch(() => undefined);
          await rename(tempSidecar, location.sidecar);
          leftovers.length = 0;
          await syncDirectory(location.dir);
          // The new file is committed; an old blob that cannot be removed now is left to `sweep`.
          if (previous && previous.blob !== blob) await rm(join(location.dir, previous.blob), { force: true }).catch(() => undefined);
        });
        return file;
      } catch (error) {
        await Promise.all(leftovers.map((path) => rm(path, { force: true })));
        throw error;
      }
    },

    async get(tenantId, key) {
      checkFileLocation(tenantId, key);
      const location = locateFile(root, tenantId, key);
      for (let attempt = 1; ; attempt++) {
        const sidecar = await readSidecar(location, tenantId, key);
        if (!sidecar) return undefined;
        let handle: FileHandle;
        try {
          // Opened now, so the stream reads this version even if it is replaced or deleted later.
          handle = await open(join(location.dir, sidecar.blob), 'r');
        } catch (error) {
          if (isErrno(error, 'ENOENT') && attempt < READ_ATTEMPTS) continue;
          throw error;
        }
        return { file: storedFileOf(sidecar), content: readBlob(handle, readChunkBytes) };
      }
    },

    async stat(tenantId, key) {
      checkFileLocation(tenantId, key);
      const sidecar = await readSidecar(locateFile(root, tenantId, key), tenantId, key);
      return sidecar && storedFileOf(sidecar);
    },

    async delete(tenantId, key) {
      checkFileLocation(tenantId, key);
      const location = locateFile(root, tenantId, key);
      await commits.run(location.sidecar, async () => {
        const sidecar = await readSidecar(location, tenantId, key);
        if (!sidecar) return;
        await rm(location.sidecar, { force: true });
        await syncDirectory(location.dir);
        // Deleted once the sidecar is gone; a blob that cannot be removed now is left to `sweep`.
        await rm(join(location.dir, sidecar.blob), { force: true }).catch(() => undefined);
      });
    },

    async list(tenantId: string, listOptions?: ListFilesOptions): Promise<FileListing> {
      checkFileTenant(tenantId);
      const { prefix, after, limit } = resolveListOptions(listOptions);
      // Keys are hashed on disk, so listing reads every sidecar of the tenant: fine for sweeps
      // and admin pages, not for a hot path.
      const matching: StoredFile[] = [];
      for (const path of await filesUnder(tenantDirectory(root, tenantId))) {
        if (!path.endsWith(SIDECAR_SUFFIX)) continue;
        const text = await readFile(path, 'utf8').catch((error: unknown) => {
          if (isErrno(error, 'ENOENT')) return undefined; // deleted while listing
          throw error;
        });
        if (text === undefined) continue;
        const sidecar = parseSidecar(text, path);
        if (sidecar.tenantId !== tenantId) continue;
        if (sidecar.key.startsWith(prefix) && (after === undefined || sidecar.key > after)) matching.push(storedFileOf(sidecar));
      }
      matching.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const files = matching.slice(0, limit);
      return matching.length > limit ? { files, nextAfter: files[files.length - 1]!.key } : { files };
    },

    async sweep(sweepOptions: SweepOptions = {}): Promise<SweepReport> {
      const olderThanMs = sweepOptions.olderThanMs ?? 60 * 60 * 1000;
      if (!(Number.isFinite(olderThanMs) && olderThanMs >= 0)) {
        throw new ValidationError('sweep options', [{ path: 'olderThanMs', message: 'must be zero or more milliseconds', code: 'invalid_number' }]);
      }
      const cutoff = Date.now() - olderThanMs;
      const report: SweepReport = { removedTempFiles: 0, removedOrphanBlobs: 0 };
      const paths = await filesUnder(root);
      const referenced = new Set<string>();
      for (const path of paths) {
        if (!path.endsWith(SIDECAR_SUFFIX)) continue;
        const text = await readFile(path, 'utf8').catch(() => undefined);
        if (text !== undefined) referenced.add(join(path, '..', parseSidecar(text, path).blob));
      }
      for (const path of paths) {
        const isTemp = path.endsWith(TEMP_SUFFIX);
        if (!isTemp && !(path.endsWith(BLOB_SUFFIX) && !referenced.has(path))) continue;
        const info = await statPath(path).catch(() => undefined);
        if (!info || info.mtimeMs > cutoff) continue;
        if (!isTemp) {
          // Re-check under the key's lock: a put may have committed this blob since the scan.
          const stem = basename(path).split('.')[0]!;
          const sidecarPath = join(path, '..', `${stem}${SIDECAR_SUFFIX}`);
          const stillOrphan = await commits.run(sidecarPath, async () => {
            const text = await readFile(sidecarPath, 'utf8').catch(() => undefined);
            return text === undefined || join(path, '..', parseSidecar(text, sidecarPath).blob) !== path;
          });
          if (!stillOrphan) continue;
        }
        await rm(path, { force: true });
        if (isTemp) report.removedTempFiles++;
        else report.removedOrphanBlobs++;
      }
      return report;
    },
  };
  return store;
}

/** Streams a blob from an open handle and closes it when done, failed or abandoned. */
async function* readBlob(handle: FileHandle, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const stream = handle.createReadStream({ highWaterMark: chunkBytes, autoClose: true });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    stream.destroy();
  }
}

/** Every file (not directory) below `dir`, recursively; none if it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
}
