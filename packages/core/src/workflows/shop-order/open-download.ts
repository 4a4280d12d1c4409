/**
 * The portal's download route: from the link's token to the file's bytes. The download is
 * logged (a `download` event, which also enforces expiry and the count) before any byte is
 * read, so a refused download sends nothing and every download sent is in the history.
 */
import { systemActor } from '../../engine/actor';
import type { Desk } from '../../engine/desk';
import { NotFoundError, ValidationError } from '../../errors';
import type { FileStore, StoredFile } from '../../ports/files';
import { SHOP_DOWNLOAD_TOKEN_KEY, shopDownloadTokenHash } from './downloads';
import type { ShopOrderView } from './view';

/** An opened shop download: the file and its bytes. */
export interface ShopDownload {
  /** The order it belongs to. */
  orderNumber: string;
  /** The line it delivers. */
  lineId: string;
  /** The product title. */
  title: string;
  /** The stored file. */
  file: StoredFile;
  /** Its bytes, as a single-use stream. */
  content: AsyncIterable<Uint8Array>;
}

/**
 * Opens the file behind a shop download token: checks the token (expiry, count), records the download on the
 * order, then streams the file.
 */
export async function openShopDownload(desk: Desk, files: FileStore, input: { tenantId: string; token: string }): Promise<ShopDownload> {
  if (typeof input.token !== 'string' || input.token.length < 16 || input.token.length > 200) {
    throw new ValidationError('download', [{ path: 'token', message: 'is not a download link', code: 'unknown_link' }]);
  }
  const hash = shopDownloadTokenHash(input.token);
  const [ref] = await desk.findByKey(input.tenantId, SHOP_DOWNLOAD_TOKEN_KEY, hash);
  if (!ref) throw new NotFoundError('download link', `${hash.slice(0, 12)}…`);
  const { order } = (await desk.get(ref, systemActor)).data as ShopOrderView;
  const grant = order.downloads.find((g) => g.tokenHash === hash);
  const line = order.lines.find((l) => l.lineId === grant?.lineId);
  if (!line?.fileKey) throw new NotFoundError('download link', `${hash.slice(0, 12)}…`);
  // A missing file is found out before the download is counted.
  if (!(await files.stat(input.tenantId, line.fileKey))) throw new NotFoundError('download file', line.fileKey);
  await desk.send({ ...ref, actor: systemActor, event: { type: 'download', token: input.token } });
  const stored = await files.get(input.tenantId, line.fileKey);
  if (!stored) throw new NotFoundError('download file', line.fileKey);
  return { orderNumber: order.orderNumber, lineId: line.lineId, title: line.title, ...stored };
}
