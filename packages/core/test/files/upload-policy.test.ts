import { describe, expect, it } from 'vitest';
import { ValidationError, attachmentUploadPolicy, checkUpload, receiptUploadPolicy, sniffContentType, type UploadPolicy } from '../../src';
import { sampleExe, sampleGif, sampleJpeg, samplePdf, samplePlainText, samplePng } from './samples';

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => {
      throw new Error('accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('sniffContentType', () => {
  it('recognises files by their bytes', async () => {
    expect(await sniffContentType(samplePdf)).toEqual({ contentType: 'application/pdf', extension: 'pdf' });
    expect(await sniffContentType(sampleJpeg)).toEqual({ contentType: 'image/jpeg', extension: 'jpg' });
    expect(await sniffContentType(samplePng)).toEqual({ contentType: 'image/png', extension: 'png' });
    expect(await sniffContentType(sampleExe)).toEqual({ contentType: 'application/x-msdownload', extension: 'exe' });
  });

  it('resolves undefined for text and for nothing', async () => {
    expect(await sniffContentType(samplePlainText)).toBeUndefined();
    expect(await sniffContentType(new Uint8Array(0))).toBeUndefined();
  });
});

describe('checkUpload', () => {
  it('accepts a receipt as PDF, JPEG or PNG and reports the sniffed type', async () => {
    expect(await checkUpload(receiptUploadPolicy, { head: samplePdf, size: 120_000, declaredType: 'application/pdf' })).toEqual({
      contentType: 'application/pdf',
      extension: 'pdf',
    });
    expect((await checkUpload(receiptUploadPolicy, { head: sampleJpeg })).contentType).toBe('image/jpeg');
    expect((await checkUpload(receiptUploadPolicy, { head: samplePng, declaredType: 'image/x-png' })).contentType).toBe('image/png');
  });

  it('accepts browser spellings and "unknown" declarations that do not contradict the content', async () => {
    for (const declaredType of ['image/jpg', 'IMAGE/JPEG', 'image/jpeg; name=scan.jpg', 'application/octet-stream', '']) {
      expect((await checkUpload(receiptUploadPolicy, { head: sampleJpeg, declaredType })).contentType, declaredType).toBe('image/jpeg');
    }
  });

  it('rejects a type the policy does not allow, naming contentType', async () => {
    const error = await rejection(checkUpload(receiptUploadPolicy, { head: sampleGif, declaredType: 'image/gif' }));
    expect(error.fields).toEqual(['contentType']);
    expect(error.issues[0]?.code).toBe('type_not_allowed');
    expect(error.message).toContain('image/gif');
  });

  it('rejects a disguised file: declared PDF, content an executable', async () => {
    const error = await rejection(checkUpload(attachmentUploadPolicy, { head: sampleExe, declaredType: 'application/pdf' }));
    expect(error.fields).toEqual(['contentType']);
    expect(error.issues[0]?.code).toBe('type_not_allowed');
  });

  it('rejects a declared type that contradicts an allowed content type', async () => {
    const error = await rejection(checkUpload(receiptUploadPolicy, { head: samplePng, declaredType: 'application/pdf' }));
    expect(error.fields).toEqual(['contentType']);
    expect(error.issues[0]?.code).toBe('type_mismatch');
  });

  it('rejects unrecognisable and empty files, naming file', async () => {
    const unknown = await rejection(checkUpload(receiptUploadPolicy, { head: samplePlainText, declaredType: 'application/pdf' }));
    expect(unknown.fields).toEqual(['file']);
    expect(unknown.issues[0]?.code).toBe('unknown_type');
    const empty = await rejection(checkUpload(receiptUploadPolicy, { head: new Uint8Array(0), size: 0 }));
    expect(empty.fields).toEqual(['file']);
    expect(empty.issues[0]?.code).toBe('empty');
  });

  it('rejects an oversized file, naming size, together with any type problem', async () => {
    const tooBig = await rejection(checkUpload(receiptUploadPolicy, { head: samplePdf, size: 5 * 1024 * 1024 + 1 }));
    expect(tooBig.fields).toEqual(['size']);
    expect((await checkUpload(receiptUploadPolicy, { head: samplePdf, size: 5 * 1024 * 1024 })).contentType).toBe('application/pdf');
    const both = await rejection(checkUpload(receiptUploadPolicy, { head: sampleGif, size: 6 * 1024 * 1024 }));
    expect(both.fields).toEqual(['size', 'contentType']);
  });

  it('takes any policy, and the presets cannot be changed by accident', async () => {
    const gifsOnly: UploadPolicy = { allowedTypes: ['image/gif'], maxBytes: 100_000 };
    expect((await checkUpload(gifsOnly, { head: sampleGif })).contentType).toBe('image/gif');
    expect(Object.isFrozen(receiptUploadPolicy)).toBe(true);
    expect(Object.isFrozen(receiptUploadPolicy.allowedTypes)).toBe(true);
    expect(receiptUploadPolicy.maxBytes).toBe(5 * 1024 * 1024);
    expect(attachmentUploadPolicy.allowedTypes).toContain('application/pdf');
  });
});
