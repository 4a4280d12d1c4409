/**
 * The shop-order workflow definition: the machine plus, per event, its schema, the roles that
 * may send it, the personal fields kept out of history, and the enrich steps that add the
 * server's facts (catalogue prices, postage, tokens, the clock).
 */
import { defineWorkflow } from '../../engine/definition';
import { shopOrderInputSchema, shopOrderEventSchemas, type ShopOrderInput } from './events';
import { lineFromProduct, pricedLines, productForSale, isIssue } from './catalogue-lines';
import type { ShopOrderContext } from './context';
import { checkDownload, issueDownloadGrants, SHOP_DOWNLOAD_TOKEN_KEY } from './downloads';
import { resolveShopOrderOptions, type ShopOrderOptions } from './options';
import { placeOrder } from './pricing';
import { DEFAULT_SHOP_ORDER_CREATE_ROLES, SHOP_ORDER_STAFF_ROLES } from './roles';
import { shopOrderServices } from './services';
import { SHOP_ORDER_TEMPLATES, shopOrderMachine } from './shop-order.machine';
import { shopOrderView } from './view';
import { ValidationError } from '../../errors';

/** The name of the shop-order workflow. */
export const SHOP_ORDER_WORKFLOW = 'shop-order';

/** The postal tracking code as a lookup key (not unique: a code may be re-used by the post). */
export const SHOP_POSTAL_TRACKING_KEY = 'shop-order.postal-tracking';

/**
 * The shop-order workflow definition: lines priced from the catalogue server-side, postage and VAT from the
 * tariff book, payment through the payment workflow, download tokens and postal tracking keys.
 */
export function shopOrderWorkflow(options: ShopOrderOptions = {}) {
  const settings = resolveShopOrderOptions(options);
  const roles = settings.roles;
  return defineWorkflow({
    name: SHOP_ORDER_WORKFLOW,
    version: settings.version,
    machine: shopOrderMachine(options),
    notifications: Object.values(SHOP_ORDER_TEMPLATES),
    create: {
      schema: shopOrderInputSchema,
      roles: DEFAULT_SHOP_ORDER_CREATE_ROLES,
      enrich: async (input: ShopOrderInput, ctx) => {
        const { catalogue } = shopOrderServices(ctx.services);
        const requested = input.lines.map((line, i) => ({ ...line, lineId: `L${i + 1}` }));
        return {
          orderNumber: ctx.instanceId,
          customerId: ctx.actor.id,
          pricedLines: await pricedLines(catalogue, ctx.tenantId, requested, 'input for "shop-order"', (i) => `lines.${i}.`),
        };
      },
    },
    ownerRoles: ['customer'],
    readRoles: SHOP_ORDER_STAFF_ROLES,
    assignRoles: ['supervisor'],
    view: shopOrderView,
    events: {
      addLine: {
        schema: shopOrderEventSchemas.addLine,
        roles: roles.addLine,
        enrich: async ({ productId, quantity }, ctx) => {
          const found = await productForSale(shopOrderServices(ctx.services).catalogue, ctx.tenantId, productId, quantity, '');
          if (isIssue(found)) throw new ValidationError('event "addLine"', [found]);
          return { line: lineFromProduct(found, '', quantity) };
        },
      },
      removeLine: { schema: shopOrderEventSchemas.removeLine, roles: roles.removeLine },
      place: {
        schema: shopOrderEventSchemas.place,
        roles: roles.place,
        // The particulars reach the machine only sealed, and history not at all (not even sealed).
        personal: ['customer', 'shipping', 'particulars'],
        enrich: (fields, ctx) => placeOrder(fields, ctx, settings),
      },
      pay: { schema: shopOrderEventSchemas.pay, roles: roles.pay },
      paymentVerified: {
        schema: shopOrderEventSchemas.paymentVerified,
        roles: roles.paymentVerified,
        // Tokens are secrets: they live in the order, not in its history.
        personal: ['grants'],
        enrich: (_fields, ctx) => ({ grants: issueDownloadGrants(ctx, settings) }),
      },
      paymentFailed: { schema: shopOrderEventSchemas.paymentFailed, roles: roles.paymentFailed },
      cancel: { schema: shopOrderEventSchemas.cancel, roles: roles.cancel },
      ship: { schema: shopOrderEventSchemas.ship, roles: roles.ship },
      markDelivered: { schema: shopOrderEventSchemas.markDelivered, roles: roles.markDelivered },
      markReturned: { schema: shopOrderEventSchemas.markReturned, roles: roles.markReturned },
      reship: { schema: shopOrderEventSchemas.reship, roles: roles.reship },
      closeShipment: { schema: shopOrderEventSchemas.closeShipment, roles: roles.closeShipment },
      download: {
        schema: shopOrderEventSchemas.download,
        roles: roles.download,
        // The token is a secret; the line it opened is what the log needs.
        personal: ['token'],
        enrich: ({ token }, ctx) => checkDownload(token, ctx),
      },
      refund: {
        schema: shopOrderEventSchemas.refund,
        roles: roles.refund,
        enrich: ({ amountRial }, ctx) => {
          const order = ctx.context as ShopOrderContext;
          const refundable = (order.payment?.amountRial ?? 0n) - order.refundedRial;
          if (amountRial > refundable) {
            throw new ValidationError('event "refund"', [{ path: 'amountRial', message: `at most ${refundable} Rial can still be refunded`, code: 'too_much' }]);
          }
          return {};
        },
      },
    },
    keys: (snapshot) => [
      ...snapshot.context.downloads.map((grant) => ({ name: SHOP_DOWNLOAD_TOKEN_KEY, value: grant.tokenHash, unique: true })),
      ...(snapshot.context.shipment?.trackingCodes ?? []).map((code) => ({ name: SHOP_POSTAL_TRACKING_KEY, value: code })),
    ],
  });
}

/** The shop-order workflow's definition type. */
export type ShopOrderWorkflow = ReturnType<typeof shopOrderWorkflow>;
