/**
 * The HTTP handler over a desk running every shipped workflow (information order, complaint,
 * incident, shop order, payment), the services their steps consult, and one fixture instance of
 * each in the home tenant, owned by `OWNER` where the workflow has owners. The attack tests
 * (authorisation matrix, fuzzing) drive it and count the stored rows before and after.
 */
import {
  complaintWorkflow,
  createApplicantProfiles,
  createTariffRegistry,
  incidentWorkflow,
  informationOrderWorkflow,
  lookupComplaint,
  paymentWorkflow,
  sampleTariffBook,
  shopOrderWorkflow,
  type Product,
  type WorkflowDefinition,
} from '@statdesk/core';
import { MemoryCatalogue, MemoryFileStore, MemoryProfileStore, MemoryStorage, TestClock, createTestDesk, type StorageUnderTest } from '@statdesk/testing';
import { createHttpHandler, type HttpHandlerOptions } from '../src';
import { identifyFromHeader, recordingLogger } from './support';

export const HOME_TENANT = 'sci';
/** Another office on the same deployment: it must never see the home tenant's records. */
export const OTHER_TENANT = 'other-office';
/** The citizen who owns every fixture instance of a workflow with owners. */
export const OWNER = 'citizen-owner';
/** Another citizen of the home tenant (same id length as `OWNER`, so answers compare byte for byte). */
export const OTHER = 'citizen-other';

const PRODUCTS: Product[] = [
  { id: 'census-tables', kind: 'file', format: 'digital', title: 'جداول سرشماری', priceRial: 250_000n, status: 'active', fileKey: 'products/census.xlsx' },
  { id: 'yearbook', kind: 'book', format: 'physical', title: 'سالنامه آماری', priceRial: 400_000n, status: 'active' },
];

/** Fixture ids are fixed and of one length, so "someone else's" and "missing" compare exactly. */
export const fixtureId = (workflow: string) => `fixture-${workflow}`.padEnd(32, '0');
export const missingId = (workflow: string) => `fixture-${workflow}`.padEnd(32, '9');

/** Start input for each shipped workflow, as its creator would send it. */
const START: Record<string, { role: string; input: unknown }> = {
  'information-order': { role: 'applicant', input: { request: { subject: 'Household income by county', description: 'Tables for Tehran province, 1395–1400.' } } },
  complaint: { role: 'citizen', input: { kind: 'complaint', subject: 'Census tables not answered', body: 'I asked and heard nothing.' } },
  'incident-portal': { role: 'operator', input: { title: 'Portal sign-in fails', publicMessage: 'We are looking into it.' } },
  'shop-order': { role: 'customer', input: { lines: [{ productId: 'census-tables' }] } },
  payment: {
    role: 'system',
    input: {
      payerId: 'fixture-shop-order',
      amountRial: 250_000n,
      gateway: 'zarinpal',
      description: 'Fixture payment',
      callbackUrl: 'https://portal.example.ir/pay/callback',
      customerProfileId: OWNER,
    },
  },
};

export interface ShippedDeskOptions {
  /** Storage to run on (default in-memory); its oracle counts rows. */
  storage?: StorageUnderTest;
  handler?: Partial<HttpHandlerOptions>;
}

export async function shippedDesk(options: ShippedDeskOptions = {}) {
  const clock = new TestClock('2025-05-03T05:30:00Z');
  const profiles = new MemoryProfileStore();
  const files = new MemoryFileStore({ clock });
  const catalogue = new MemoryCatalogue({ [HOME_TENANT]: PRODUCTS, [OTHER_TENANT]: PRODUCTS });
  const workflows: WorkflowDefinition[] = [
    informationOrderWorkflow(),
    complaintWorkflow({ attachments: { store: files } }),
    incidentWorkflow({ channel: 'portal' }),
    shopOrderWorkflow(),
    paymentWorkflow(),
  ];
  const { storage, oracle } = options.storage ?? memoryStorage();
  const test = createTestDesk({
    workflows,
    clock,
    storage,
    services: { tariffs: createTariffRegistry([sampleTariffBook]), profiles, files, catalogue },
    // Nothing is dispatched: outbox rows stay countable and no effect needs a gateway.
    outbox: { afterCommit: 'off' },
  });
  const { desk } = test;

  const registry = createApplicantProfiles({ store: profiles, files, clock });
  const people = [
    [OWNER, '0012345679', '09121234567'],
    [OTHER, '0067749828', '09351234567'],
  ] as const;
  for (const tenantId of [HOME_TENANT, OTHER_TENANT]) {
    for (const [id, nationalId, mobile] of people) {
      await registry.register({ tenantId, actor: { id, roles: ['applicant'] }, input: { nationalId, fullName: `Person ${id}`, mobile } });
    }
    await files.put(tenantId, 'products/census.xlsx', new TextEncoder().encode('census tables'), {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  }

  for (const workflow of workflows) {
    const start = START[workflow.name];
    if (!start) throw new Error(`shippedDesk has no start input for ${workflow.name}`);
    const creator = { id: workflow.ownerRoles.includes(start.role) ? OWNER : `staff-${start.role}`, roles: [start.role] };
    await desk.create({ tenantId: HOME_TENANT, workflow: workflow.name, actor: creator, input: start.input, instanceId: fixtureId(workflow.name) });
  }
  // The fixture complaint's codes, for lookups that find something.
  const { trackingCode, complaintCode } = (await desk.get({ tenantId: HOME_TENANT, instanceId: fixtureId('complaint') }, { id: 'boss', roles: ['supervisor'] })).data as {
    trackingCode: string;
    complaintCode: string;
  };
  const codes = { trackingCode, complaintCode };

  const logger = recordingLogger();
  const handlerOptions: HttpHandlerOptions = {
    identify: identifyFromHeader,
    files,
    logger,
    publicTenant: HOME_TENANT,
    complaintLookup: async (body, context) => {
      const result = await lookupComplaint(desk, { tenantId: context.tenantId, ...body });
      return result.found ? result.message : null;
    },
    incidentStatus: async () => ({ incidents: [] }),
    downloads: async (token) => (token === 'fixture-token' ? { file: { key: 'products/census.xlsx' }, filename: 'census.xlsx' } : null),
    // The attack tests send thousands of public requests: the limiter is tested on its own.
    rateLimit: { capacity: 1_000_000, refillMs: 1 },
    ...options.handler,
  };
  const handler = createHttpHandler(desk, handlerOptions);

  /** Every stored row: engine tables from the oracle, files from the store, in both tenants. */
  async function counts() {
    const rows = await oracle.counts();
    let stored = 0;
    for (const tenantId of [HOME_TENANT, OTHER_TENANT]) {
      let after: string | undefined;
      do {
        const page = await files.list(tenantId, after === undefined ? {} : { after });
        stored += page.files.length;
        after = page.nextAfter;
      } while (after !== undefined);
    }
    return { ...rows, files: stored };
  }

  return { ...test, oracle, files, profiles, handler, handlerOptions, logger, workflows, counts, codes };
}

export type ShippedDesk = Awaited<ReturnType<typeof shippedDesk>>;

function memoryStorage(): StorageUnderTest {
  const storage = new MemoryStorage();
  return { storage, oracle: storage.oracle };
}

/** Every role any shipped definition names, plus one none of them knows. */
export function rolesOf(workflows: readonly WorkflowDefinition[]): string[] {
  const roles = new Set<string>();
  for (const def of workflows) {
    for (const list of [def.create.roles, def.ownerRoles, def.readRoles, def.migrateRoles, ...Object.values(def.events).map((e) => e.roles)]) {
      for (const role of list) roles.add(role);
    }
  }
  return [...roles, 'stranger'].sort();
}
