/**
 * Template parameters: each notification declares its parameters by kind, and the kind decides
 * how a value is checked and shown (a Jalali date in Tehran time, an amount in Rial or Toman,
 * Persian digits in Persian text). Declaring kinds up front lets a template set be checked at
 * startup instead of failing when a message is sent.
 */
import type { Money } from '../money/money';

/**
 * The kinds of value a template parameter can be; each kind is formatted for its language (digits, money,
 * dates) and checked for personal data.
 */
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

/** How a notification declares one parameter. */
export interface ParameterDeclaration {
  /** What kind of value it is. */
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
  /** A short text. */
  text: string;
  /** A reference such as a tracking code. */
  reference: string;
  /** Money, in whole Rial. */
  money: bigint | Money;
  /** An instant (UTC), shown in Asia/Tehran. */
  instant: string | Date;
  /** A count. */
  count: number;
  /** An https URL or a root-relative portal path. */
  url: string;
}

/** A notification's declaration: what it is about and its parameters. */
export type NotificationDeclaration = {
  /** What the message is about, for the docs and for people choosing templates. */
  description: string;
  /** Its parameters by name. */
  params: Readonly<Record<string, ParameterDeclaration>>;
};

/** Notification declarations by id. */
export type NotificationCatalogue = Readonly<Record<string, NotificationDeclaration>>;

type Required<P> = { [K in keyof P as P[K] extends { optional: true } ? never : K]: P[K] extends { kind: infer Kd extends ParameterKind } ? ParameterInput[Kd] : never };
type Optional<P> = { [K in keyof P as P[K] extends { optional: true } ? K : never]?: P[K] extends { kind: infer Kd extends ParameterKind } ? ParameterInput[Kd] : never };

/** The parameters a notification takes, as a TypeScript type (for workflow authors). */
export type ParamsOf<D extends NotificationDeclaration> = Required<D['params']> & Optional<D['params']>;
