/**
 * Erasure for the shop: at a customer's request, every shop order they own loses its sealed
 * particulars (name, mobile, e-mail, address), while lines, prices, payments, refunds and the
 * history chain stay. It is the shop's half of `ApplicantProfiles.erase`; call both.
 *
 * Finished orders accept no events, so this does not go through `desk.send`: it rewrites each
 * order (`rewriteShopOrder`: compare-and-set, one transaction per order) and appends one
 * hash-chained history row (`statdesk.erasePersonalData`, naming the removed field, never its
 * value). The chain keeps verifying; the order keeps its state and timers.
 */
import type { Actor } from '../../engine/actor';
import { NotAllowedError, ValidationError, type ValidationIssue } from '../../errors';
import { systemClock, type Clock } from '../../ports/clock';
import type { InstanceRecord, Storage } from '../../ports/storage';
import { DEFAULT_PRIVACY_ROLES } from '../../profiles/applicant-profiles';
import { rewriteShopOrder } from './rewrite-order';
import { SHOP_ORDER_WORKFLOW } from './shop-order.workflow';

/** The history event an erasure writes. */
export const ERASE_PERSONAL_DATA_EVENT = 'statdesk.erasePersonalData';

const PAGE = 100;

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

function eraseOne(storage: Storage, listed: InstanceRecord, command: ForgetShopCustomerCommand, actor: { id: string; role: string }, clock: Clock): Promise<boolean> {
  return rewriteShopOrder(storage, { tenantId: listed.tenantId, instanceId: listed.id }, clock, (context, now) => {
    if (context.customerId !== command.customerId || context.particulars === undefined) return undefined;
    const { particulars: _erased, ...kept } = context;
    return {
      context: { ...kept, particularsErasedAt: now },
      history: { actor, eventType: ERASE_PERSONAL_DATA_EVENT, payload: { erased: ['particulars'] } },
    };
  });
}
