/**
 * Delivery: prepared files are file-store references; the applicant gets a download link whose
 * token is random (256 bits), expires after N days and M downloads, and can be revoked or
 * reissued. The token's SHA-256 is a unique instance key, so a portal finds the order from the
 * link (`desk.findByKey(tenantId, DOWNLOAD_TOKEN_KEY, downloadTokenHash(token))`) without the
 * token itself being stored as a key. Every download is an event: the history is the log.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { EnrichContext } from '../../engine/definition';
import { ValidationError } from '../../errors';
import type { DownloadLink, InformationOrderContext } from './context';
import { DAY_MS } from './deadlines';
import type { ResolvedInformationOrderOptions } from './options';
import { sha256Hex } from './receipt-review';

/** The instance-key name an order's download-token hash is stored under. */
export const DOWNLOAD_TOKEN_KEY = 'information-order.download-token';

/** The SHA-256 of a download token (lowercase hex): what a portal looks an order up by. */
export function downloadTokenHash(token: string): string {
  return sha256Hex(token);
}

export function issueDownloadLink(ctx: EnrichContext, settings: ResolvedInformationOrderOptions): { link: DownloadLink; closesAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now.getTime() + settings.download.validDays * DAY_MS);
  return {
    link: { id: randomUUID(), token, tokenHash: downloadTokenHash(token), issuedAt: ctx.now, expiresAt, maxDownloads: settings.download.maxDownloads, downloads: 0 },
    closesAt: new Date(expiresAt.getTime() + settings.download.closeAfterDays * DAY_MS),
  };
}

/** Checks a download against the current link; the refusal says which limit was hit. */
export function checkDownload(fields: { token: string; fileKey: string }, ctx: EnrichContext): { linkId: string } {
  const subject = 'download';
  const { link, files } = (ctx.context as InformationOrderContext).delivery;
  const refuse = (path: string, message: string, code: string): never => {
    throw new ValidationError(subject, [{ path, message, code }]);
  };
  if (!link || downloadTokenHash(fields.token) !== link.tokenHash) return refuse('token', "is not this order's current download link", 'unknown_link');
  if (link.revokedAt) return refuse('token', `was revoked at ${link.revokedAt.toISOString()}`, 'link_revoked');
  if (ctx.now.getTime() >= link.expiresAt.getTime()) return refuse('token', `expired at ${link.expiresAt.toISOString()}`, 'link_expired');
  if (link.downloads >= link.maxDownloads) return refuse('token', `was used ${link.downloads} times; the limit is ${link.maxDownloads}`, 'download_limit');
  if (!files.some((f) => f.key === fields.fileKey)) return refuse('fileKey', 'is not a delivered file of this order', 'unknown_file');
  return { linkId: link.id };
}
