/**
 * The gateways a portal accepts payments through, with a kill switch per gateway. New payments
 * go to the first enabled gateway (or the one asked for, if enabled); payments already sent to a
 * gateway keep resolving through it after it is switched off (see `GatewaySwitch`).
 */
import { DefinitionError, NotFoundError } from '../errors';
import type { GatewaySwitch, PaymentGateway } from '../ports/payment';

export interface GatewayRegistry extends GatewaySwitch {
  /** Registered names, in preference order. */
  readonly names: readonly string[];
  /** The adapter by name, enabled or not (in-flight payments need it); `NotFoundError` if unknown. */
  get(name: string): PaymentGateway;
  /** The gateway a new payment should use: `preferred` if enabled, else the first enabled, else `undefined`. */
  forNewPayment(preferred?: string): Promise<PaymentGateway | undefined>;
  /** Whether the gateway may take new payments now. */
  isEnabled(name: string): Promise<boolean>;
  /** Turn a gateway off for new payments (in memory, this process); `reason` is kept for operators. */
  disable(name: string, reason: string): void;
  /** Turn a gateway back on for new payments. */
  enable(name: string): void;
  /** Why a gateway was switched off, if it was (in-memory switch only). */
  disabledReason(name: string): string | undefined;
}

/** Options of {@link createGatewayRegistry}. */
export interface GatewayRegistryOptions {
  /** The gateway adapters, by their `name`. */
  gateways: readonly PaymentGateway[];
  /**
   * A shared switch (configuration, a feature-flag service) consulted besides this registry's
   * own in-memory one: a gateway takes new payments only when both say yes.
   */
  switch?: GatewaySwitch;
}

/**
 * The gateways a portal accepts payments through, with a kill switch per gateway (in memory unless `switch`
 * is given).
 */
export function createGatewayRegistry(options: GatewayRegistryOptions): GatewayRegistry {
  const byName = new Map<string, PaymentGateway>();
  for (const gateway of options.gateways) {
    if (byName.has(gateway.name)) throw new DefinitionError(`Two payment gateways are named "${gateway.name}"`);
    byName.set(gateway.name, gateway);
  }
  if (byName.size === 0) throw new DefinitionError('createGatewayRegistry needs at least one gateway');
  const off = new Map<string, string>();
  const known = (name: string) => {
    if (!byName.has(name)) throw new NotFoundError('payment gateway', name);
  };
  const isEnabled = async (name: string) => {
    known(name);
    if (off.has(name)) return false;
    return options.switch ? await options.switch.isEnabled(name) : true;
  };
  return {
    names: Object.freeze([...byName.keys()]),
    get(name) {
      known(name);
      return byName.get(name)!;
    },
    isEnabled,
    async forNewPayment(preferred) {
      if (preferred !== undefined && byName.has(preferred) && (await isEnabled(preferred))) return byName.get(preferred);
      for (const [name, gateway] of byName) if (await isEnabled(name)) return gateway;
      return undefined;
    },
    disable(name, reason) {
      known(name);
      off.set(name, reason);
    },
    enable(name) {
      known(name);
      off.delete(name);
    },
    disabledReason: (name) => off.get(name),
  };
}
