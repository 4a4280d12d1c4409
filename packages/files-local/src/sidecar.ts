import type { StoredFile } from '@statdesk/core';

/** The sidecar: a file's description and the blob holding its bytes. Its rename commits a put. */
export interface Sidecar {
  format: 1;
  tenantId: string;
  key: string;
  size: number;
  sha256: string;
  contentType: string;
  createdAt: string;
  /** File name of the blob in the same directory. */
  blob: string;
}

export function sidecarFor(file: StoredFile, blob: string): Sidecar {
  const { tenantId, key, size, sha256, contentType, createdAt } = file;
  return { format: 1, tenantId, key, size, sha256, contentType, createdAt: createdAt.toISOString(), blob };
}

export function storedFileOf(sidecar: Sidecar): StoredFile {
  const { tenantId, key, size, sha256, contentType, createdAt } = sidecar;
  return { tenantId, key, size, sha256, contentType, createdAt: new Date(createdAt) };
}

/** Parses a sidecar, refusing anything that is not one (a damaged disk, a foreign file). */
export function parseSidecar(text: string, path: string): Sidecar {
  const value: unknown = JSON.parse(text);
  const v = value as Partial<Sidecar>;
  const valid =
    typeof value === 'object' &&
    value !== null &&
    v.format === 1 &&
    typeof v.tenantId === 'string' &&
    typeof v.key === 'string' &&
    Number.isSafeInteger(v.size) &&
    typeof v.sha256 === 'string' &&
    typeof v.contentType === 'string' &&
    typeof v.createdAt === 'string' &&
    !Number.isNaN(Date.parse(v.createdAt)) &&
    typeof v.blob === 'string' &&
    /^[0-9a-f]{64}\.[0-9a-f-]+\.bin$/.test(v.blob);
  if (!valid) throw new Error(`Not a statdesk file sidecar: ${path}`);
  return v as Sidecar;
}
