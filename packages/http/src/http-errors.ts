/**
 * Errors only the HTTP layer raises (the engine's own are in `@statdesk/core`'s `errors.ts`).
 * Each maps to one status in `errorResponse`.
 */

/** No identity for a route that needs an actor: 401. */
export class UnauthenticatedError extends Error {
  /** Stable error code, mapped to the `UNAUTHENTICATED` answer. */
  readonly code = 'UNAUTHENTICATED' as const;
  constructor() {
    super('Sign in first: this route needs an identified user');
    this.name = 'UnauthenticatedError';
  }
}

/** The body is larger than the route accepts: 413. Nothing was stored. */
export class PayloadTooLargeError extends Error {
  /** Stable error code, mapped to the `PAYLOAD_TOO_LARGE` answer. */
  readonly code = 'PAYLOAD_TOO_LARGE' as const;
  /**
   * @param limitBytes - the largest body the route accepts, in bytes
   *
   * @param what - what was too large, for the message
   */
  constructor(readonly limitBytes: number, what = 'request body') {
    super(`The ${what} is larger than the limit of ${limitBytes} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

/** The body's media type (declared or sniffed) is not one the route accepts: 415. Nothing was stored. */
export class UnsupportedMediaTypeError extends Error {
  /** Stable error code, mapped to the `UNSUPPORTED_MEDIA_TYPE` answer. */
  readonly code = 'UNSUPPORTED_MEDIA_TYPE' as const;
  constructor(
    message: string,
    /** Which field or part was refused, and why. */
    readonly issues: readonly { path: string; message: string; code?: string }[] = [],
  ) {
    super(message);
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** The route exists but not for this method: 405 with `Allow`. */
export class MethodNotAllowedError extends Error {
  /** Stable error code, mapped to the `METHOD_NOT_ALLOWED` answer. */
  readonly code = 'METHOD_NOT_ALLOWED' as const;
  /** @param allowed - the methods the path does serve, sent back in `Allow` */
  constructor(readonly allowed: readonly string[]) {
    super(`Method not allowed here; use ${allowed.join(', ')}`);
    this.name = 'MethodNotAllowedError';
  }
}
