import { ValidationError, type ValidationIssue } from '../errors';
import { sniffContentType, type SniffedType } from './sniff-content-type';

/** Which files an upload field accepts. Types are checked against the sniffed content. */
export interface UploadPolicy {
  /** MIME types accepted, lowercase, e.g. `['application/pdf', 'image/jpeg']`. */
  allowedTypes: readonly string[];
  /** Largest accepted file, in bytes. */
  maxBytes: number;
}

const MB = 1024 * 1024;

/** A scanned bank receipt (فیش بانکی): a PDF or a photo, up to 5 MB. Fits student cards too. */
export const receiptUploadPolicy: UploadPolicy = Object.freeze({
  allowedTypes: Object.freeze(['application/pdf', 'image/jpeg', 'image/png']),
  maxBytes: 5 * MB,
});

/** A complaint or consultation attachment: documents, spreadsheets and images, up to 10 MB. */
export const attachmentUploadPolicy: UploadPolicy = Object.freeze({
  allowedTypes: Object.freeze([
    'application/pdf',
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/tiff',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/zip',
  ]),
  maxBytes: 10 * MB,
});

/** What an upload policy checks before anything is stored. */
export interface UploadCandidate {
  /** The leading bytes of the file (at least `SNIFF_BYTES` when it is that long), or all of it. */
  head: Uint8Array;
  /** The file's full size when known (e.g. from Content-Length); else the store's `maxBytes` enforces it. */
  size?: number;
  /** What the client said the type is; believed only if the content agrees. */
  declaredType?: string;
}

/** Types a client sends when it does not know; they contradict nothing. */
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
/** Spellings browsers and phones use for the same type. */
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/x-png': 'image/png' };

function normaliseType(type: string): string {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

/**
 * Checks an upload against a policy from its content, not the client's word. Resolves the
 * sniffed type (store the file under that). Throws a `ValidationError` (subject `upload`) with
 * every problem found, each naming its field:
 * - `file`: empty, or content of no recognisable type;
 * - `contentType`: the content's type is not allowed, or the client declared a different one;
 * - `size`: larger than the policy allows.
 */
export async function checkUpload(policy: UploadPolicy, candidate: UploadCandidate): Promise<SniffedType> {
  const issues: ValidationIssue[] = [];
  const { head, size, declaredType } = candidate;
  if (size !== undefined && size > policy.maxBytes) {
    issues.push({ path: 'size', message: `is ${size} bytes; the limit is ${policy.maxBytes}`, code: 'too_big' });
  }
  const sniffed = await sniffContentType(head);
  if (head.byteLength === 0 || size === 0) {
    issues.push({ path: 'file', message: 'is empty', code: 'empty' });
  } else if (!sniffed) {
    issues.push({ path: 'file', message: `is not a recognisable file; allowed types: ${policy.allowedTypes.join(', ')}`, code: 'unknown_type' });
  } else if (!policy.allowedTypes.includes(sniffed.contentType)) {
    issues.push({
      path: 'contentType',
      message: `content is ${sniffed.contentType}; allowed types: ${policy.allowedTypes.join(', ')}`,
      code: 'type_not_allowed',
    });
  } else if (declaredType !== undefined && !UNKNOWN_TYPES.has(normaliseType(declaredType)) && normaliseType(declaredType) !== sniffed.contentType) {
    // A disguised file (an executable named receipt.pdf) shows up here.
    issues.push({ path: 'contentType', message: `declared ${normaliseType(declaredType)} but the content is ${sniffed.contentType}`, code: 'type_mismatch' });
  }
  if (issues.length > 0 || !sniffed) throw new ValidationError('upload', issues);
  return sniffed;
}
