/**
 * Who an upload belongs to, carried in its key: `uploads/<owner>/<yyyy-mm>/<uuid>`, where `<owner>`
 * is a digest of the uploader's actor id (never the id itself). An event that names an upload in
 * this layout is accepted only from its uploader: to anyone else the file does not exist, so a
 * citizen who learns another citizen's upload key cannot attach that file. Keys in another layout
 * (a portal's own `uploads.key`) carry no owner and are not checked; put `uploadOwnerSegment` in
 * them to have them checked.
 */
import { createHash } from 'node:crypto';

const OWNED_UPLOAD = /^uploads\/([0-9a-f]{32})\/[^/]+\/[^/]+$/;

/** The key segment that names `actorId` as an upload's owner (32 hex digits of a SHA-256). */
export function uploadOwnerSegment(actorId: string): string {
  return createHash('sha256').update('statdesk-upload-owner\u0000').update(actorId).digest('hex').slice(0, 32);
}

/** The default key of a new upload by `actorId`: `uploads/<owner>/<yyyy-mm>/<id>`. */
export function ownedUploadKey(actorId: string, now: Date, id: string): string {
  return `uploads/${uploadOwnerSegment(actorId)}/${now.toISOString().slice(0, 7)}/${id}`;
}

/** Whether `actorId` may name the upload at `key` in an event: its owner, or any key without an owner. */
export function mayUseUpload(key: string, actorId: string): boolean {
  const owner = OWNED_UPLOAD.exec(key)?.[1];
  return owner === undefined || owner === uploadOwnerSegment(actorId);
}
