/** Shared set-up for the complaint workflow tests: actors, a filing, a desk on the test clock. */
import { actor, createTestDesk, workflowStorage, type RecordingNotifier, type StorageOracle, type TestDeskOptions } from '@statdesk/testing';
import { complaintWorkflow, fileMessage, type ComplaintWorkflowOptions, type MessageKind, type Notifier, type Storage } from '../../../src';

export const tenantId = 'sci';
export const citizen = actor('citizen-1', 'citizen');
export const otherCitizen = actor('citizen-2', 'citizen');
export const officer = actor('officer-1', 'complaints-officer');
export const supervisor = actor('boss-1', 'supervisor');

/** Saturday 16 Farvardin 1404, 08:30 in Tehran: a working morning. */
export const SATURDAY_MORNING = '2025-04-05T05:00:00.000Z';

export function messageInput(kind: MessageKind = 'complaint', extra: Record<string, unknown> = {}) {
  return { kind, subject: 'Census tables not answered', body: 'I asked for the 1395 census tables and heard nothing. My phone is 09121234567.', ...extra };
}

/** A desk on the test backend (in-memory unless the test project swaps it), or on `deskOptions.storage`. */
export async function complaintDesk<N extends Notifier = RecordingNotifier>(
  options: ComplaintWorkflowOptions = {},
  deskOptions: Partial<TestDeskOptions<Storage, N>> & { oracle?: StorageOracle } = {},
) {
  const workflow = complaintWorkflow(options);
  const { oracle: givenOracle, ...rest } = deskOptions;
  const backend = rest.storage && givenOracle ? { storage: rest.storage, oracle: givenOracle } : await workflowStorage();
  const t = createTestDesk<Storage, N>({ workflows: [workflow], start: SATURDAY_MORNING, ...rest, storage: backend.storage });
  const oracle = backend.oracle;
  const file = async (kind: MessageKind = 'complaint', who = citizen) => fileMessage(t.desk, { tenantId, actor: who, input: messageInput(kind) });
  const send = (instanceId: string, who: { id: string; roles: readonly string[] }, event: { type: string } & Record<string, unknown>) =>
    t.desk.send({ tenantId, instanceId, actor: who, event });
  const stateOf = async (instanceId: string) => (await t.storage.getInstance({ tenantId, instanceId }))?.state;
  const contextOf = async (instanceId: string) => (await t.desk.get({ tenantId, instanceId }, supervisor)).data as Record<string, unknown> & { state: string };
  return { ...t, oracle, workflow, file, send, stateOf, contextOf };
}
