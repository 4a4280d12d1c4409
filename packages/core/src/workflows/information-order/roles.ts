/** The roles of the information-order service; `applicant` acts only on their own orders. */
export const INFORMATION_ORDER_ROLES = Object.freeze({
  applicant: 'applicant',
  consultant: 'consultant',
  pricingOfficer: 'pricing-officer',
  financeOfficer: 'finance-officer',
  dataPreparer: 'data-preparer',
  supervisor: 'supervisor',
  system: 'system',
} as const);

/** A role of the information-order workflow. */
export type InformationOrderRole = (typeof INFORMATION_ORDER_ROLES)[keyof typeof INFORMATION_ORDER_ROLES];

const { applicant, consultant, pricingOfficer, financeOfficer, dataPreparer, supervisor, system } = INFORMATION_ORDER_ROLES;

/** Staff who may read every order. */
export const INFORMATION_ORDER_STAFF_ROLES: readonly string[] = Object.freeze([consultant, pricingOfficer, financeOfficer, dataPreparer, supervisor, system]);

/** Who may send each event by default (override per portal with the factory's `roles` or `customiseWorkflow`). */
export const DEFAULT_EVENT_ROLES = Object.freeze({
  updateRequest: [applicant],
  submit: [applicant],
  sendMessage: [applicant, consultant, supervisor],
  askQuestion: [consultant, supervisor],
  accept: [consultant, supervisor],
  reject: [consultant, supervisor],
  redirect: [consultant, supervisor],
  issueQuote: [pricingOfficer, supervisor],
  acceptQuote: [applicant],
  cancel: [applicant, supervisor],
  submitReceipt: [applicant],
  verifyPayment: [financeOfficer],
  rejectReceipt: [financeOfficer],
  startPreparation: [dataPreparer, supervisor],
  attachFile: [dataPreparer],
  deliver: [dataPreparer, supervisor],
  download: [applicant, system],
  reissueLink: [dataPreparer, supervisor],
  revokeLink: [dataPreparer, supervisor],
  close: [applicant, supervisor, system],
  cannotFulfil: [dataPreparer, supervisor],
  recordRefund: [financeOfficer, supervisor],
  provideRefundAccount: [applicant],
} satisfies Record<string, readonly string[]>);

/** An event a client may send to an information order. */
export type InformationOrderEventType = keyof typeof DEFAULT_EVENT_ROLES;
