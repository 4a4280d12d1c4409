export { zarinpalGateway, ZARINPAL_PRODUCTION_URL, ZARINPAL_SANDBOX_URL, type ZarinpalGatewayOptions } from './zarinpal-gateway';
export { ZARINPAL_CODES } from './result-codes';
