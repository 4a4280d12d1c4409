/**
 * Key rotation for shop orders: re-seals every order's particulars that name an older key under
 * the sealer's current one, so the older key can be retired (as `reseal` does for profiles).
 * Batched by page, safe beside live traffic (each order is a compare-and-set, a lost race is
 * re-read) and idempotent: a second run re-seals nothing. Key maintenance is not an event of
 * the order, so no history row is written; the chain is untouched.
 */
import type { PersonalDataSealer } from '../../personal-data/personal-data-sealer';
import { systemClock, type Clock } from '../../ports/clock';
import type { Storage } from '../../ports/storage';
import { ValidationError } from '../../errors';
import { shopOrderParticularsBinding } from './particulars';
import { rewriteShopOrder } from './rewrite-order';
import { SHOP_ORDER_WORKFLOW } from './shop-order.workflow';

const PAGE = 100;

/** Where `resealShopOrders` works. */
export interface ResealShopOrdersOptions {
  /** The desk's storage. */
  storage: Storage;
  /** The desk's sealer, with the new key current and the old ones still listed. */
  sealer: PersonalDataSealer;
  /** When the orders were changed (default the system clock). */
  clock?: Clock;
}

/** What `resealShopOrders` did in one tenant. */
export interface ResealShopOrdersReport {
  /** Orders whose particulars moved to the current key. */
  resealed: number;
  /** Orders already under the current key. */
  current: number;
  /** Orders without particulars (never placed, or erased). */
  without: number;
}

/** Re-seals the particulars of every shop order of `tenantId` that are not under the current key. */
export async function resealShopOrders(options: ResealShopOrdersOptions, command: { tenantId: string }): Promise<ResealShopOrdersReport> {
  if (typeof command?.tenantId !== 'string' || !command.tenantId.trim()) {
    throw new ValidationError('reseal shop orders', [{ path: 'tenantId', message: 'must be a non-empty string' }]);
  }
  const { storage, sealer } = options;
  const clock = options.clock ?? systemClock;
  const current = await sealer.currentKeyId();
  const report: ResealShopOrdersReport = { resealed: 0, current: 0, without: 0 };
  let cursor: string | undefined;
  do {
    const page = await storage.listInstances({ tenantId: command.tenantId, workflow: SHOP_ORDER_WORKFLOW, limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const listed of page.items) {
      const ref = { tenantId: listed.tenantId, instanceId: listed.id };
      let outcome: keyof ResealShopOrdersReport = 'without';
      await rewriteShopOrder(storage, ref, clock, async (context) => {
        const sealed = context.particulars;
        outcome = typeof sealed !== 'string' ? 'without' : sealer.keyIdOf(sealed) === current ? 'current' : 'resealed';
        if (outcome !== 'resealed') return undefined;
        const binding = shopOrderParticularsBinding(ref);
        return { context: { ...context, particulars: await sealer.seal(await sealer.open(sealed as string, binding), binding) } };
      });
      report[outcome]++;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return report;
}
