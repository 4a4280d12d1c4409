export { smtpTransport, type SmtpTransportOptions, type SmtpEmailTransport } from './smtp-transport';
export { smtpNotifier, type SmtpNotifierOptions } from './smtp-notifier';
export { messageIdFor } from './message-id';
