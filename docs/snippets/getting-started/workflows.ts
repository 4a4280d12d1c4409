// The shipped workflows with this portal's settings, and one customised on its own version.
import { complaintWorkflow, customiseWorkflow, incidentWorkflow, informationOrderWorkflow, paymentWorkflow, shopOrderWorkflow } from '@statdesk/core';
import type { InformationOrderMachine, WorkflowDefinition } from '@statdesk/core';
import { calendar } from './calendar.js';
import { tariffBook } from './tariff-book.js';

const base = informationOrderWorkflow({
  calendar,                                   // every working-day deadline on your calendar
  tariffId: tariffBook.id,                    // which tariff of the registry prices orders
  quoteValidityDays: 15,
  download: { validDays: 10, maxDownloads: 3 },
});

/**
 * Our rules on top of the shipped ones: a supervisor may verify payments too, and an order
 * accepts two receipts instead of the default three. The customised definition has its own
 * version, so orders started on the base keep running on the base.
 */
export const informationOrders: WorkflowDefinition<InformationOrderMachine> = customiseWorkflow(base, {
  version: `${base.version}+sci-tehran.1`,
  roles: { verifyPayment: ['finance-officer', 'supervisor'] },
  provide: { guards: { mayResubmitReceipt: ({ context }) => context.payment.receipts.length < 2 } },
});

export const workflows: WorkflowDefinition[] = [
  informationOrders,
  complaintWorkflow({ calendar, sla: { complaint: { answer: 5 } } }),   // working days to answer
  incidentWorkflow({ channel: 'portal' }),
  incidentWorkflow({ channel: 'mobile-app', escalateTo: 'duty-supervisor' }),
  shopOrderWorkflow(),
  paymentWorkflow(),                                                   // the shop's card payments
];
