/**
 * The customer's checkout particulars (name, mobile, e-mail, shipping address) at rest: sealed
 * in the `place` event's enrich step with the desk's `personalDataSealer`, so the machine, the
 * snapshot column and history only ever hold the sealed value, bound to this order (pasted into
 * another order, it does not open). They are opened on demand, for a reader the desk lets read
 * the order (its customer, shop staff, the system), e.g. to print the postal label.
 */
import type { Actor } from '../../engine/actor';
import type { EnrichContext } from '../../engine/definition';
import type { Desk } from '../../engine/desk';
import { DefinitionError } from '../../errors';
import { personalDataSealerIn, type PersonalDataSealer } from '../../personal-data/personal-data-sealer';
import type { InstanceRef } from '../../ports/storage';
import type { ShopOrderParticulars } from './context';
import { customerSchema, shippingSchema } from './events';
import type { ShopOrderView } from './view';
import { z } from 'zod';

const particularsSchema = z.object({ customer: customerSchema, shipping: shippingSchema.optional() });

/** What a sealed value is bound to: the workflow, the tenant and the order. */
export function shopOrderParticularsBinding(ref: InstanceRef): string {
  return `shop-order/${ref.tenantId}/${ref.instanceId}`;
}

/** Seals the particulars for the order the event goes to (enrich step; throws when the desk has no sealer). */
export function sealShopOrderParticulars(particulars: ShopOrderParticulars, ctx: EnrichContext): Promise<string> {
  return personalDataSealerIn(ctx.services, 'shop-order').seal(particulars, shopOrderParticularsBinding(ctx));
}

/** The particulars of an order as `readShopOrderParticulars` returns them. */
export type ShopOrderParticularsReading =
  | { status: 'sealed'; particulars: ShopOrderParticulars; keyId: string }
  | { status: 'erased'; erasedAt: Date }
  | { status: 'not-placed' };

/**
 * Opens an order's particulars for `actor`: the desk's read authorisation decides (the owner,
 * shop staff and `system` may; another customer gets `NotFoundError`, as for any read).
 * `sealer` is the one the desk seals with (its `personalDataSealer` service).
 */
export async function readShopOrderParticulars(desk: Desk, sealer: PersonalDataSealer, ref: InstanceRef, actor: Actor): Promise<ShopOrderParticularsReading> {
  const { order } = (await desk.get(ref, actor)).data as ShopOrderView;
  if (order.particularsErasedAt) return { status: 'erased', erasedAt: order.particularsErasedAt };
  if (!order.particulars) return { status: 'not-placed' };
  const opened = particularsSchema.safeParse(await sealer.open(order.particulars, shopOrderParticularsBinding(ref)));
  if (!opened.success) throw new DefinitionError(`Shop order ${ref.instanceId}: its sealed particulars are not in the shape this version reads`);
  const { customer, shipping } = opened.data;
  return {
    status: 'sealed',
    particulars: { customer: { fullName: customer.fullName, mobile: customer.mobile, ...(customer.email ? { email: customer.email } : {}) }, ...(shipping ? { shipping } : {}) },
    keyId: sealer.keyIdOf(order.particulars) ?? '',
  };
}
