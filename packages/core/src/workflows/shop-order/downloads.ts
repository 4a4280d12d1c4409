/**
 * Digital fulfilment: one random token (256 bits) per digital line, issued when the payment is
 * verified, valid for N days and M downloads. The token's SHA-256 is a unique instance key, so
 * the portal's download route finds the order from the link without the token being a key
 * itself. Every download is a `download` event: the order's history is the download log.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EnrichContext } from '../../engine/definition';
import { ValidationError } from '../../errors';
import type { DownloadGrant, ShopOrderContext } from './context';
import { DAY_MS, type ResolvedShopOrderOptions } from './options';

/** The instance-key name a shop download-token hash is stored under. */
export const SHOP_DOWNLOAD_TOKEN_KEY = 'shop-order.download-token';

/** The SHA-256 of a shop download token (lowercase hex). */
export function shopDownloadTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens for the order's digital lines (none when it has none). */
export function issueDownloadGrants(ctx: EnrichContext, settings: ResolvedShopOrderOptions): DownloadGrant[] {
  const order = ctx.context as ShopOrderContext;
  return order.lines
    .filter((line) => line.format === 'digital')
    .map((line) => {
      const token = randomBytes(32).toString('base64url');
      return {
        lineId: line.lineId,
        token,
        tokenHash: shopDownloadTokenHash(token),
        issuedAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + settings.download.validDays * DAY_MS),
        maxDownloads: settings.download.maxDownloads,
        downloads: 0,
      };
    });
}

/** Checks a download against the order's grants; the refusal names the limit that was hit. */
export function checkDownload(token: string, ctx: EnrichContext): { lineId: string } {
  const order = ctx.context as ShopOrderContext;
  const refuse = (message: string, code: string): never => {
    throw new ValidationError('download', [{ path: 'token', message, code }]);
  };
  const hash = shopDownloadTokenHash(token);
  const grant = order.downloads.find((g) => g.tokenHash === hash);
  if (!grant) return refuse("is not one of this order's download links", 'unknown_link');
  if (ctx.now.getTime() >= grant.expiresAt.getTime()) return refuse(`expired at ${grant.expiresAt.toISOString()}`, 'link_expired');
  if (grant.downloads >= grant.maxDownloads) return refuse(`was used ${grant.downloads} times; the limit is ${grant.maxDownloads}`, 'download_limit');
  return { lineId: grant.lineId };
}
