export { smsTransport, localIdFor, type SmsTransportOptions } from './sms-transport';
export { kavenegarProvider, type KavenegarOptions } from './kavenegar';
export { smsIrProvider, type SmsIrOptions } from './sms-ir';
export type { SmsProvider, LookupMessage, ProviderRequest, ProviderAnswer } from './provider';
