/**
 * The order's service-level targets, as data for the SLA layer (`withSla`). Budgets are in
 * working days of the business calendar; the clocks pause while the order waits for the
 * applicant (a question, a quote to accept, a payment to make) and stop at the step they time.
 * The amounts are this SDK's defaults, not figures from the published agreement (which sets
 * none for channel A): a portal passes its own policy with the same shape.
 */
const waitingForApplicant = [
  { state: 'consultation.awaitingApplicant' },
  { state: 'quoted' },
  { state: 'quoteExpired' },
  { state: 'payment.awaitingReceipt' },
  { state: 'payment.receiptRejected' },
];
const ended = [
  { state: 'rejected' },
  { state: 'redirected' },
  { state: 'cancelled' },
  { state: 'expired' },
  { state: 'paymentRefused' },
  { state: 'refundDue' },
  { state: 'refunded' },
];

/**
 * The information order's SLA policy as input: first response (2 working days), quote (5), preparation
 * (10) and resolution (20), paused while the order waits for the applicant.
 */
export const informationOrderSlaPolicy = {
  id: 'information-order',
  version: '1',
  targets: [
    {
      name: 'firstResponse',
      title: { fa: 'نخستین پاسخ', en: 'First response' },
      budget: { days: 2 },
      start: [{ state: 'submitted' }],
      // Any staff move out of "submitted" is a response; an applicant's own message is not.
      stop: [{ event: 'askQuestion' }, { event: 'accept' }, { event: 'reject' }, { event: 'redirect' }, { statePrefix: 'consultation' }],
      cancel: [{ state: 'cancelled' }],
    },
    {
      name: 'quote',
      title: { fa: 'اعلام هزینه', en: 'Quote' },
      budget: { days: 5 },
      start: [{ state: 'submitted' }],
      pause: [{ state: 'consultation.awaitingApplicant' }],
      stop: [{ state: 'quoted' }],
      cancel: ended,
      // A changed request after a quote restarts the count from where it stopped.
      restart: 'continue' as const,
    },
    {
      name: 'preparation',
      title: { fa: 'آماده‌سازی اطلاعات', en: 'Data preparation' },
      budget: { days: 10 },
      start: [{ state: 'paymentVerified' }],
      stop: [{ state: 'delivered' }],
      cancel: ended,
    },
    {
      name: 'resolution',
      title: { fa: 'رسیدگی کامل', en: 'Resolution' },
      budget: { days: 20 },
      start: [{ state: 'submitted' }],
      pause: waitingForApplicant,
      stop: [{ state: 'delivered' }, { state: 'closed' }],
      cancel: ended,
    },
  ],
};
