/**
 * A portal in miniature for the order tests: a test desk with the workflow, the sample tariff
 * book, in-memory profile and file stores, registered applicants, and one helper per step an
 * actor takes — each going through the public API (`desk.create`, `desk.send`, `storeUpload`).
 */
import { MemoryFileStore, MemoryProfileStore, RecordingNotifier, TestClock, actor, createTestDesk, workflowStorage, type StorageOracle, type TestDesk } from '@statdesk/testing';
import type { Notifier, Storage } from '../../../src';
import {
  createApplicantProfiles,
  createTariffRegistry,
  encodeJson,
  informationOrderWorkflow,
  receiptUploadPolicy,
  sampleTariffBook,
  storeUpload,
  type Actor,
  type ApplicantCategory,
  type InformationOrderContext,
  type InformationOrderOptions,
  type StoredFile,
} from '../../../src';

export const tenantId = 'sci';
/** Saturday 1404-02-13, 09:00 in Tehran: a working morning. */
export const START = '2025-05-03T05:30:00Z';

export const maryam = actor('maryam', 'applicant');
export const reza = actor('reza', 'applicant');
export const consultant = actor('consultant-1', 'consultant');
export const pricing = actor('pricing-1', 'pricing-officer');
export const finance = actor('finance-1', 'finance-officer');
export const preparer = actor('preparer-1', 'data-preparer');
export const supervisor = actor('boss-1', 'supervisor');
export const system = actor('portal', 'system');

/** A real (tiny) PDF and PNG: the file store's type comes from sniffing these bytes. */
export const PDF = (salt = '') => new TextEncoder().encode(`%PDF-1.4\n% receipt ${salt}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]);

export const REQUEST = { subject: 'Household income by county', description: 'Tables of household income for Tehran province, by county, 1395–1400.', geography: 'Tehran province' };
/** What the pricing officer measures the request as: 120 records and two county tables. */
export const ITEMS = { records: 120, tables: [{ level: 'county', count: 2 }] };

/** `N`: a recording notifier by default; the notification guard passes a real template notifier. */
export interface OrderWorld<N extends Notifier = RecordingNotifier> {
  t: TestDesk<Storage, N>;
  /** In-memory by default; PostgreSQL or SQLite when the test project swaps the backend. */
  storage: Storage;
  /** Reads the backend directly, not through the desk. */
  oracle: StorageOracle;
  clock: TestClock;
  notifier: N;
  profiles: MemoryProfileStore;
  files: MemoryFileStore;
  options: InformationOrderOptions;
}

export interface WorldOptions<N extends Notifier = RecordingNotifier> {
  options?: InformationOrderOptions;
  /** Share these to simulate a restart: a new desk over the same stores. */
  from?: OrderWorld<N>;
  notifier?: N;
  category?: ApplicantCategory;
  verified?: boolean;
}

export async function createWorld<N extends Notifier = RecordingNotifier>(opts: WorldOptions<N> = {}): Promise<OrderWorld<N>> {
  const options = opts.options ?? opts.from?.options ?? {};
  const { storage, oracle } = opts.from ?? (await workflowStorage());
  const clock = opts.from?.clock ?? new TestClock(START);
  const notifier = opts.notifier ?? opts.from?.notifier ?? (new RecordingNotifier() as Notifier as N);
  const profiles = opts.from?.profiles ?? new MemoryProfileStore();
  const files = opts.from?.files ?? new MemoryFileStore({ clock });
  const t = createTestDesk({
    workflows: [informationOrderWorkflow(options)],
    storage,
    clock,
    notifier,
    services: { tariffs: createTariffRegistry([sampleTariffBook]), profiles, files },
  });
  const world = { t, storage, oracle, clock, notifier, profiles, files, options };
  if (!opts.from) {
    const registry = createApplicantProfiles({ store: profiles, files, clock });
    await registry.register({ tenantId, actor: maryam, input: { nationalId: '0012345679', fullName: 'Maryam Ahmadi', mobile: '09121234567', email: 'maryam@example.ir', category: opts.category ?? 'individual' } });
    await registry.register({ tenantId, actor: reza, input: { nationalId: '0067749828', fullName: 'Reza Karimi', mobile: '09351234567' } });
    if (opts.verified) {
      await files.put(tenantId, 'cards/maryam.png', PNG, { contentType: 'image/png' });
      await registry.submitCategoryEvidence({ tenantId, actor: maryam, profileId: 'maryam', file: { key: 'cards/maryam.png' } });
      await registry.verifyCategory({ tenantId, actor: consultant, profileId: 'maryam' });
    }
  }
  return world;
}

export async function send(world: OrderWorld<Notifier>, instanceId: string, who: Actor, event: { type: string } & Record<string, unknown>) {
  return world.t.desk.send({ tenantId, instanceId, actor: who, event });
}

export async function contextOf(world: OrderWorld<Notifier>, instanceId: string): Promise<InformationOrderContext & { state: string }> {
  return (await world.t.desk.get({ tenantId, instanceId }, supervisor)).data as InformationOrderContext & { state: string };
}

export async function stateOf(world: OrderWorld<Notifier>, instanceId: string): Promise<string> {
  return (await world.t.desk.get({ tenantId, instanceId }, supervisor)).state;
}

/** Any value as text (bigint and Date included), to check what a reader could see. */
export function asText(value: unknown): string {
  return JSON.stringify(encodeJson(value));
}

let receiptSeq = 0;
/** The applicant uploads a receipt scan the way a portal would: sniffed, policy-checked, stored. */
export async function uploadReceipt(world: OrderWorld<Notifier>, instanceId: string, bytes: Uint8Array = PDF(String(++receiptSeq))): Promise<StoredFile> {
  return storeUpload(world.files, { tenantId, key: `receipts/${instanceId}/${++receiptSeq}`, content: bytes, policy: receiptUploadPolicy, declaredType: 'application/pdf' });
}

export async function placeOrder(world: OrderWorld<Notifier>, who = maryam, instanceId?: string): Promise<string> {
  const created = await world.t.desk.create({ tenantId, workflow: 'information-order', actor: who, input: { request: REQUEST }, ...(instanceId ? { instanceId } : {}) });
  return created.instanceId;
}

/** Each step of the lifecycle, as the actor who takes it. */
export const steps = {
  submit: (w: OrderWorld<Notifier>, id: string) => send(w, id, maryam, { type: 'submit' }),
  ask: (w: OrderWorld<Notifier>, id: string) => send(w, id, consultant, { type: 'askQuestion', text: 'Which years exactly?' }),
  reply: (w: OrderWorld<Notifier>, id: string) => send(w, id, maryam, { type: 'sendMessage', text: '1395 to 1400, please.' }),
  accept: (w: OrderWorld<Notifier>, id: string) => send(w, id, consultant, { type: 'accept' }),
  quote: (w: OrderWorld<Notifier>, id: string, items: object = ITEMS) => send(w, id, pricing, { type: 'issueQuote', items }),
  acceptQuote: (w: OrderWorld<Notifier>, id: string) => send(w, id, maryam, { type: 'acceptQuote' }),
  async submitReceipt(w: OrderWorld<Notifier>, id: string, fields: Record<string, unknown> = {}) {
    const total = (await contextOf(w, id)).quote!.total;
    const scan = fields.scan ?? { key: (await uploadReceipt(w, id)).key };
    return send(w, id, maryam, { type: 'submitReceipt', bankTracking: `BT${id.slice(0, 8)}${receiptSeq}`, amount: total.toString(), paidOn: '2025-05-03', cardLastFour: '4321', ...fields, scan });
  },
  verify: (w: OrderWorld<Notifier>, id: string, extra: Record<string, unknown> = {}) => send(w, id, finance, { type: 'verifyPayment', ...extra }),
  rejectReceipt: (w: OrderWorld<Notifier>, id: string) => send(w, id, finance, { type: 'rejectReceipt', reason: 'The receipt is unreadable' }),
  startPreparation: (w: OrderWorld<Notifier>, id: string) => send(w, id, preparer, { type: 'startPreparation' }),
  async attach(w: OrderWorld<Notifier>, id: string) {
    await w.files.put(tenantId, `deliveries/${id}/tables.xlsx`, new TextEncoder().encode('prepared tables'), { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    return send(w, id, preparer, { type: 'attachFile', file: { key: `deliveries/${id}/tables.xlsx` }, title: 'Income tables' });
  },
  deliver: (w: OrderWorld<Notifier>, id: string) => send(w, id, preparer, { type: 'deliver' }),
  async download(w: OrderWorld<Notifier>, id: string) {
    const view = (await w.t.desk.get({ tenantId, instanceId: id }, maryam)).data as { delivery: { link: { token: string }; files: { key: string }[] } };
    return send(w, id, maryam, { type: 'download', token: view.delivery.link.token, fileKey: view.delivery.files[0]!.key });
  },
};

/** Drive an order from creation to a named waiting state. */
export async function orderAt(world: OrderWorld<Notifier>, state: 'draft' | 'submitted' | 'awaitingApplicant' | 'accepted' | 'quoted' | 'awaitingReceipt' | 'receiptSubmitted' | 'receiptRejected' | 'paymentVerified' | 'inPreparation' | 'delivered' | 'refundDue'): Promise<string> {
  const id = await placeOrder(world);
  if (state === 'draft') return id;
  await steps.submit(world, id);
  if (state === 'submitted') return id;
  if (state === 'awaitingApplicant') {
    await steps.ask(world, id);
    return id;
  }
  await steps.accept(world, id);
  if (state === 'accepted') return id;
  await steps.quote(world, id);
  if (state === 'quoted') return id;
  await steps.acceptQuote(world, id);
  if (state === 'awaitingReceipt') return id;
  await steps.submitReceipt(world, id);
  if (state === 'receiptSubmitted') return id;
  if (state === 'receiptRejected') {
    await steps.rejectReceipt(world, id);
    return id;
  }
  await steps.verify(world, id);
  if (state === 'paymentVerified') return id;
  if (state === 'refundDue') {
    await send(world, id, supervisor, { type: 'cannotFulfil', reason: 'The data was withdrawn' });
    return id;
  }
  await steps.startPreparation(world, id);
  await steps.attach(world, id);
  if (state === 'inPreparation') return id;
  await steps.deliver(world, id);
  return id;
}
