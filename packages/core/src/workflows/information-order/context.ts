/**
 * What an information order remembers. Only the applicant's profile id is kept, never their
 * national ID or contacts: messages go to the profile's official contacts at send time.
 */
import type { StoredFileReference } from '../../ports/profiles';
import type { QuoteJSON } from '../../tariffs/quote-json';

/** What the applicant asks for, in their words (the pricing officer turns it into tariff items). */
export interface OrderRequest {
  subject: string;
  description: string;
  /** Geographic coverage, e.g. "Tehran province, by county". */
  geography?: string;
  /** Period covered, e.g. "1395–1400". */
  period?: string;
  /** Preferred format, e.g. "Excel". */
  format?: string;
}

export interface OrderMessage {
  seq: number;
  at: Date;
  from: 'applicant' | 'staff';
  authorId: string;
  kind: 'message' | 'question';
  text: string;
}

/** A quote as stored on the order: the tariff engine's quote (JSON) plus what the order needs. */
export interface OrderQuote {
  /** 1 for the first quote of the order, +1 for each re-quote. */
  number: number;
  issuedAt: Date;
  issuedBy: string;
  /** End of the last working day of the validity period. */
  validUntil: Date;
  /** The total in integer Rial (the amount the receipt must show). */
  total: bigint;
  /** Book id/version, every line with its rule, and the explanation. */
  detail: QuoteJSON;
  /** The request revision it priced; a changed request supersedes it. */
  requestRevision: number;
  acceptedAt?: Date;
  supersededAt?: Date;
  expiredAt?: Date;
}

export interface DuplicateReceipt {
  instanceId: string;
  matchedOn: ('bankTracking' | 'sha256')[];
}

export interface OrderReceipt {
  attempt: number;
  submittedAt: Date;
  bankTracking: string;
  amount: bigint;
  /** The payment date printed on the receipt (ISO date). */
  paidOn: string;
  cardLastFour: string;
  scan: StoredFileReference;
  /** Other orders with the same tracking number or the same file, found by the server. */
  duplicates: DuplicateReceipt[];
  review?: { outcome: 'verified' | 'rejected'; at: Date; by: string; reason?: string; note?: string; duplicatesAcknowledged?: boolean };
}

export interface DownloadLink {
  id: string;
  /** The secret in the link; shown only to the applicant, never written to history. */
  token: string;
  /** SHA-256 of the token: the lookup key a portal finds the order by. */
  tokenHash: string;
  issuedAt: Date;
  expiresAt: Date;
  maxDownloads: number;
  downloads: number;
  revokedAt?: Date;
  revokeReason?: string;
}

export interface DownloadLogEntry {
  at: Date;
  linkId: string;
  fileKey: string;
  actorId: string;
}

export interface DeliveredFile extends StoredFileReference {
  title?: string;
  attachedAt: Date;
  attachedBy: string;
}

export interface InformationOrderContext {
  orderNumber: string;
  applicantId: string;
  request: OrderRequest;
  /** +1 whenever the applicant changes the request. */
  requestRevision: number;
  messages: OrderMessage[];
  /** Server time of the last event that set a deadline: the base of the relative timers. */
  clockAt: Date | null;
  replyDueAt: Date | null;
  decision: { kind: 'accepted' | 'rejected' | 'redirected'; at: Date; by: string; reason?: string; productId?: string; productUrl?: string; note?: string } | null;
  quote: OrderQuote | null;
  /** Earlier quotes of this order (superseded or expired), oldest first. */
  previousQuotes: OrderQuote[];
  payment: { dueAt: Date | null; receipts: OrderReceipt[]; verifiedAt: Date | null };
  delivery: { files: DeliveredFile[]; link: DownloadLink | null; closesAt: Date | null; downloads: DownloadLogEntry[] };
  cancellation: { at: Date; by: string; reason: string } | null;
  expiry: { reason: 'no-reply' | 'unpaid' } | null;
}
