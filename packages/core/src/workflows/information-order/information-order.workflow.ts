/**
 * The information-order workflow definition: the machine, who may send each event, the
 * server-side facts added to events (quote, receipt checks, download links, deadlines), the
 * lookup keys, the reader's view and the personal fields kept out of history.
 *
 * Desk services it needs: `{ tariffs, profiles, files }` (see `InformationOrderServices`).
 */
import { defineWorkflow, type EnrichContext, type EventSpec } from '../../engine/definition';
import { InvalidTransitionError, ValidationError } from '../../errors';
import type { InformationOrderContext } from './context';
import { endOfWorkingDays } from './deadlines';
import { DOWNLOAD_TOKEN_KEY, checkDownload, issueDownloadLink } from './delivery';
import type { z } from 'zod';
import { createOrderSchema, eventSchemas, type InformationOrderEvent } from './events';
import { INFORMATION_ORDER_TEMPLATES, informationOrderMachine, type InformationOrderMachine } from './information-order.machine';
import { resolveInformationOrderOptions, type InformationOrderOptions } from './options';
import { priceOrder } from './quote-step';
import { RECEIPT_KEYS, checkReceipt, checkVerification, deadlineAfterRejection, storedFile } from './receipt-review';
import { DEFAULT_EVENT_ROLES, INFORMATION_ORDER_ROLES, INFORMATION_ORDER_STAFF_ROLES, type InformationOrderEventType } from './roles';
import { informationOrderServices } from './services';
import { informationOrderView } from './view';
import { informationOrderSlaPolicy } from './sla-targets';
import { staffAlertRules } from '../../engine/staff-alerts';
import { withSla } from '../../sla/with-sla';
import { sealRefundAccount } from './refund-account';

/** The name of the information-order workflow. */
export const INFORMATION_ORDER_WORKFLOW = 'information-order';

/** Every event carries the server's time and the sender's id, which the client cannot set. */
const stamp = (ctx: EnrichContext) => ({ at: ctx.now, actorId: ctx.actor.id });
type FieldsOf<K extends InformationOrderEventType> = Omit<Extract<InformationOrderEvent, { type: K }>, 'type'>;
const orderOf = (ctx: EnrichContext) => ctx.context as InformationOrderContext;

/**
 * The information-order workflow definition: events with their roles and schemas, quotes priced from the
 * tariff book in force, receipt checks, download tokens, and its SLA policy unless `sla: false`.
 */
export function informationOrderWorkflow(options: InformationOrderOptions = {}) {
  const settings = resolveInformationOrderOptions(options);
  const machine: InformationOrderMachine = informationOrderMachine(options);
  const roles = (type: InformationOrderEventType): readonly string[] => options.roles?.[type] ?? DEFAULT_EVENT_ROLES[type];
  const plain = <K extends InformationOrderEventType>(type: K, extra: Partial<EventSpec<FieldsOf<K>>> = {}): EventSpec<FieldsOf<K>> => ({
    // The schemas parse what a sender may write; the machine's event type adds the server's fields.
    schema: eventSchemas[type] as unknown as z.ZodType<FieldsOf<K>>,
    roles: roles(type),
    enrich: (_fields, ctx) => stamp(ctx) as unknown as Partial<FieldsOf<K>>,
    ...extra,
  });

  const base = defineWorkflow({
    name: INFORMATION_ORDER_WORKFLOW,
    version: settings.version,
    machine,
    notifications: Object.values(INFORMATION_ORDER_TEMPLATES),
    create: {
      schema: createOrderSchema,
      roles: [INFORMATION_ORDER_ROLES.applicant],
      // An order belongs to a registered profile: its contacts are where every message goes.
      enrich: async (_input, ctx) => {
        const { profiles } = informationOrderServices(ctx.services);
        if (!(await profiles.get(ctx.tenantId, ctx.actor.id))) {
          throw new ValidationError('input for "information-order"', [{ path: 'applicant', message: 'register a profile before ordering' }]);
        }
        return { applicantId: ctx.actor.id, orderNumber: ctx.instanceId };
      },
    },
    ownerRoles: [INFORMATION_ORDER_ROLES.applicant],
    readRoles: INFORMATION_ORDER_STAFF_ROLES,
    // Consultants, pricing officers and preparers claim the orders they work on; a supervisor assigns anyone.
    assignRoles: [INFORMATION_ORDER_ROLES.supervisor],
    staffAlerts: staffAlertRules({
      reference: (snapshot) => snapshot.context.orderNumber,
      supervisorRoles: [INFORMATION_ORDER_ROLES.supervisor],
      newWork: [
        { state: 'submitted', roles: [INFORMATION_ORDER_ROLES.consultant], template: 'staff.new-order' },
        { state: 'payment.receiptSubmitted', roles: [INFORMATION_ORDER_ROLES.financeOfficer], template: 'staff.receipt-to-verify' },
      ],
    }),
    view: (args) => informationOrderView(args, INFORMATION_ORDER_STAFF_ROLES),
    events: {
      updateRequest: plain('updateRequest'),
      submit: plain('submit'),
      // Free text may hold anything a person types (a phone number): kept out of history.
      sendMessage: plain('sendMessage', { personal: ['text'] }),
      askQuestion: plain('askQuestion', {
        personal: ['text'],
        enrich: (_f, ctx) => ({ ...stamp(ctx), replyDueAt: endOfWorkingDays(settings.calendar, ctx.now, settings.replyWindowDays) }),
      }),
      accept: plain('accept'),
      reject: plain('reject'),
      redirect: plain('redirect'),
      issueQuote: plain('issueQuote', { enrich: async (fields, ctx) => ({ ...stamp(ctx), quote: await priceOrder(fields.items, ctx, settings) }) }),
      acceptQuote: plain('acceptQuote', {
        enrich: (_f, ctx) => ({ ...stamp(ctx), paymentDueAt: endOfWorkingDays(settings.calendar, ctx.now, settings.paymentWindowDays) }),
      }),
      cancel: plain('cancel'),
      submitReceipt: plain('submitReceipt', {
        personal: ['cardLastFour'],
        enrich: async (fields, ctx) => ({ ...stamp(ctx), ...(await checkReceipt({ ...fields, scan: { key: fields.scan.key } }, ctx, settings)) }),
      }),
      verifyPayment: plain('verifyPayment', {
        enrich: (fields, ctx) => {
          checkVerification(fields, ctx);
          return stamp(ctx);
        },
      }),
      rejectReceipt: plain('rejectReceipt', { enrich: (_f, ctx) => ({ ...stamp(ctx), paymentDueAt: deadlineAfterRejection(ctx, settings) }) }),
      startPreparation: plain('startPreparation'),
      attachFile: plain('attachFile', {
        enrich: async (fields, ctx) => ({ ...stamp(ctx), file: await storedFile(ctx, 'file', fields.file.key, 'event "attachFile"') }),
      }),
      deliver: plain('deliver', {
        personal: ['link.token'],
        enrich: (_f, ctx) => {
          // Told apart from "not in this state": the order is ready except for its files.
          if (orderOf(ctx).delivery.files.length === 0) throw new InvalidTransitionError('deliver', 'inPreparation', INFORMATION_ORDER_WORKFLOW, 'file-required');
          return { ...stamp(ctx), ...issueDownloadLink(ctx, settings) };
        },
      }),
      download: plain('download', { personal: ['token'], enrich: (fields, ctx) => ({ ...stamp(ctx), ...checkDownload(fields, ctx) }) }),
      reissueLink: plain('reissueLink', {
        personal: ['link.token'],
        enrich: (_f, ctx) => (orderOf(ctx).delivery.link ? { ...stamp(ctx), ...issueDownloadLink(ctx, settings) } : stamp(ctx)),
      }),
      revokeLink: plain('revokeLink'),
      close: plain('close'),
      cannotFulfil: plain('cannotFulfil'),
      recordRefund: plain('recordRefund'),
      // The Sheba is sealed before the machine sees it; history keeps neither it nor the seal.
      provideRefundAccount: plain('provideRefundAccount', {
        personal: ['iban', 'account'],
        enrich: async (fields, ctx) => ({ ...stamp(ctx), iban: '', account: await sealRefundAccount(fields.iban, ctx) }),
      }),
    },
    keys: (snapshot) => {
      const c = snapshot.context;
      const keys = new Map<string, { name: string; value: string; unique?: boolean }>();
      for (const r of c.payment.receipts) {
        keys.set(`${RECEIPT_KEYS.bankTracking}:${r.bankTracking}`, { name: RECEIPT_KEYS.bankTracking, value: r.bankTracking });
        keys.set(`${RECEIPT_KEYS.sha256}:${r.scan.sha256}`, { name: RECEIPT_KEYS.sha256, value: r.scan.sha256 });
      }
      const link = c.delivery.link;
      if (link && !link.revokedAt && snapshot.status === 'active') keys.set(DOWNLOAD_TOKEN_KEY, { name: DOWNLOAD_TOKEN_KEY, value: link.tokenHash, unique: true });
      return [...keys.values()];
    },
  });
  if (settings.sla === false) return base;
  const { policy = informationOrderSlaPolicy, province } = settings.sla;
  // The SLA clocks run on the same calendar as the order's own deadlines.
  return withSla(base, { policy, calendar: settings.calendar, ...(province === undefined ? {} : { province }) });
}

/** The information-order workflow's definition type. */
export type InformationOrderWorkflow = ReturnType<typeof informationOrderWorkflow>;
