/**
 * Everything of the example portal that does not depend on the web framework: storage (SQLite
 * under the data folder, or PostgreSQL by URL), files on the local disk, the desk with every
 * shipped workflow, the in-process demo bank, notifications (printed, or e-mailed over SMTP),
 * applicants' profiles (personal fields sealed), the catalogue and the delivered-message keys in
 * the same database, the seeded demo data, the public rate limiter and the session secret. The
 * Express portal (`create-portal.ts`) and the Next.js portal (`examples/next-portal`) both
 * start from it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  complaintWorkflow,
  consoleTransports,
  createApplicantProfiles,
  createDesk,
  createGatewayRegistry,
  createTariffRegistry,
  createTemplateNotifier,
  createTemplateSet,
  incidentWorkflow,
  informationOrderWorkflow,
  iranGovernmentCalendar,
  paymentEffects,
  paymentWorkflow,
  PERSONAL_DATA_SEALER_SERVICE,
  personalDataSealer,
  sampleTariffBook,
  shopOrderWorkflow,
  systemClock,
  type ApplicantProfiles,
  type Catalogue,
  type ContactDirectory,
  type Desk,
  type FileStore,
  type NotificationChannel,
  type Notifier,
  type ProfileStore,
  type RateLimiter,
  type SentNotificationStore,
} from '@statdesk/core';
import { localFileStore } from '@statdesk/files-local';
import { smtpNotifier } from '@statdesk/notification-smtp';
import { zarinpalGateway } from '@statdesk/payment-zarinpal';
import { mikroOrmCatalogue, mikroOrmProfileStore, mikroOrmRateLimiter, mikroOrmSentNotifications, mikroOrmStorage, profileKeysFromSecret, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { startGatewaySimulator, type GatewaySimulator } from '@statdesk/testing';
import type { SmtpSettings } from './config';
import { demoProfileKeyIn } from './profile-key';
import { seedPortal } from './seed';

export interface AssembleOptions {
  /** Folder for the SQLite database, uploaded files, the session secret (and the demo profile key). */
  dataDir: string;
  databaseUrl?: string;
  smtp?: SmtpSettings;
  /** The portal's public address; when absent, call `setBaseUrl` once the server listens. */
  publicUrl?: string;
  sessionSecret?: string;
  /**
   * Seals profiles' personal fields: base64 of 32 secret bytes. Production must supply it;
   * without it a demo key is generated once and kept in `dataDir` (see `profile-key.ts`).
   */
  profileEncryptionKey?: string;
  /** Default `sci`. */
  tenantId?: string;
  /** Where printed notifications go (default standard output). */
  writeNotification?: (text: string) => void;
  /** Public lookups and downloads per client (default 20 at once, then one every 3 s). */
  publicRateLimit?: { capacity: number; refillMs: number };
}

/** The assembled portal services, before any web framework is put around them. */
export interface PortalServices {
  desk: Desk;
  storage: MikroOrmStorage;
  database: 'sqlite' | 'postgresql';
  tenantId: string;
  files: FileStore;
  profiles: ProfileStore;
  profileRegistry: ApplicantProfiles;
  catalogue: Catalogue;
  /** The in-process card gateway the demo bank page drives. */
  bank: GatewaySimulator;
  /** One limiter for the public lookups, page and API alike. */
  publicLimiter: RateLimiter;
  /** Signs the session cookie (from the options, or kept in the data folder). */
  sessionSecret: string;
  /** Absolute URL of the portal, used in links in messages and the gateway's callback. */
  baseUrl(): string;
  setBaseUrl(url: string): void;
  /** Closes the bank and the database (stop the desk's worker loop first). */
  close(): Promise<void>;
}

/** A stand-in merchant id for the in-process bank (not a real Zarinpal merchant). */
const DEMO_MERCHANT_ID = '1344b5d4-0048-11e8-94db-005056a205be';

export async function assemblePortal(options: AssembleOptions): Promise<PortalServices> {
  const tenantId = options.tenantId ?? 'sci';
  await mkdir(options.dataDir, { recursive: true });
  const database = options.databaseUrl ? 'postgresql' : 'sqlite';
  const storage = options.databaseUrl
    ? await mikroOrmStorage({ driver: 'postgresql', clientUrl: options.databaseUrl, migrate: true })
    : await mikroOrmStorage({ driver: 'sqlite', dbName: path.join(options.dataDir, 'portal.sqlite'), migrate: true });
  const cleanups: (() => Promise<void>)[] = [() => storage.close()];
  try {
    const files = localFileStore({ root: path.join(options.dataDir, 'files') });
    const encryptionKey = options.profileEncryptionKey ?? (await demoProfileKeyIn(options.dataDir));
    // One key setup seals profiles and the shop order's checkout particulars alike.
    const keys = profileKeysFromSecret(encryptionKey);
    const profiles: ProfileStore = mikroOrmProfileStore(storage, { keys });
    const catalogue: Catalogue = mikroOrmCatalogue(storage);
    const bank = await startGatewaySimulator({ merchantId: DEMO_MERCHANT_ID });
    cleanups.unshift(() => bank.close());
    const gateways = createGatewayRegistry({ gateways: [zarinpalGateway({ merchantId: DEMO_MERCHANT_ID, baseUrl: bank.baseUrl, timeoutMs: 5_000 })] });

    // Links in messages must be absolute; the address may be known only once the server listens.
    let baseUrl = options.publicUrl?.replace(/\/$/, '') ?? '';
    const { notifier, channels } = notificationsFor(options, profiles, mikroOrmSentNotifications(storage));
    const workflows = [
      informationOrderWorkflow({
        calendar: iranGovernmentCalendar,
        channels,
        links: { order: (n) => `${baseUrl}/orders/${encodeURIComponent(n)}`, download: (token) => `${baseUrl}/api/downloads/${token}` },
      }),
      complaintWorkflow({ calendar: iranGovernmentCalendar, channels, attachments: { store: files }, links: { message: () => `${baseUrl}/complaints/lookup` } }),
      incidentWorkflow({ channel: 'portal' }),
      incidentWorkflow({ channel: 'mobile-app' }),
      shopOrderWorkflow({
        channels,
        links: { order: (n) => `${baseUrl}/shop/orders/${encodeURIComponent(n)}`, download: (token) => `${baseUrl}/api/downloads/${token}` },
      }),
      paymentWorkflow(),
    ];
    const desk: Desk = createDesk({
      storage,
      notifier,
      files,
      workflows,
      services: { tariffs: createTariffRegistry([sampleTariffBook]), profiles, files, catalogue, [PERSONAL_DATA_SEALER_SERVICE]: personalDataSealer(keys) },
      effects: paymentEffects({
        desk: () => desk,
        gateways,
        callbackUrl: ({ paymentId }) => `${baseUrl}/api/payments/callback/zarinpal?payment=${encodeURIComponent(paymentId)}`,
      }),
    });
    await seedPortal({ tenantId, profiles, catalogue, files, clock: systemClock });
    // In the database, not in memory: every server of the portal spends one budget per client.
    const publicLimiter = mikroOrmRateLimiter(storage, { ...(options.publicRateLimit ?? { capacity: 20, refillMs: 3_000 }), name: `public:${tenantId}` });
    cleanups.unshift(async () => publicLimiter.close());

    let closing: Promise<void> | undefined;
    return {
      desk,
      storage,
      database,
      tenantId,
      files,
      profiles,
      profileRegistry: createApplicantProfiles({ store: profiles, files, clock: systemClock }),
      catalogue,
      bank,
      publicLimiter,
      sessionSecret: options.sessionSecret ?? (await sessionSecretIn(options.dataDir)),
      baseUrl: () => baseUrl,
      setBaseUrl: (url) => {
        baseUrl = url.replace(/\/$/, '');
      },
      close: () => (closing ??= runAll(cleanups)),
    };
  } catch (error) {
    await runAll(cleanups);
    throw error;
  }
}

/** `sent` remembers delivered messages in the database, so a send retried after a restart is not repeated. */
function notificationsFor(options: AssembleOptions, contacts: ContactDirectory, sent: SentNotificationStore): { notifier: Notifier; channels: NotificationChannel[] } {
  if (options.smtp) {
    const { host, port, secure, user, pass, from } = options.smtp;
    // Only e-mail is configured, so messages go out on that channel alone.
    const notifier = smtpNotifier({ smtp: { host, port, secure, from, ...(user ? { auth: { user, pass: pass ?? '' } } : {}) }, contacts, sent });
    return { notifier, channels: ['email'] };
  }
  // consoleNotifier with a persistent sent-store: printed messages, addresses masked.
  const write = options.writeNotification;
  const transports = consoleTransports(write ? { write } : {});
  return { notifier: createTemplateNotifier({ contacts, templates: createTemplateSet(), transports, sent }), channels: ['email', 'sms'] };
}

/** A random secret kept in the data folder, so sessions survive a restart. */
async function sessionSecretIn(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'session-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** Runs every step even when one fails, then throws the first failure. */
export async function runAll(steps: readonly (() => Promise<void>)[]): Promise<void> {
  let first: unknown;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      first ??= error;
    }
  }
  if (first) throw first;
}
