/**
 * The account an information order's refund is paid into: the applicant gives a Sheba (IBAN),
 * checked with its mod-97 digits, and it is sealed with the desk's personal-data sealer, bound to
 * the order, before anything is stored. Finance opens it to make the transfer.
 */
import type { EnrichContext } from '../../engine/definition';
import { DefinitionError } from '../../errors';
import { parseSheba, shebaLastFour } from '../../payments/sheba';
import { personalDataSealerIn, type PersonalDataSealer } from '../../personal-data/personal-data-sealer';
import type { InstanceRef } from '../../ports/storage';
import { INFORMATION_ORDER_WORKFLOW } from './information-order.workflow';

/** What a sealed refund account is bound to: the workflow, the tenant and the order. */
export function refundAccountBinding(ref: InstanceRef): string {
  return `${INFORMATION_ORDER_WORKFLOW}/${ref.tenantId}/${ref.instanceId}/refund-account`;
}

/** Seals a validated Sheba for the order the event goes to (enrich step; throws when the desk has no sealer). */
export async function sealRefundAccount(sheba: string, ctx: EnrichContext): Promise<{ sealed: string; lastFour: string }> {
  const sealed = await personalDataSealerIn(ctx.services, INFORMATION_ORDER_WORKFLOW).seal({ sheba }, refundAccountBinding(ctx));
  return { sealed, lastFour: shebaLastFour(sheba) };
}

/** Opens the sealed refund account of an order, for finance making the transfer. */
export async function openRefundAccount(sealer: PersonalDataSealer, ref: InstanceRef, sealed: string): Promise<string> {
  const opened = (await sealer.open(sealed, refundAccountBinding(ref))) as { sheba?: unknown } | null;
  const sheba = typeof opened?.sheba === 'string' ? parseSheba(opened.sheba) : undefined;
  if (!sheba) throw new DefinitionError(`Information order ${ref.instanceId}: its sealed refund account is not a Sheba`);
  return sheba;
}
