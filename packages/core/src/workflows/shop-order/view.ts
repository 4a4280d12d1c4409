/**
 * What a reader sees of an order. The customer sees everything of their own order, download
 * links included; staff see what they need to ship and refund, but never the download tokens
 * (bearer secrets: whoever holds one can download). The customer's particulars stay sealed in
 * the view; `readShopOrderParticulars` opens them for a reader who needs them.
 */
import type { ViewArgs } from '../../engine/definition';
import { describeState, type StateDescription } from '../../i18n/describe-state';
import type { ShopOrderContext } from './context';
import { shopOrderLabels } from './labels';
import type { ShopOrderMachine } from './shop-order.machine';

/** What a reader sees of a shop order. */
export interface ShopOrderView {
  /** The state value. */
  state: unknown;
  /** The state in words: its label and the customer's status, in Persian and English. */
  labels: StateDescription;
  /** Download tokens only for the owner; the hash (which opens nothing) for everyone. */
  order: Omit<ShopOrderContext, 'downloads'> & { downloads: (Omit<ShopOrderContext['downloads'][number], 'token'> & { token?: string })[] };
}

/** The view of a shop order: the owner sees their download tokens, everyone else only their hashes. */
export function shopOrderView({ snapshot, isOwner }: ViewArgs<ShopOrderMachine>): ShopOrderView {
  const context = snapshot.context;
  return {
    state: snapshot.value,
    labels: describeState(shopOrderLabels, snapshot.value),
    order: {
      ...context,
      downloads: context.downloads.map(({ token, ...grant }) => (isOwner ? { ...grant, token } : grant)),
    },
  };
}
