// One desk per process, on SQLite for a single server (PostgreSQL: see docs/deployment.md).
import path from 'node:path';
import { createDesk, createGatewayRegistry, createTariffRegistry, createTemplateNotifier, createTemplateSet, paymentEffects, type Desk } from '@statdesk/core';
import { localFileStore } from '@statdesk/files-local';
import { smtpTransport } from '@statdesk/notification-smtp';
import { kavenegarProvider, smsTransport } from '@statdesk/notification-sms';
import { ZARINPAL_PRODUCTION_URL, zarinpalGateway } from '@statdesk/payment-zarinpal';
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { MemoryCatalogue, MemoryProfileStore } from '@statdesk/testing';
import { tariffBook } from './tariff-book';
import { workflows } from './workflows';

export interface PortalConfig {
  dataDir: string;                            // the SQLite file and uploaded files live here
  publicUrl: string;                          // e.g. https://amar.example.ir; links in messages start with it
  smtp: { host: string; user: string; pass: string };
  kavenegarKey: string;
  zarinpalMerchantId: string;
}

export async function createPortalDesk(config: PortalConfig) {
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: path.join(config.dataDir, 'statdesk.sqlite'), migrate: true });
  const files = localFileStore({ root: path.join(config.dataDir, 'files') });
  // Ports you implement on your own database (run their conformance suites); in memory to start.
  const profiles = new MemoryProfileStore();
  const catalogue = new MemoryCatalogue();

  const templates = createTemplateSet();      // the shipped fa/en wording; see docs/notifications.md
  const notifier = createTemplateNotifier({
    contacts: profiles,                       // profile → official e-mail and mobile, at send time
    templates,
    transports: {
      email: smtpTransport({ host: config.smtp.host, port: 587, requireTLS: true, auth: { user: config.smtp.user, pass: config.smtp.pass }, from: { name: 'مرکز آمار ایران', address: 'no-reply@amar.example.ir' } }),
      sms: smsTransport({ provider: kavenegarProvider({ apiKey: config.kavenegarKey }), templates }),
    },
    portalUrl: config.publicUrl,              // resolves the workflows' root-relative links
  });
  const gateways = createGatewayRegistry({ gateways: [zarinpalGateway({ merchantId: config.zarinpalMerchantId, baseUrl: ZARINPAL_PRODUCTION_URL })] });

  const desk: Desk = createDesk({
    storage,
    workflows,
    notifier,
    files,
    conflictRetries: 3,                       // re-run a command that lost a race, on fresh state
    services: { tariffs: createTariffRegistry([tariffBook]), profiles, files, catalogue },
    effects: paymentEffects({
      desk: () => desk,
      gateways,
      callbackUrl: ({ paymentId }) => `${config.publicUrl}/api/statdesk/payments/callback/zarinpal?payment=${encodeURIComponent(paymentId)}`,
    }),
  });
  return { desk, storage, files, profiles, catalogue, gateways };
}
