import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * Where a file lives under the root. Nothing from the caller reaches a path verbatim: the tenant
 * directory is a readable slug plus a hash of the exact tenant id, and a key becomes the SHA-256
 * of its UTF-8 bytes, sharded two levels deep. So no key or tenant id can traverse, collide on a
 * case-insensitive disk, or exceed a file-name limit.
 *
 *   <root>/<tenant-slug>-<16 hex>/<h0h1>/<h2h3>/<h>.json          the sidecar (commit record)
 *   <root>/<tenant-slug>-<16 hex>/<h0h1>/<h2h3>/<h>.<id>.bin      the bytes it points to
 *   …/<h>.<id>.bin.tmp, …/<h>.<id>.json.tmp                       a write in flight (or crashed)
 */
export interface FileLocation {
  /** The shard directory holding the sidecar and its blobs. */
  dir: string;
  /** Hex SHA-256 of the key: the stem of every file name for this key. */
  stem: string;
  sidecar: string;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * The directory name a tenant's files live under: a readable slug of the id plus 16 hex digits of its
 * SHA-256, so two ids never share a directory and no id can traverse or exceed a file-name limit.
 */
export function tenantDirectoryName(tenantId: string): string {
  const slug = tenantId.toLowerCase().replace(/[^a-z0-9-]+/g, '_').slice(0, 32) || '_';
  return `${slug}-${sha256(tenantId).slice(0, 16)}`;
}

export function tenantDirectory(root: string, tenantId: string): string {
  return join(root, tenantDirectoryName(tenantId));
}

export function locateFile(root: string, tenantId: string, key: string): FileLocation {
  const stem = sha256(key);
  const dir = join(tenantDirectory(root, tenantId), stem.slice(0, 2), stem.slice(2, 4));
  return { dir, stem, sidecar: join(dir, `${stem}.json`) };
}

export const SIDECAR_SUFFIX = '.json';
export const BLOB_SUFFIX = '.bin';
export const TEMP_SUFFIX = '.tmp';
