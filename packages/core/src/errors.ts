/**
 * Typed errors that callers match on `code` (or with `instanceof`). Each says what was wrong in
 * words a developer can act on; none carries personal data.
 */

export type StatdeskErrorCode =
  | 'VALIDATION'
  | 'NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'DUPLICATE_COMMAND'
  | 'DEFINITION'
  | 'RATE_LIMITED'
  | 'PERMANENT_DELIVERY'
  | 'DELIVERY_DEFERRED'
  | 'STORAGE_UNAVAILABLE';

/**
 * Base class of every error statdesk raises on purpose; `code` tells them apart (see {@link
 * isStatdeskError}).
 */
export abstract class StatdeskError extends Error {
  /** Stable code of the error kind; the HTTP layer maps each to one status. */
  abstract readonly code: StatdeskErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
  /**
   * A stable code finer than `code`, naming what people are told (`already-registered`,
   * `file-required`, `state-refuses-event`…); the SDK's message catalogue is keyed by it
   * (see `describeError`).
   */
  get reason(): string {
    return this.code.toLowerCase().replace(/_/g, '-');
  }
  /** The field the error is about, dotted, when there is one. */
  get path(): string | undefined {
    return undefined;
  }
  /** The values a message about this error may quote (never personal data). */
  get params(): Readonly<Record<string, string | number>> {
    return {};
  }
}

/** One problem with the input: `path` names the field (dotted, e.g. `receipt.amount`). */
export interface ValidationIssue {
  /** The field, as a dotted path (`receipt.amount`). */
  path: string;
  /** What is wrong with it. */
  message: string;
  /** The schema's issue code, when there is one (zod's, or statdesk's own such as `empty_cart`). */
  code?: string;
  /** What a message about the issue may quote: `minimum`, `maximum`, `format`… (never the input itself). */
  params?: Readonly<Record<string, string | number>>;
}

/** The input failed its schema. Nothing was written. */
export class ValidationError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'VALIDATION' as const;
  constructor(
    /** What was validated (`event information-order.submit`, `input`, `product`…). */
    readonly subject: string,
    /** Every problem found, each naming its field. */
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`Invalid ${subject}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
  }
  /** The fields that failed, e.g. `['amount', 'receipt.date']`. */
  get fields(): string[] {
    return [...new Set(this.issues.map((i) => i.path))];
  }
  /** The first failing field. */
  override get path(): string | undefined {
    return this.issues[0]?.path;
  }
}

/** The actor has no role that may do this (or acts on someone else's record). Nothing was written. */
export class NotAllowedError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'NOT_ALLOWED' as const;
  constructor(
    /** What was attempted. */
    readonly action: string,
    /** The roles that may do it. */
    readonly roles: readonly string[],
    reason?: string,
  ) {
    super(`Not allowed to ${action}${reason ? `: ${reason}` : ''} (actor roles: ${roles.join(', ') || 'none'})`);
  }
}

/** No such record in this tenant. Records of other tenants are reported the same way. */
export class NotFoundError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'NOT_FOUND' as const;
  constructor(
    /** The kind of record (`instance`, `profile`, `product`…). */
    readonly entity: string,
    /** The id looked up. */
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
  /** `entity`: the kind of record. */
  override get params(): Readonly<Record<string, string | number>> {
    return { entity: this.entity };
  }
}

/**
 * Why a write conflicted: someone changed the record meanwhile (`concurrent-change`), or what is
 * being registered exists already (`already-registered`: a profile, a national ID).
 */
export type ConflictReason = 'concurrent-change' | 'already-registered';

/** Someone else changed the record first (stale version, lost compare-and-set, unique-key race). */
export class ConflictError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'CONFLICT' as const;
  constructor(
    message: string,
    /** What conflicted: the record, and the versions when a version check failed; `reason` when it is known. */
    readonly details: { entity?: string; id?: string; expectedVersion?: number; actualVersion?: number; reason?: ConflictReason } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  /** `already-registered` for a taken national ID or profile, else `concurrent-change`. */
  override get reason(): ConflictReason {
    return this.details.reason ?? (this.details.entity === 'profile-national-id' ? 'already-registered' : 'concurrent-change');
  }
  /** `nationalId` when a national ID is taken. */
  override get path(): string | undefined {
    return this.reason === 'already-registered' ? 'nationalId' : undefined;
  }
}

/**
 * Why an event was refused: the state does not take it (`state-refuses-event`), or the state takes
 * it only once a file is attached (`file-required`).
 */
export type TransitionRefusal = 'state-refuses-event' | 'file-required';

/** The event is valid and allowed, but the workflow does not accept it in its current state. */
export class InvalidTransitionError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'INVALID_TRANSITION' as const;
  constructor(
    /** The refused event. */
    readonly eventType: string,
    /** The state the instance is in. */
    readonly state: string,
    /** The workflow, so a message can name the state and event by their labels. */
    readonly workflow?: string,
    /** Why, when more is known than "not in this state". */
    readonly refusal: TransitionRefusal = 'state-refuses-event',
  ) {
    super(
      refusal === 'file-required'
        ? `Event "${eventType}" needs a file attached first (state "${state}")`
        : `Event "${eventType}" is not accepted in state "${state}"`,
    );
  }
  /** `state-refuses-event` or `file-required`. */
  override get reason(): TransitionRefusal {
    return this.refusal;
  }
  /** `event`, `state` and, when known, `workflow`. */
  override get params(): Readonly<Record<string, string | number>> {
    return { event: this.eventType, state: this.state, ...(this.workflow ? { workflow: this.workflow } : {}) };
  }
}

/** The idempotency key was already used for a different command. */
export class DuplicateCommandError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'DUPLICATE_COMMAND' as const;
  /** @param idempotencyKey - the key that was reused */
  constructor(readonly idempotencyKey: string) {
    super(`Idempotency key "${idempotencyKey}" was already used for a different command`);
  }
}

/** A workflow definition is malformed or does something the engine cannot make durable. */
export class DefinitionError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'DEFINITION' as const;
}

/**
 * An effect (a message, a provider call) failed in a way retrying cannot fix: an unknown
 * profile, no address for the channel, a mailbox the server rejects. The outbox dead-letters the
 * row at once, keeping this message as its last error.
 */
export class PermanentDeliveryError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'PERMANENT_DELIVERY' as const;
}

/**
 * An effect was not attempted now (a provider's circuit breaker is open). The outbox leaves the
 * row claimed until its lease ends and tries it then, without counting an attempt.
 */
export class DeliveryDeferredError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'DELIVERY_DEFERRED' as const;
  constructor(
    message: string,
    /** When the effect may be tried again (advisory: the row's lease decides). */
    readonly retryAt: Date,
  ) {
    super(message);
  }
}

/** True when `error` is a statdesk error, optionally of one `code`; narrows it to that error class. */
export function isStatdeskError<C extends StatdeskErrorCode>(
  error: unknown,
  code?: C,
): error is Extract<AnyStatdeskError, { code: C }> {
  return error instanceof StatdeskError && (code === undefined || error.code === code);
}

/** Every error class statdesk raises, as a union discriminated by `code`. */
export type AnyStatdeskError =
  | ValidationError
  | NotAllowedError
  | NotFoundError
  | ConflictError
  | InvalidTransitionError
  | DuplicateCommandError
  | DefinitionError
  | PermanentDeliveryError
  | DeliveryDeferredError
  | StorageUnavailableError;

/**
 * The storage could not be reached (connection refused or lost, failover, a time-out): nothing is
 * known to have been written, and the same command may be retried shortly. The HTTP layer answers
 * 503 with `Retry-After`. Storage adapters raise it for every such failure, whatever the driver's
 * own error, so callers can tell "try again" from a bug.
 */
export class StorageUnavailableError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'STORAGE_UNAVAILABLE' as const;
  /**
   * @param retryAfterMs - how soon a retry is worth trying, in milliseconds
   *
   * @param options - `cause`: the driver's error (kept for the operator's error tracker, never logged)
   */
  constructor(
    readonly retryAfterMs = 2_000,
    options?: { cause?: unknown },
  ) {
    super('The storage is unavailable; try again shortly', options);
  }
}
