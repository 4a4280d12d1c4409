/**
 * A portal in miniature on a real database, run with one planted person: a distinctive national
 * ID, mobile, e-mail, name and address. Their profile is registered (sealed, rotatable keys),
 * their category evidence verified; they order data (quote, bank receipt, verification,
 * delivery, download), complain, and buy in the shop (card gateway simulator, posted to their
 * address; the checkout particulars sealed under the profiles' keys); every message goes out through template notifications to the console transport;
 * timers and the outbox run. Every log line (the desk's logger, the console) and every line the
 * console transport prints is recorded, so the test can look for the planted values afterwards.
 */
import { zarinpalGateway } from '@statdesk/payment-zarinpal';
import {
  complaintWorkflow,
  consoleTransports,
  createApplicantProfiles,
  createGatewayRegistry,
  createTariffRegistry,
  createTemplateNotifier,
  createTemplateSet,
  fileMessage,
  handlePaymentCallback,
  informationOrderWorkflow,
  isValidNationalId,
  PermanentDeliveryError,
  paymentEffects,
  paymentWorkflow,
  personalDataSealer,
  receiptUploadPolicy,
  sampleTariffBook,
  shopOrderWorkflow,
  staticProfileKeys,
  storeUpload,
  type Actor,
  type ApplicantProfiles,
  type Logger,
  type Notifier,
  type PersonalDataSealer,
  type SmsDelivery,
  type EmailDelivery,
} from '@statdesk/core';
import { mikroOrmCatalogue, mikroOrmProfileStore, mikroOrmSentNotifications, type MikroOrmProfileStore, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { MemoryFileStore, TestClock, actor, createTestDesk, startGatewaySimulator, type TestDesk } from '@statdesk/testing';
import { randomBytes } from 'node:crypto';
import { vi } from 'vitest';

/** The planted person. Each value is distinctive: finding it anywhere means it leaked. */
export const PLANTED = {
  nationalId: '4608251732',
  mobile: '09187365214',
  email: 'planted.person.7f3a@example.ir',
  fullName: 'Planted Zarrinkamar',
  postalAddress: 'Kashan, Baba Afzal Street, Alley 17, No. 43',
  postalCode: '8715973461',
} as const;
if (!isValidNationalId(PLANTED.nationalId)) throw new Error('the planted national ID must pass the check digit');

export const tenantId = 'sci';
const merchantId = '1344b5d4-0048-11e8-94db-005056a205be';
/** The planted person signs in as one account that is applicant, citizen and customer. */
export const person: Actor = { id: 'planted-person', roles: ['applicant', 'citizen', 'customer'] };
const consultant = actor('consultant-1', 'consultant');
const pricing = actor('pricing-1', 'pricing-officer');
const finance = actor('finance-1', 'finance-officer');
const preparer = actor('preparer-1', 'data-preparer');
const officer = actor('officer-1', 'complaints-officer');
export const privacyOfficer = actor('privacy-1', 'privacy-officer');

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]);
const PDF = new TextEncoder().encode('%PDF-1.4\n% receipt\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

export interface PlantedRun {
  desk: TestDesk<MikroOrmStorage, Notifier>;
  profiles: MikroOrmProfileStore;
  registry: ApplicantProfiles;
  /** The sealer the desk seals the shop order's particulars with (the profiles' keys). */
  sealer: PersonalDataSealer;
  /** Every log line: the desk's logger and anything written to the console. */
  logs: string[];
  /** What the console transport printed in place of sending: masked addresses, the rendered messages. */
  printed: string[];
  /** Where messages were delivered (the transports' `to`), kept apart from the logs. */
  deliveredTo: string[];
  ids: { order: string; complaint: string; shopOrder: string; payment: string };
  /** What was charged: the information order's quote, the shop order's total. */
  amounts: { quoteTotal: bigint; shopTotal: bigint };
  close(): Promise<void>;
}

/** Runs the planted person's workflows to their ends on `storage`. */
export async function runPlantedScenario(storage: MikroOrmStorage): Promise<PlantedRun> {
  const logs: string[] = [];
  const printedLines: string[] = [];
  const deliveredTo: string[] = [];
  const record = (level: string) => (...args: unknown[]) => void logs.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))).join(' ')}`);
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(record(`console.${level}`)));
  const logger: Logger = { warn: record('warn'), error: record('error') };

  const clock = new TestClock('2025-05-03T05:30:00Z');
  const keys = staticProfileKeys({ current: { id: 'k1', key: randomBytes(32) }, lookupKey: randomBytes(32) });
  const profiles = mikroOrmProfileStore(storage, { keys });
  const sealer = personalDataSealer(keys);
  const catalogue = mikroOrmCatalogue(storage);
  await catalogue.put(tenantId, { id: 'yearbook-1401', kind: 'book', format: 'physical', title: 'سالنامه آماری ۱۴۰۱', priceRial: 400_000n, status: 'active' });
  const files = new MemoryFileStore({ clock });
  let bounces = 0;
  const printed = consoleTransports({ write: (text) => void printedLines.push(...text.split('\n')) });
  const notifier = createTemplateNotifier({
    contacts: profiles,
    templates: createTemplateSet(),
    sent: mikroOrmSentNotifications(storage),
    clock,
    portalUrl: 'https://portal.example.ir',
    transports: {
      sms: { send: (d: SmsDelivery) => (deliveredTo.push(d.to), printed.sms.send(d)) },
      email: {
        // The first e-mail bounces for good, so the desk has a failure to log (an SMTP adapter's error, address already removed).
        send: async (d: EmailDelivery) => {
          deliveredTo.push(d.to);
          if (bounces++ === 0) throw new PermanentDeliveryError('SMTP server refused the message: 550 5.1.1 <recipient>: mailbox unavailable');
          return printed.email.send(d);
        },
      },
    },
  });
  const sim = await startGatewaySimulator({ merchantId });
  const gateways = createGatewayRegistry({ gateways: [zarinpalGateway({ merchantId, baseUrl: sim.baseUrl, timeoutMs: 2_000 })] });
  const t: TestDesk<MikroOrmStorage, Notifier> = createTestDesk({
    storage,
    clock,
    notifier,
    logger,
    workflows: [informationOrderWorkflow(), complaintWorkflow(), shopOrderWorkflow(), paymentWorkflow()],
    services: { tariffs: createTariffRegistry([sampleTariffBook]), profiles, files, catalogue, personalDataSealer: sealer },
    effects: paymentEffects({ desk: () => t.desk, gateways, callbackUrl: ({ paymentId }) => `https://portal.example.ir/shop/pay/callback?payment=${paymentId}` }),
    outbox: { afterCommit: 'await', baseDelayMs: 1_000, maxDelayMs: 60_000 },
    random: () => 0.5,
  });
  const send = (instanceId: string, who: Actor, event: { type: string } & Record<string, unknown>) => t.desk.send({ tenantId, instanceId, actor: who, event });

  // The profile: registered with every personal field, student evidence verified, then a change.
  const registry = createApplicantProfiles({ store: profiles, files, clock });
  await registry.register({ tenantId, actor: person, input: { ...PLANTED, category: 'student' } });
  await files.put(tenantId, 'cards/planted.png', PNG, { contentType: 'image/png' });
  await registry.submitCategoryEvidence({ tenantId, actor: person, profileId: person.id, file: { key: 'cards/planted.png' } });
  await registry.verifyCategory({ tenantId, actor: consultant, profileId: person.id });
  await registry.update({ tenantId, actor: person, profileId: person.id, change: { language: 'en' } });

  // An information order, from request to download.
  const { instanceId: order } = await t.desk.create({ tenantId, workflow: 'information-order', actor: person, input: { request: { subject: 'Household income by county', description: 'Tables of household income for Tehran province, 1395–1400.', geography: 'Tehran province' } } });
  await send(order, person, { type: 'submit' });
  await send(order, consultant, { type: 'askQuestion', text: 'Which years exactly?' });
  await send(order, person, { type: 'sendMessage', text: '1395 to 1400, please.' });
  await send(order, consultant, { type: 'accept' });
  await send(order, pricing, { type: 'issueQuote', items: { records: 120, tables: [{ level: 'county', count: 2 }] } });
  await send(order, person, { type: 'acceptQuote' });
  const total = ((await t.desk.get({ tenantId, instanceId: order }, finance)).data as { quote: { total: bigint } }).quote.total;
  const receipt = await storeUpload(files, { tenantId, key: `receipts/${order}/1`, content: PDF, policy: receiptUploadPolicy, declaredType: 'application/pdf' });
  await send(order, person, { type: 'submitReceipt', bankTracking: 'BT55120931', amount: total.toString(), paidOn: '2025-05-03', cardLastFour: '4321', scan: { key: receipt.key } });
  await send(order, finance, { type: 'verifyPayment' });
  await send(order, preparer, { type: 'startPreparation' });
  await files.put(tenantId, `deliveries/${order}/tables.xlsx`, new TextEncoder().encode('prepared tables'), { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  await send(order, preparer, { type: 'attachFile', file: { key: `deliveries/${order}/tables.xlsx` }, title: 'Income tables' });
  await send(order, preparer, { type: 'deliver' });
  const delivery = ((await t.desk.get({ tenantId, instanceId: order }, person)).data as { delivery: { link: { token: string }; files: { key: string }[] } }).delivery;
  await send(order, person, { type: 'download', token: delivery.link.token, fileKey: delivery.files[0]!.key });

  // A complaint, answered and accepted.
  const { instanceId: complaint } = await fileMessage(t.desk, { tenantId, actor: person, input: { kind: 'complaint', subject: 'Late answer', body: 'My order took too long to be answered.' } });
  await send(complaint, officer, { type: 'acknowledge' });
  await send(complaint, officer, { type: 'assign', officerId: officer.id });
  await send(complaint, officer, { type: 'answer', text: 'Sorry for the delay; it is delivered now.' });
  await send(complaint, person, { type: 'accept' });

  // A shop order posted to the planted address, paid by card through the gateway simulator.
  const shopOrder = 'SO-PLANTED';
  await t.desk.create({ tenantId, workflow: 'shop-order', actor: person, instanceId: shopOrder, input: { lines: [{ productId: 'yearbook-1401', quantity: 1 }] } });
  await send(shopOrder, person, {
    type: 'place',
    customer: { fullName: PLANTED.fullName, mobile: PLANTED.mobile, email: PLANTED.email },
    shipping: { address: PLANTED.postalAddress, postalCode: PLANTED.postalCode, destination: 'tehran' },
  });
  await send(shopOrder, person, { type: 'pay' });
  const payment = ((await t.desk.get({ tenantId, instanceId: shopOrder }, person)).data as { order: { currentPaymentId: string } }).order.currentPaymentId;
  const authority = ((await t.desk.get({ tenantId, instanceId: payment }, finance)).data as { context: { authority: string } }).context.authority;
  const shopTotal = ((await t.desk.get({ tenantId, instanceId: shopOrder }, person)).data as { order: { pricing: { totalRial: bigint } } }).order.pricing.totalRial;
  await handlePaymentCallback(t.desk, { tenantId, query: new URL(sim.pay(authority)).searchParams });
  await t.runDue();
  await send(shopOrder, actor('clerk-1', 'shop-clerk'), { type: 'ship', trackingCode: 'TRK-778812' });
  await send(shopOrder, actor('clerk-1', 'shop-clerk'), { type: 'markDelivered' });

  // Deadlines and reminders come due; the outbox drains.
  await t.advance({ days: 30 });

  return {
    desk: t,
    profiles,
    registry,
    sealer,
    logs,
    printed: printedLines,
    deliveredTo,
    ids: { order, complaint, shopOrder, payment },
    amounts: { quoteTotal: total, shopTotal },
    close: async () => {
      for (const spy of spies) spy.mockRestore();
      await sim.close();
    },
  };
}
