/** Thrown when an operation mixes two currencies (for example, old and redenominated rials). */
export class CurrencyMismatchError extends Error {
  /** Error name. */
  override readonly name = 'CurrencyMismatchError';
  constructor(
    /** The first currency. */
    readonly left: string,
    /** The second currency. */
    readonly right: string,
  ) {
    super(`Cannot combine amounts in ${left} and ${right}`);
  }
}

/** Thrown when a value cannot be an amount: a fraction, a non-number, an unsafe JS number. */
export class InvalidAmountError extends Error {
  /** Error name. */
  override readonly name = 'InvalidAmountError';
  constructor(
    message: string,
    /** The value that was refused. */
    readonly input: unknown,
  ) {
    super(message);
  }
}
