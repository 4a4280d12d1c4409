// One desk per process, on SQLite for a single server (PostgreSQL: see docs/deployment.md).
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDesk, createGatewayRegistry, createTariffRegistry, createTemplateNotifier, createTemplateSet, paymentEffects, personalDataSealer, type Desk } from '@statdesk/core';
import { localFileStore } from '@statdesk/files-local';
import { smtpTransport } from '@statdesk/notification-smtp';
import { kavenegarProvider, smsTransport } from '@statdesk/notification-sms';
import { ZARINPAL_PRODUCTION_URL, zarinpalGateway } from '@statdesk/payment-zarinpal';
import { mikroOrmCatalogue, mikroOrmProfileStore, mikroOrmSentNotifications, mikroOrmStorage, profileKeysFromSecret } from '@statdesk/storage-mikro-orm';
import { calendar } from './calendar.js';
import { tariffBook } from './tariff-book.js';
import { workflows } from './workflows.js';

export interface PortalConfig {
  dataDir: string;                            // the SQLite file and uploaded files live here
  publicUrl: string;                          // e.g. https://amar.example.ir; links in messages start with it
  smtp: { host: string; user: string; pass: string };
  kavenegarKey: string;
  zarinpalMerchantId: string;
  profileKey?: string;                        // base64 of 32 secret bytes (openssl rand -base64 32); required in production
}

export async function createPortalDesk(config: PortalConfig) {
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: path.join(config.dataDir, 'statdesk.sqlite'), migrate: true });
  const files = localFileStore({ root: path.join(config.dataDir, 'files') });
  // One key seals personal data: in profiles, and the shop order's checkout particulars.
  const keys = profileKeysFromSecret(config.profileKey ?? (await developmentKey(config.dataDir)));
  // Profiles, products and sent-message keys, in the same database.
  const profiles = mikroOrmProfileStore(storage, { keys });
  const catalogue = mikroOrmCatalogue(storage);

  // The shipped fa/en wording, signed with your office's name (docs/notifications.md).
  const templates = createTemplateSet({ office: { name: { fa: 'مرکز آمار ایران', en: 'Statistical Centre of Iran' } } });
  const notifier = createTemplateNotifier({
    contacts: profiles,                       // profile → official e-mail and mobile, at send time
    templates,
    transports: {
      email: smtpTransport({ host: config.smtp.host, port: 587, requireTLS: true, auth: { user: config.smtp.user, pass: config.smtp.pass }, from: { name: 'مرکز آمار ایران', address: 'no-reply@amar.example.ir' } }),
      sms: smsTransport({ provider: kavenegarProvider({ apiKey: config.kavenegarKey }), templates }),
    },
    portalUrl: config.publicUrl,              // resolves the workflows' root-relative links
    sent: mikroOrmSentNotifications(storage), // a send retried after a crash is not repeated
  });
  const gateways = createGatewayRegistry({ gateways: [zarinpalGateway({ merchantId: config.zarinpalMerchantId, baseUrl: ZARINPAL_PRODUCTION_URL })] });

  const desk: Desk = createDesk({
    storage,
    workflows,
    notifier,
    files,
    conflictRetries: 3,                       // re-run a command that lost a race, on fresh state
    calendars: [calendar],                    // the worker logs holiday years not yet entered
    services: { tariffs: createTariffRegistry([tariffBook]), profiles, files, catalogue, personalDataSealer: personalDataSealer(keys) },
    effects: paymentEffects({
      desk: () => desk,
      gateways,
      callbackUrl: ({ paymentId }) => `${config.publicUrl}/api/statdesk/payments/callback/zarinpal?payment=${encodeURIComponent(paymentId)}`,
    }),
  });
  return { desk, storage, files, profiles, catalogue, gateways };
}

// Development only: a key kept beside the data it protects protects no copy of that folder.
async function developmentKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'profile-key');
  const kept = await readFile(file, 'utf8').catch(() => undefined);
  if (kept) return kept.trim();
  const key = randomBytes(32).toString('base64');
  await writeFile(file, key, { mode: 0o600, flag: 'wx' }); // never replaces a key: losing it loses the profiles
  return key;
}
