/**
 * Resolves a download token from a delivery message to the file it opens, for both workflows that
 * deliver files. Each download is sent to the order as a `download` event first, so the order
 * checks expiry and the download count and its history logs the download; a refused download is
 * a 404 like an unknown token. Information orders may deliver several files under one link:
 * `<token>.<n>` names the n-th (1-based; the bare token is the first).
 */
import {
  DOWNLOAD_TOKEN_KEY,
  SHOP_DOWNLOAD_TOKEN_KEY,
  downloadTokenHash,
  isStatdeskError,
  shopDownloadTokenHash,
  type InformationOrderContext,
  type ShopOrderView,
} from '@statdesk/core';
import type { DownloadTarget } from '@statdesk/http';
import type { PortalContext } from './portal-context';

const SYSTEM = { id: 'portal-downloads', roles: ['system'] };
/** Reads the order's file list (staff views never include the token itself). */
const READER = { id: 'portal-downloads', roles: ['supervisor'] };

export async function resolveDownload(context: Pick<PortalContext, 'desk' | 'tenantId'>, raw: string): Promise<DownloadTarget | null> {
  const { desk, tenantId } = context;
  const match = /^([A-Za-z0-9_-]{16,200})(?:\.([1-9][0-9]{0,2}))?$/.exec(raw);
  if (!match) return null;
  const token = match[1]!;
  const index = Number(match[2] ?? '1') - 1;
  try {
    const [order] = await desk.findByKey(tenantId, DOWNLOAD_TOKEN_KEY, downloadTokenHash(token));
    if (order) {
      const data = (await desk.get(order, READER)).data as InformationOrderContext;
      const file = data.delivery.files[index];
      if (!file) return null;
      await desk.send({ ...order, actor: SYSTEM, event: { type: 'download', token, fileKey: file.key } });
      return { file: { key: file.key }, filename: `${data.orderNumber}-${index + 1}${extensionOf(file.contentType)}` };
    }
    const hash = shopDownloadTokenHash(token);
    const [shopOrder] = await desk.findByKey(tenantId, SHOP_DOWNLOAD_TOKEN_KEY, hash);
    if (!shopOrder || index !== 0) return null;
    const { order: view } = (await desk.get(shopOrder, SYSTEM)).data as ShopOrderView;
    const grant = view.downloads.find((g) => g.tokenHash === hash);
    const line = view.lines.find((l) => l.lineId === grant?.lineId);
    if (!line?.fileKey) return null;
    await desk.send({ ...shopOrder, actor: SYSTEM, event: { type: 'download', token } });
    return { file: { key: line.fileKey }, filename: `${line.title}${extensionOf(undefined, line.fileKey)}` };
  } catch (error) {
    // Expired, used up, revoked: the same answer as an unknown token.
    if (isStatdeskError(error) && (error.code === 'VALIDATION' || error.code === 'NOT_FOUND' || error.code === 'INVALID_TRANSITION')) return null;
    throw error;
  }
}

function extensionOf(contentType?: string, key?: string): string {
  if (key) {
    const dot = key.lastIndexOf('.');
    return dot > key.lastIndexOf('/') ? key.slice(dot) : '';
  }
  const known: Record<string, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'application/zip': '.zip', 'text/csv': '.csv' };
  if (contentType?.includes('spreadsheetml')) return '.xlsx';
  if (contentType?.includes('wordprocessingml')) return '.docx';
  return known[contentType ?? ''] ?? '';
}
