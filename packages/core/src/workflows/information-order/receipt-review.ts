/**
 * Bank-receipt review (فیش بانکی). The applicant names an uploaded scan; the server takes its
 * type, size and SHA-256 from the file store (never from the client), refuses an amount other
 * than the accepted quote's total, and looks for the same tracking number or the same file on
 * other orders of the portal: such duplicates are flagged, and finance must acknowledge them
 * before verifying the payment.
 */
import { createHash } from 'node:crypto';
import type { EnrichContext } from '../../engine/definition';
import { ValidationError, type ValidationIssue } from '../../errors';
import { mayUseUpload } from '../../files/upload-owner';
import type { StoredFileReference } from '../../ports/profiles';
import type { DuplicateReceipt, InformationOrderContext } from './context';
import { endOfWorkingDays } from './deadlines';
import type { ResolvedInformationOrderOptions } from './options';
import { informationOrderServices } from './services';

/** Instance-key names that make receipts findable across orders (non-unique). */
export const RECEIPT_KEYS = Object.freeze({ bankTracking: 'information-order.receipt.bank-tracking', sha256: 'information-order.receipt.sha256' });

/** The stored facts of an uploaded file, or a `ValidationError` naming `<field>.…`. */
export async function storedFile(
  ctx: EnrichContext,
  field: string,
  key: string,
  subject: string,
  policy?: { allowedTypes: readonly string[]; maxBytes: number },
): Promise<StoredFileReference> {
  const { files } = informationOrderServices(ctx.services);
  // Someone else's upload is answered like a missing one.
  const stored = mayUseUpload(key, ctx.actor.id) ? await files.stat(ctx.tenantId, key) : undefined;
  if (!stored) throw new ValidationError(subject, [{ path: `${field}.key`, message: 'no such uploaded file', code: 'file_not_found' }]);
  const issues: ValidationIssue[] = [];
  if (policy && !policy.allowedTypes.includes(stored.contentType)) {
    issues.push({ path: `${field}.contentType`, message: `is ${stored.contentType}; allowed: ${policy.allowedTypes.join(', ')}`, code: 'type_not_allowed' });
  }
  if (policy && stored.size > policy.maxBytes) {
    issues.push({ path: `${field}.size`, message: `is ${stored.size} bytes; the limit is ${policy.maxBytes}`, code: 'too_big', params: { maximum: policy.maxBytes, origin: 'file' } });
  }
  if (issues.length) throw new ValidationError(subject, issues);
  return { key: stored.key, sha256: stored.sha256, size: stored.size, contentType: stored.contentType };
}

export async function checkReceipt(
  fields: { bankTracking: string; amount: bigint; paidOn: string; scan: { key: string } },
  ctx: EnrichContext,
  settings: ResolvedInformationOrderOptions,
): Promise<{ scan: StoredFileReference; duplicates: DuplicateReceipt[] }> {
  const subject = 'event "submitReceipt"';
  const order = ctx.context as InformationOrderContext;
  const issues: ValidationIssue[] = [];
  const quote = order.quote;
  if (quote?.acceptedAt && fields.amount !== quote.total) {
    issues.push({ path: 'amount', message: `is ${fields.amount} Rial; the accepted quote's total is ${quote.total} Rial`, code: 'amount_mismatch', params: { expected: quote.total.toString() } });
  }
  if (new Date(`${fields.paidOn}T00:00:00+03:30`).getTime() > ctx.now.getTime()) issues.push({ path: 'paidOn', message: 'is in the future', code: 'in_future' });
  if (issues.length) throw new ValidationError(subject, issues);
  const scan = await storedFile(ctx, 'scan', fields.scan.key, subject, settings.receiptPolicy);

  const found = new Map<string, Set<DuplicateReceipt['matchedOn'][number]>>();
  const collect = async (name: string, value: string, matchedOn: 'bankTracking' | 'sha256') => {
    for (const ref of await ctx.findInstancesByKey(name, value)) {
      if (ref.instanceId === ctx.instanceId) continue;
      const set = found.get(ref.instanceId) ?? new Set();
      set.add(matchedOn);
      found.set(ref.instanceId, set);
    }
  };
  await collect(RECEIPT_KEYS.bankTracking, fields.bankTracking, 'bankTracking');
  await collect(RECEIPT_KEYS.sha256, scan.sha256, 'sha256');
  const duplicates = [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([instanceId, on]) => ({ instanceId, matchedOn: [...on].sort() }));
  return { scan, duplicates };
}

/** Finance may verify a flagged receipt only after saying it checked the other orders. */
export function checkVerification(fields: { acknowledgeDuplicates?: boolean }, ctx: EnrichContext): void {
  const receipt = (ctx.context as InformationOrderContext).payment.receipts.at(-1);
  if (receipt && !receipt.review && receipt.duplicates.length > 0 && fields.acknowledgeDuplicates !== true) {
    const others = receipt.duplicates.map((d) => `${d.instanceId} (${d.matchedOn.join(', ')})`).join('; ');
    throw new ValidationError('event "verifyPayment"', [
      { path: 'acknowledgeDuplicates', message: `the receipt matches other orders: ${others}; check them and confirm`, code: 'duplicate_receipt' },
    ]);
  }
}

/** After a rejection the applicant keeps the original deadline, or at least the resubmit window. */
export function deadlineAfterRejection(ctx: EnrichContext, settings: ResolvedInformationOrderOptions): Date {
  const order = ctx.context as InformationOrderContext;
  const floor = endOfWorkingDays(settings.calendar, ctx.now, settings.resubmitWindowDays);
  const due = order.payment.dueAt;
  return due && due.getTime() > floor.getTime() ? due : floor;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
