/**
 * What a message's events carry, as zod schemas. Free text is the sender's own words and may
 * hold personal details, so it is listed as personal and kept out of history (the instance's
 * context keeps it, behind the workflow's access rules).
 */
import { z } from 'zod';
import { typedWholeNumber } from '../../locale/typed-input';
import { isValidFileKey } from '../../files/file-location';
import type { UploadPolicy } from '../../files/upload-policy';
import { MESSAGE_KINDS } from './kinds';

/** A reference to a file already stored through the `FileStore` port. */
export interface AttachmentRef {
  /** The file-store key. */
  key: string;
  /** SHA-256 of its bytes, lowercase hex. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** Media type, as sniffed. */
  contentType: string;
}

/** Schema of an attachment reference that the upload policy allows. */
export function attachmentRefSchema(policy: UploadPolicy) {
  return z.object({
    key: z.string().refine(isValidFileKey, 'must be a relative file key without "." or ".." segments'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex'),
    size: z.number().int().positive().max(policy.maxBytes, `must be at most ${policy.maxBytes} bytes`),
    contentType: z.enum(policy.allowedTypes as [string, ...string[]], { message: `must be one of ${policy.allowedTypes.join(', ')}` }),
  });
}

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The zod schemas of the complaint workflow's events, with attachments checked against the upload policy. */
export function complaintEventSchemas(policy: UploadPolicy, maxAttachments: number) {
  const attachments = z.array(attachmentRefSchema(policy)).max(maxAttachments, `at most ${maxAttachments} attachments`).optional();
  return {
    create: z.object({
      kind: z.enum(MESSAGE_KINDS),
      subject: text(200),
      body: text(10_000),
      attachments,
      language: z.enum(['fa', 'en']).optional(),
    }),
    acknowledge: z.object({}),
    assign: z.object({ officerId: z.string().trim().min(1), officerName: z.string().trim().min(1).max(100).optional() }),
    requestInfo: z.object({ question: text(4_000) }),
    reply: z.object({ text: text(10_000), attachments }),
    answer: z.object({ text: text(10_000), officerName: z.string().trim().min(1).max(100).optional() }),
    note: z.object({ text: text(4_000) }),
    accept: z.object({}),
    escalate: z.object({ reason: text(4_000) }),
    reopen: z.object({ reason: text(4_000) }),
    withdraw: z.object({ reason: text(2_000).optional() }),
    rate: z.object({ score: typedWholeNumber(z.number().int().min(1).max(5)), comment: text(2_000).optional() }),
    slaBreach: z.looseObject({ target: z.string().min(1), dueAt: z.iso.datetime() }),
  };
}

/** Fields the desk adds to every event from the server side; a sender cannot supply them. */
export interface EventStamp {
  /** When the command ran (ISO instant). */
  at?: string;
  /** Who sent the event. */
  actorId?: string;
  /** Whether the sender holds the supervisor role (stage 2 is theirs). */
  bySupervisor?: boolean;
}
