/**
 * What an information order remembers. Only the applicant's profile id is kept, never their
 * national ID or contacts: messages go to the profile's official contacts at send time.
 */
import type { StoredFileReference } from '../../ports/profiles';
import type { QuoteJSON } from '../../tariffs/quote-json';

/** What the applicant asks for, in their words (the pricing officer turns it into tariff items). */
export interface OrderRequest {
  /** What the data is about, in a line. */
  subject: string;
  /** The request in the applicant's words. */
  description: string;
  /** Geographic coverage, e.g. "Tehran province, by county". */
  geography?: string;
  /** Period covered, e.g. "1395–1400". */
  period?: string;
  /** Preferred format, e.g. "Excel". */
  format?: string;
}

/** One message between the applicant and staff on an order. */
export interface OrderMessage {
  /** Position in the conversation, from 1. */
  seq: number;
  /** When (UTC). */
  at: Date;
  /** Who wrote it. */
  from: 'applicant' | 'staff';
  /** The author's actor id. */
  authorId: string;
  /** A plain message, or a consultant's question the applicant must answer. */
  kind: 'message' | 'question';
  /** The text (kept in the order, never in history). */
  text: string;
}

/** A quote as stored on the order: the tariff engine's quote (JSON) plus what the order needs. */
export interface OrderQuote {
  /** 1 for the first quote of the order, +1 for each re-quote. */
  number: number;
  /** When it was issued (UTC). */
  issuedAt: Date;
  /** The pricing officer who issued it. */
  issuedBy: string;
  /** End of the last working day of the validity period. */
  validUntil: Date;
  /** The total in integer Rial (the amount the receipt must show). */
  total: bigint;
  /** Book id/version, every line with its rule, and the explanation. */
  detail: QuoteJSON;
  /** The request revision it priced; a changed request supersedes it. */
  requestRevision: number;
  /** When the applicant accepted it. */
  acceptedAt?: Date;
  /** When a changed request or a re-quote superseded it. */
  supersededAt?: Date;
  /** When its validity ran out. */
  expiredAt?: Date;
}

/** Another order whose receipt matches this one. */
export interface DuplicateReceipt {
  /** That order's instance id. */
  instanceId: string;
  /** What matched: the bank tracking number, the file's hash, or both. */
  matchedOn: ('bankTracking' | 'sha256')[];
}

/** A bank receipt the applicant uploaded for the quoted amount, and its review. */
export interface OrderReceipt {
  /** Which attempt it was, from 1. */
  attempt: number;
  /** When it was submitted (UTC). */
  submittedAt: Date;
  /** The bank's tracking number on the receipt. */
  bankTracking: string;
  /** The amount paid, in whole Rial, as the applicant entered it. */
  amount: bigint;
  /** The payment date printed on the receipt (ISO date). */
  paidOn: string;
  /** The last four digits of the card, as on the receipt. */
  cardLastFour: string;
  /** The uploaded scan. */
  scan: StoredFileReference;
  /** Other orders with the same tracking number or the same file, found by the server. */
  duplicates: DuplicateReceipt[];
  /** The finance officer's decision, if made. */
  review?: { outcome: 'verified' | 'rejected'; at: Date; by: string; reason?: string; note?: string; duplicatesAcknowledged?: boolean };
}

/** The download link of a delivered order. */
export interface DownloadLink {
  /** Link id. */
  id: string;
  /** The secret in the link; shown only to the applicant, never written to history. */
  token: string;
  /** SHA-256 of the token: the lookup key a portal finds the order by. */
  tokenHash: string;
  /** When it was issued (UTC). */
  issuedAt: Date;
  /** When it stops working (UTC). */
  expiresAt: Date;
  /** How many downloads it allows. */
  maxDownloads: number;
  /** Downloads so far. */
  downloads: number;
  /** When staff revoked it. */
  revokedAt?: Date;
  /** Why it was revoked. */
  revokeReason?: string;
}

/** One download of a delivered file. */
export interface DownloadLogEntry {
  /** When (UTC). */
  at: Date;
  /** Through which link. */
  linkId: string;
  /** Which file. */
  fileKey: string;
  /** Who downloaded it. */
  actorId: string;
}

export interface DeliveredFile extends StoredFileReference {
  /** The file's title, for the applicant. */
  title?: string;
  /** When it was attached (UTC). */
  attachedAt: Date;
  /** The data preparer who attached it. */
  attachedBy: string;
}

/**
 * The information-order machine's context: the request, conversation, decision, quotes, receipts, delivery
 * and how the order ended.
 */
export interface InformationOrderContext {
  /** The order number. */
  orderNumber: string;
  /** The applicant's profile id (the instance owner). */
  applicantId: string;
  /** What is asked for. */
  request: OrderRequest;
  /** +1 whenever the applicant changes the request. */
  requestRevision: number;
  /** The conversation with staff. */
  messages: OrderMessage[];
  /** Server time of the last event that set a deadline: the base of the relative timers. */
  clockAt: Date | null;
  /** When the applicant's answer to a question is due. */
  replyDueAt: Date | null;
  /** Staff's decision on the request (accepted, rejected, or redirected to a product). */
  decision: { kind: 'accepted' | 'rejected' | 'redirected'; at: Date; by: string; reason?: string; productId?: string; productUrl?: string; note?: string } | null;
  /** The current quote. */
  quote: OrderQuote | null;
  /** Earlier quotes of this order (superseded or expired), oldest first. */
  previousQuotes: OrderQuote[];
  /** The payment deadline, the receipts and when payment was verified. */
  payment: { dueAt: Date | null; receipts: OrderReceipt[]; verifiedAt: Date | null };
  /** The delivered files, the download link, when delivery closes and the download log. */
  delivery: { files: DeliveredFile[]; link: DownloadLink | null; closesAt: Date | null; downloads: DownloadLogEntry[] };
  /** Who cancelled it, when and why. */
  cancellation: { at: Date; by: string; reason: string } | null;
  /** Why it expired, if it did. */
  expiry: { reason: 'no-reply' | 'unpaid' } | null;
  /**
   * Money owed back after payment: the citizen cancelled before preparation started, or the office
   * could not fulfil the order. Always the whole amount paid; `paid` once finance recorded the
   * bank transfer. Absent on orders that never needed one.
   */
  refund?: InformationOrderRefund | null;
}

/** A refund owed on an information order (see `InformationOrderContext.refund`). */
export interface InformationOrderRefund {
  /** Why: the applicant's cancellation, or the office's declaration that it cannot fulfil the order. */
  cause: 'cancelled' | 'cannot-fulfil';
  /** The amount owed, in integer Rial: everything the applicant paid. */
  amountRial: bigint;
  /** The office's reason, when it could not fulfil the order. */
  reason?: string;
  /** When it became due (UTC). */
  dueAt: Date;
  /**
   * The account the applicant asked to be paid into: the Sheba sealed with the personal-data
   * sealer (never stored or logged in the clear) and its last four digits to show.
   */
  account?: { sealed: string; lastFour: string };
  /** Finance's record of the transfer, once made. */
  paid?: { reference: string; at: Date; by: string };
}
