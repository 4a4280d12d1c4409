/**
 * Uploads (`POST /files`) and token downloads (`GET /downloads/:token`). An upload answers a file
 * reference that later events carry; a download streams the file the portal's resolver names.
 */
import { randomUUID } from 'node:crypto';
import { attachmentUploadPolicy, NotFoundError, ownedUploadKey, receiptUploadPolicy, ValidationError, type UploadPolicy } from '@statdesk/core';
import { attachmentDisposition } from '../content-disposition';
import { discardBody } from '../discard-body';
import { downloadContentType } from '../download-content-type';
import { jsonResponse } from '../json';
import type { StoredFileReference } from '../options';
import { spendToken } from '../public-rate-limit';
import { receiveUpload } from '../receive-upload';
import type { RequestScope } from '../request-scope';

/**
 * The upload policies a client may pick when none are configured: `default` (an attachment) and `receipt`.
 */
export const DEFAULT_UPLOAD_POLICIES: Readonly<Record<string, UploadPolicy>> = Object.freeze({
  default: attachmentUploadPolicy,
  receipt: receiptUploadPolicy,
});

/** `POST /files?policy=<name>`: one multipart file in field `file`, answered as a file reference. */
export async function uploadFile(scope: RequestScope): Promise<Response> {
  const identity = await scope.requireIdentity();
  const { options, desk } = scope.runtime;
  const store = options.files;
  if (!store) throw new NotFoundError('route', 'POST /files');
  const policies = options.uploads?.policies ?? DEFAULT_UPLOAD_POLICIES;
  const policyName = scope.url.searchParams.get('policy') ?? 'default';
  const policy = Object.hasOwn(policies, policyName) ? policies[policyName] : undefined;
  if (!policy) {
    await discardBody(scope.request.body);
    throw new ValidationError('upload', [{ path: 'policy', message: `must be one of: ${Object.keys(policies).join(', ')}`, code: 'invalid_value' }]);
  }
  const now = desk.clock.now();
  // By default the key names its uploader, so only they can attach it (see upload-owner.ts in core).
  const key = options.uploads?.key ? options.uploads.key({ identity, policy: policyName, now }) : ownedUploadKey(identity.actor.id, now, randomUUID());
  const file = await receiveUpload(scope.request, { store, tenantId: identity.tenantId, key, policy });
  const reference: StoredFileReference = { key: file.key, sha256: file.sha256, size: file.size, contentType: file.contentType };
  return jsonResponse(201, reference);
}

/**
 * `GET /downloads/:token`: rate limited like the public routes. Unknown, expired and used-up
 * tokens get one and the same 404, so a guesser learns nothing.
 */
export async function download(scope: RequestScope): Promise<Response> {
  const { options, limiter } = scope.runtime;
  await spendToken(limiter, scope.clientKey());
  const store = options.files;
  const resolve = options.downloads;
  if (!store || !resolve) throw new NotFoundError('route', 'GET /downloads/:token');
  const context = await scope.routeContext();
  const gone = new NotFoundError('download', 'link (unknown or expired)');
  const target = await resolve(scope.param('token'), context);
  if (!target) throw gone;
  const found = await store.get(context.tenantId, target.file.key);
  if (!found) throw gone;
  return new Response(toStream(found.content), {
    status: 200,
    headers: {
      'content-type': downloadContentType(found.file.contentType),
      'content-length': String(found.file.size),
      'content-disposition': attachmentDisposition(target.filename),
      etag: `"${found.file.sha256}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      // A stored file is data, never a page of ours: nothing in it may run.
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}

/** A web stream over the store's chunks that pulls only as fast as the client reads. */
function toStream(content: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = content[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        // The client went away: let the store release the file.
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
