import { randomUUID } from 'node:crypto';
import { describeError, describeIssue, isStatdeskError, RateLimitedError, StatdeskError, type LocalizedText, type Logger, type ValidationIssue } from '@statdesk/core';
import { match } from 'ts-pattern';
import { MethodNotAllowedError, PayloadTooLargeError, UnauthenticatedError, UnsupportedMediaTypeError } from './http-errors';
import { jsonResponse } from './json';

/** The body of every error answer. `type` is stable: match on it, not on `message`. */
export interface ErrorBody {
  /** What went wrong, as a stable code; see {@link ErrorType}. */
  type: ErrorType;
  /** A human-readable explanation, for logs and developers; never contains personal data. */
  message: string;
  /** Field problems (400, 415): `path` names the field, dotted; `messages` says it for people. */
  issues?: readonly (ValidationIssue & { messages?: LocalizedText })[];
  /** On 500 only: quote it to find the logged error. */
  errorId?: string;
  /**
   * A stable code finer than `type` (`already-registered`, `concurrent-change`, `file-required`,
   * `state-refuses-event`…): what the person is told depends on it.
   */
  reason?: string;
  /** The field the error is about, dotted, when there is one. */
  path?: string;
  /** Values the message quotes (the event and state of a refused action, limits…). */
  params?: Readonly<Record<string, string | number>>;
  /** The message for people, in Persian and English, naming fields, states and actions by their labels. */
  messages?: LocalizedText;
}

/**
 * The stable error codes of the API, each answered with one HTTP status (see `ERROR_STATUS`: `VALIDATION`
 * 400, `UNAUTHENTICATED` 401, `NOT_ALLOWED` 403, `NOT_FOUND` 404, `CONFLICT` and `INVALID_TRANSITION` 409,
 * …, `UNAVAILABLE` 503 when the storage cannot be reached). Clients branch on these.
 */
export type ErrorType =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'DUPLICATE_COMMAND'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

/** Status per error type: the table in docs/integrations/http.md. */
export const ERROR_STATUS: Readonly<Record<ErrorType, number>> = Object.freeze({
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DUPLICATE_COMMAND: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
});

export function errorBody(type: ErrorType, message: string, extra: Partial<ErrorBody> = {}): Response {
  return jsonResponse(ERROR_STATUS[type], { type, message, ...extra });
}

/** Where the error happened, for the log line (the route pattern, never the URL: it may hold tokens). */
export interface ErrorSite {
  method: string;
  route: string;
}

/**
 * Turns anything thrown while answering into the API's error answer. Typed errors keep their
 * message (they are written to carry no personal data); anything else is a 500 whose body says
 * nothing about the cause, logged under an id the body repeats.
 */
export function errorResponse(error: unknown, logger: Logger, site: ErrorSite, report?: ErrorReporter): Response {
  if (isStatdeskError(error, 'VALIDATION')) return errorBody('VALIDATION', error.message, { issues: error.issues.map(copyIssue), ...forPeople(error) });
  if (error instanceof StatdeskError) {
    // Exhaustive: a new error code in @statdesk/core does not compile here until it has an answer.
    const answer = match(error.code)
      .with('NOT_ALLOWED', 'NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION', 'DUPLICATE_COMMAND', (code) => errorBody(code, error.message, forPeople(error)))
      // Answered above and below, with their issues and Retry-After.
      .with('VALIDATION', 'RATE_LIMITED', 'STORAGE_UNAVAILABLE', () => undefined)
      // A configuration problem on our side, not the caller's: the 500 below.
      .with('DEFINITION', 'PERMANENT_DELIVERY', 'DELIVERY_DEFERRED', () => undefined)
      .exhaustive();
    if (answer) return answer;
  }
  if (isStatdeskError(error, 'STORAGE_UNAVAILABLE')) {
    // Expected during an outage: a retry hint for the client, and one warning line (no stack).
    logger.warn('statdesk/http: storage unavailable', { method: site.method, route: site.route });
    const response = errorBody('UNAVAILABLE', error.message);
    response.headers.set('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    return response;
  }
  if (error instanceof UnauthenticatedError) return errorBody('UNAUTHENTICATED', error.message);
  if (error instanceof PayloadTooLargeError) {
    return errorBody('PAYLOAD_TOO_LARGE', error.message, { reason: 'too-large', messages: { fa: 'حجم پرونده یا درخواست بیش از اندازهٔ مجاز است.', en: 'The file or request is larger than allowed.' } });
  }
  if (error instanceof UnsupportedMediaTypeError) {
    return errorBody('UNSUPPORTED_MEDIA_TYPE', error.message, {
      ...(error.issues.length ? { issues: error.issues.map(copyIssue) } : {}),
      reason: 'unsupported-type',
      messages: { fa: 'این نوع پرونده یا محتوا پذیرفته نمی‌شود.', en: 'This kind of file or content is not accepted.' },
    });
  }
  if (error instanceof MethodNotAllowedError) {
    const response = errorBody('METHOD_NOT_ALLOWED', error.message);
    response.headers.set('allow', error.allowed.join(', '));
    return response;
  }
  if (error instanceof RateLimitedError) {
    const response = errorBody('RATE_LIMITED', error.message, forPeople(error));
    response.headers.set('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    return response;
  }
  const errorId = randomUUID();
  // Only the error's class and our own site go to the log: an unknown error's message or stack
  // may quote a request (a national ID, a phone number), and the log must never hold those.
  logger.error('statdesk/http: unhandled error', {
    errorId,
    method: site.method,
    route: site.route,
    errorName: error instanceof Error ? error.constructor.name : typeof error,
    // Typed errors are written to carry no personal data, so theirs may be logged.
    ...(error instanceof StatdeskError ? { errorCode: error.code, errorMessage: error.message } : {}),
  });
  report?.(error, { errorId, ...site });
  return errorBody('INTERNAL', `Something went wrong on our side (error id ${errorId})`, { errorId });
}

/**
 * Hands the raw error to the portal's error tracker (which must scrub personal data itself);
 * statdesk's own log line never holds more than the error's class.
 */
export type ErrorReporter = (error: unknown, info: ErrorSite & { errorId: string }) => void;

/** The fields added for people: the reason, path, parameters and the message in both languages. */
function forPeople(error: StatdeskError): Partial<ErrorBody> {
  const params = error.params;
  return {
    reason: error.reason,
    ...(error.path !== undefined ? { path: error.path } : {}),
    ...(Object.keys(params).length ? { params } : {}),
    messages: describeError(error).message,
  };
}

function copyIssue(issue: ValidationIssue): ValidationIssue & { messages: LocalizedText } {
  return {
    path: issue.path,
    message: issue.message,
    ...(issue.code ? { code: issue.code } : {}),
    ...(issue.params ? { params: issue.params } : {}),
    messages: describeIssue(issue),
  };
}
