/**
 * Template parameters: each notification declares its parameters by kind, and the kind decides
 * how a value is checked and shown (a Jalali date in Tehran time, an amount in Rial or Toman,
 * Persian digits in Persian text). Declaring kinds up front lets a template set be checked at
 * startup instead of failing when a message is sent.
 */
import type { Money } from '../money/money';

export type ParameterKind =
  /** Short free text written by staff or the system (a product title, a reason). */
  | 'text'
  /** An order number, tracking or complaint code: shown exactly as given so it can be copied. */
  | 'reference'
  /** Integer Rial (bigint); shown in Rial, or Toman with `|toman`. */
  | 'money'
  /** A UTC instant; shown as a Solar Hijri date and time in Asia/Tehran (`|date`: date only). */
  | 'instant'
  /** A whole number. */
  | 'count'
  /** An https link (a download link, the order's page in the portal). */
  | 'url';

export interface ParameterDeclaration {
  kind: ParameterKind;
  /** When absent from a message, the placeholder renders empty. Default: required. */
  optional?: boolean;
}

/** The formatting modifiers each kind accepts: `{{amount|toman}}`, `{{deadline|date}}`. */
export const MODIFIERS: Readonly<Record<ParameterKind, readonly string[]>> = {
  text: [],
  reference: [],
  money: ['rial', 'toman'],
  instant: ['date', 'datetime'],
  count: [],
  url: [],
};

/** What a workflow passes for each kind (what survives the outbox's JSON encoding). */
export interface ParameterInput {
  text: string;
  reference: string;
  money: bigint | Money;
  instant: string | Date;
  count: number;
  url: string;
}

export type NotificationDeclaration = {
  /** What the message is about, for the docs and for people choosing templates. */
  description: string;
  params: Readonly<Record<string, ParameterDeclaration>>;
};

export type NotificationCatalogue = Readonly<Record<string, NotificationDeclaration>>;

type Required<P> = { [K in keyof P as P[K] extends { optional: true } ? never : K]: P[K] extends { kind: infer Kd extends ParameterKind } ? ParameterInput[Kd] : never };
type Optional<P> = { [K in keyof P as P[K] extends { optional: true } ? K : never]?: P[K] extends { kind: infer Kd extends ParameterKind } ? ParameterInput[Kd] : never };

/** The parameters a notification takes, as a TypeScript type (for workflow authors). */
export type ParamsOf<D extends NotificationDeclaration> = Required<D['params']> & Optional<D['params']>;
