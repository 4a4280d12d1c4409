/**
 * Erasure for the shop: at a customer's request, every shop order they own loses its sealed
 * particulars (name, mobile, e-mail, address), while lines, prices, payments, refunds and the
 * history chain stay. It is the shop's half of `ApplicantProfiles.erase`; call both.
 *
 * Finished orders accept no events, so this does not go through `desk.send`: it rewrites each
 * order's snapshot with the storage's compare-and-set and appends one hash-chained history row
 * (`statdesk.erasePersonalData`, naming the removed field, never its value), in one
 * transaction per order. The chain keeps verifying; the order keeps its state and timers.
 */
import type { Actor } from '../../engine/actor';
import { hashHistory } from '../../engine/history-chain';
import { decodeJson, encodeJson } from '../../engine/json-codec';
import { ConflictError, NotAllowedError, ValidationError, type ValidationIssue } from '../../errors';
import { systemClock, type Clock } from '../../ports/clock';
import type { InstanceRecord, Storage } from '../../ports/storage';
import { DEFAULT_PRIVACY_ROLES } from '../../profiles/applicant-profiles';
import { SHOP_ORDER_WORKFLOW } from './shop-order.workflow';

/** The history event an erasure writes. */
export const ERASE_PERSONAL_DATA_EVENT = 'statdesk.erasePersonalData';

const PAGE = 100;
const RETRIES = 5;

/** Where `forgetShopCustomer` works, and who may call it. */
export interface ForgetShopCustomerOptions {
  /** The desk's storage. */
  storage: Storage;
  /** The erasure's instant (default the system clock). */
  clock?: Clock;
  /** Roles that may erase (default `privacy-officer`, as for profiles). */
  privacyRoles?: readonly string[];
}

/** Whose orders to anonymise, and who asks. */
export interface ForgetShopCustomerCommand {
  /** The tenant. */
  tenantId: string;
  /** The customer (the orders' owner and `customerId`, the profile id). */
  customerId: string;
  /** Who erases: needs one of the privacy roles. */
  actor: Actor;
}

/** What `forgetShopCustomer` did. */
export interface ForgetShopCustomerReport {
  /** Orders whose particulars were erased now. */
  erased: string[];
  /** The customer's orders with nothing to erase (never placed, or erased before). */
  unchanged: number;
}

/**
 * Erases the sealed particulars of every shop order `customerId` owns. Idempotent: a second call
 * erases nothing. A concurrent command on an order is not overwritten: the order is re-read and
 * erased on top of it.
 */
export async function forgetShopCustomer(options: ForgetShopCustomerOptions, command: ForgetShopCustomerCommand): Promise<ForgetShopCustomerReport> {
  const issues: ValidationIssue[] = [];
  for (const field of ['tenantId', 'customerId'] as const) {
    if (typeof command?.[field] !== 'string' || !command[field].trim()) issues.push({ path: field, message: 'must be a non-empty string' });
  }
  if (issues.length) throw new ValidationError('forget shop customer', issues);
  const privacyRoles = options.privacyRoles ?? DEFAULT_PRIVACY_ROLES;
  const role = command.actor?.roles?.find((r) => privacyRoles.includes(r));
  if (!role) throw new NotAllowedError("erase a shop customer's particulars", command.actor?.roles ?? []);

  const clock = options.clock ?? systemClock;
  const report: ForgetShopCustomerReport = { erased: [], unchanged: 0 };
  let cursor: string | undefined;
  do {
    const page = await options.storage.listInstances({ tenantId: command.tenantId, workflow: SHOP_ORDER_WORKFLOW, ownerId: command.customerId, limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const listed of page.items) {
      if (await eraseOne(options.storage, listed, command, { id: command.actor.id, role }, clock)) report.erased.push(listed.id);
      else report.unchanged++;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return report;
}

type Snapshot = { context?: Record<string, unknown> } & Record<string, unknown>;

async function eraseOne(storage: Storage, listed: InstanceRecord, command: ForgetShopCustomerCommand, actor: { id: string; role: string }, clock: Clock): Promise<boolean> {
  const ref = { tenantId: listed.tenantId, instanceId: listed.id };
  for (let attempt = 0; ; attempt++) {
    try {
      return await storage.transaction(async (tx) => {
        const record = await tx.loadInstance(ref);
        const snapshot = record ? (decodeJson(record.snapshot) as Snapshot) : undefined;
        const context = snapshot?.context;
        if (!record || !snapshot || !context || context.customerId !== command.customerId || context.particulars === undefined) return false;
        const now = clock.now();
        const { particulars: _erased, ...kept } = context;
        const unhashed = {
          tenantId: record.tenantId,
          instanceId: record.id,
          seq: record.historySeq + 1,
          at: now,
          actorId: actor.id,
          actorRole: actor.role,
          eventType: ERASE_PERSONAL_DATA_EVENT,
          fromState: record.state,
          toState: record.state,
          definitionVersion: record.definitionVersion,
          payload: encodeJson({ erased: ['particulars'] }),
          prevHash: record.historyHash,
        };
        const row = { ...unhashed, hash: hashHistory(unhashed) };
        const updated: InstanceRecord = {
          ...record,
          snapshot: encodeJson({ ...snapshot, context: { ...kept, particularsErasedAt: now } }),
          version: record.version + 1,
          historySeq: row.seq,
          historyHash: row.hash,
          updatedAt: now,
        };
        await tx.updateInstance(updated, record.version);
        await tx.appendHistory(row);
        return true;
      });
    } catch (error) {
      // Someone changed the order between the read and the write: read it again.
      if (!(error instanceof ConflictError) || attempt >= RETRIES) throw error;
    }
  }
}
