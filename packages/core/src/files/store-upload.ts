import type { FileContent, FileStore, StoredFile } from '../ports/files';
import { peekHead } from './peek-head';
import { checkUpload, type UploadPolicy } from './upload-policy';

/** One upload to check and store (`storeUpload`). */
export interface UploadRequest {
  /** The tenant that owns the file. */
  tenantId: string;
  /** The file-store key to store it under. */
  key: string;
  /** The bytes, streamed. */
  content: FileContent;
  /** The size and media-type limits it must meet. */
  policy: UploadPolicy;
  /** The client's Content-Type; only checked, never stored. */
  declaredType?: string;
  /** The client's Content-Length, if any: rejects an oversized file before reading it. */
  size?: number;
}

/**
 * The usual way to accept an upload: sniff the first bytes, check them against the policy, then
 * stream the file into the store under the sniffed type with the policy's size limit. Either
 * resolves the stored file or throws a `ValidationError` naming the field, having stored nothing.
 */
export async function storeUpload(store: FileStore, request: UploadRequest): Promise<StoredFile> {
  const { head, content, release } = await peekHead(request.content);
  const sniffed = await checkUpload(request.policy, {
    head,
    ...(request.size !== undefined ? { size: request.size } : {}),
    ...(request.declaredType !== undefined ? { declaredType: request.declaredType } : {}),
  }).catch(async (error: unknown) => {
    // Release the rest of the client's stream before reporting.
    await release();
    throw error;
  });
  return store.put(request.tenantId, request.key, content, { contentType: sniffed.contentType, maxBytes: request.policy.maxBytes });
}
