export { CURRENCIES, IRR, isCurrency, type Currency } from './currency';
export { CurrencyMismatchError, InvalidAmountError } from './errors';
export { ROUNDING_MODES, divideRounded, roundToIncrement, type RoundingMode } from './rounding';
export {
  addMoney,
  compareMoney,
  moneyEquals,
  isNegativeMoney,
  isZeroMoney,
  maxMoney,
  minMoney,
  money,
  multiplyMoney,
  negateMoney,
  percentageOf,
  rial,
  roundMoney,
  scaleMoney,
  subtractMoney,
  sumMoney,
  toAmount,
  toman,
  zeroMoney,
  type AmountInput,
  type Money,
} from './money';
export { formatMoney, formatToman, type FormatMoneyOptions, type MoneyUnit } from './format';
export { parseMoneyText } from './parse';
export { moneyFromJSON, moneyJSONSchema, moneyToJSON, type MoneyJSON } from './json';
