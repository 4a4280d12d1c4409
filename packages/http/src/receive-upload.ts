/**
 * Accepts one file from a `multipart/form-data` request (field `file`) and streams it into the
 * file store through `storeUpload`: the type is sniffed from the bytes, the size is counted as
 * they pass, and a refused file leaves nothing stored. The request body is never held whole.
 */
import { once } from 'node:events';
import busboy from 'busboy';
import { isStatdeskError, storeUpload, ValidationError, type FileStore, type StoredFile, type UploadPolicy } from '@statdesk/core';
import { discardBody } from './discard-body';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './http-errors';

/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';
/** Room for multipart boundaries and part headers beside the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface UploadTarget {
  store: FileStore;
  tenantId: string;
  key: string;
  policy: UploadPolicy;
}

export async function receiveUpload(request: Request, target: UploadTarget): Promise<StoredFile> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    await discardBody(request.body);
    throw new UnsupportedMediaTypeError('Send the file as multipart/form-data in a field named "file"', [
      { path: 'content-type', message: 'must be multipart/form-data', code: 'unsupported_media_type' },
    ]);
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > target.policy.maxBytes + MULTIPART_OVERHEAD_BYTES) {
    // Refused on the header alone: nothing of the file is kept (what was sent is dropped).
    await discardBody(request.body);
    throw new PayloadTooLargeError(target.policy.maxBytes, 'file');
  }
  if (!request.body) throw missingFile();

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // One past the limit, so an oversized file reaches the store's meter and is refused there.
      limits: { files: 1, fileSize: target.policy.maxBytes + 1, fields: 20, fieldSize: 4096, parts: 21 },
    });
  } catch {
    throw new UnsupportedMediaTypeError('The multipart Content-Type has no usable boundary', [
      { path: 'content-type', message: 'needs a boundary', code: 'unsupported_media_type' },
    ]);
  }

  const reader = request.body.getReader();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // Drop the parser (a stalled one would never settle); the pump drops the rest of the body.
    parser.destroy();
  };

  let stored: Promise<StoredFile> | undefined;
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('file', (name, stream, info) => {
      if (name !== UPLOAD_FIELD || stored) {
        stream.resume();
        return;
      }
      stored = storeUpload(target.store, {
        tenantId: target.tenantId,
        key: target.key,
        content: stream,
        policy: target.policy,
        declaredType: info.mimeType,
      });
      stored.catch(stop);
    });
    parser.on('close', resolve);
    parser.on('error', (error) => reject(error));
  });

  const pumped = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (stopped) {
        // Read to the end and dropped rather than cancelled: see discard-body.ts.
        await discardBody(reader);
        return;
      }
      if (done) {
        parser.end();
        return;
      }
      if (!parser.write(value)) await drainedOrClosed(parser);
    }
  })();

  try {
    await Promise.all([parsed, pumped]);
  } catch {
    stop();
    if (stored) {
      const outcome = await stored.then(
        (file) => ({ file }),
        (error: unknown) => ({ error }),
      );
      // The store's own refusal (size, type) explains a stop better than the parser's complaint
      // about it. Any other error of the store's here is the form breaking under it (a body cut
      // off mid-file ends the file stream with the parser's error): malformed, below.
      if ('error' in outcome && isStatdeskError(outcome.error)) throw translate(outcome.error, target.policy);
      // The file arrived but the form around it broke: keep nothing from a failed request.
      if ('file' in outcome) await target.store.delete(target.tenantId, target.key);
    }
    throw new ValidationError('upload', [{ path: 'body', message: 'is not a well-formed multipart form', code: 'malformed_multipart' }]);
  }
  if (!stored) throw missingFile();
  return stored.catch((error: unknown) => Promise.reject(translate(error, target.policy)));
}

/** Upload refusals from `storeUpload` become 413 (size) or 415 (type); other problems stay 400. */
function translate(error: unknown, policy: UploadPolicy): unknown {
  if (!isStatdeskError(error, 'VALIDATION')) return error;
  if (error.issues.some((i) => i.path === 'size')) return new PayloadTooLargeError(policy.maxBytes, 'file');
  if (error.issues.some((i) => i.path === 'contentType' || i.code === 'unknown_type')) {
    return new UnsupportedMediaTypeError(error.message, error.issues);
  }
  return error;
}

/** Waits for the parser to take more (or to be gone), removing both listeners afterwards. */
async function drainedOrClosed(parser: busboy.Busboy): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([once(parser, 'drain', { signal: done.signal }), once(parser, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}

function missingFile(): ValidationError {
  return new ValidationError('upload', [{ path: UPLOAD_FIELD, message: 'is missing: send the file in a multipart field named "file"', code: 'missing' }]);
}
