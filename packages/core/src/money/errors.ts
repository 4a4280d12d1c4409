/** Thrown when an operation mixes two currencies (for example, old and redenominated rials). */
export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  constructor(
    readonly left: string,
    readonly right: string,
  ) {
    super(`Cannot combine amounts in ${left} and ${right}`);
  }
}

/** Thrown when a value cannot be an amount: a fraction, a non-number, an unsafe JS number. */
export class InvalidAmountError extends Error {
  override readonly name = 'InvalidAmountError';
  constructor(
    message: string,
    readonly input: unknown,
  ) {
    super(message);
  }
}
