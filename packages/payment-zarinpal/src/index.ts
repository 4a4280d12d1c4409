export { zarinpalGateway, ZARINPAL_PRODUCTION_URL, ZARINPAL_SANDBOX_URL, type ZarinpalGatewayOptions } from './zarinpal-gateway';
export { ZARINPAL_CODES, ZARINPAL_RESULT_CODES, classifyZarinpalCode, type ZarinpalCode, type ZarinpalCodeClass } from './result-codes';
