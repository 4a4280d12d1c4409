/**
 * Builds and starts the example portal: storage (SQLite under the data folder, or PostgreSQL by
 * URL), files on the local disk, the desk with every shipped workflow, the in-process demo bank,
 * notifications (printed, or e-mailed over SMTP), applicants' profiles (personal fields sealed),
 * the catalogue and the delivered-message keys in the same database, the seeded demo data, and
 * the Express app with
 * statdesk's JSON API under `/api` and the Persian/English pages around it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  sampleTariffBook,
  shopOrderWorkflow,
  systemClock,
  TokenBucketRateLimiter,
  type Catalogue,
  type ContactDirectory,
  type Desk,
  type NotificationChannel,
  type Notifier,
  type ProfileStore,
  type SentNotificationStore,
} from '@statdesk/core';
import { localFileStore } from '@statdesk/files-local';
import { smtpNotifier } from '@statdesk/notification-smtp';
import { zarinpalGateway } from '@statdesk/payment-zarinpal';
import { mikroOrmCatalogue, mikroOrmProfileStore, mikroOrmSentNotifications, mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { startGatewaySimulator, type GatewaySimulator } from '@statdesk/testing';
import express from 'express';
import { mountApi } from './api';
import type { SmtpSettings } from './config';
import { mountPages } from './pages';
import type { PortalContext } from './portal-context';
import { demoProfileKeyIn } from './profile-key';
import { seedPortal } from './seed';
import { createSessionCodec } from './session';

export interface PortalOptions {
  /** Folder for the SQLite database, uploaded files, the session secret (and the demo profile key). */
  dataDir: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  host?: string;
  databaseUrl?: string;
  smtp?: SmtpSettings;
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
  /** How often the worker loop looks for due timers and outbox rows (default the desk's). */
  pollIntervalMs?: number;
}

export interface Portal {
  /** Where the portal listens, e.g. `http://localhost:3000`. */
  url: string;
  desk: Desk;
  storage: MikroOrmStorage;
  database: 'sqlite' | 'postgresql';
  profiles: ProfileStore;
  catalogue: Catalogue;
  bank: GatewaySimulator;
  tenantId: string;
  /** Stops taking requests, stops the worker loop, closes the bank and the database. */
  close(): Promise<void>;
}

/** A stand-in merchant id for the in-process bank (not a real Zarinpal merchant). */
const DEMO_MERCHANT_ID = '1344b5d4-0048-11e8-94db-005056a205be';

export async function createPortal(options: PortalOptions): Promise<Portal> {
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
    const profiles: ProfileStore = mikroOrmProfileStore(storage, { encryptionKey });
    const catalogue: Catalogue = mikroOrmCatalogue(storage);
    const bank = await startGatewaySimulator({ merchantId: DEMO_MERCHANT_ID });
    cleanups.unshift(() => bank.close());
    const gateways = createGatewayRegistry({ gateways: [zarinpalGateway({ merchantId: DEMO_MERCHANT_ID, baseUrl: bank.baseUrl, timeoutMs: 5_000 })] });

    // Links in messages must be absolute; the address is known once the server listens.
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
      services: { tariffs: createTariffRegistry([sampleTariffBook]), profiles, files, catalogue },
      effects: paymentEffects({
        desk: () => desk,
        gateways,
        callbackUrl: ({ paymentId }) => `${baseUrl}/api/payments/callback/zarinpal?payment=${encodeURIComponent(paymentId)}`,
      }),
    });
    await seedPortal({ tenantId, profiles, catalogue, files, clock: systemClock });

    const secure = baseUrl.startsWith('https:');
    const context: PortalContext = {
      desk,
      tenantId,
      files,
      profiles,
      profileRegistry: createApplicantProfiles({ store: profiles, files, clock: systemClock }),
      catalogue,
      bank,
      sessions: createSessionCodec(options.sessionSecret ?? (await sessionSecretIn(options.dataDir)), { secure }),
      publicLimiter: new TokenBucketRateLimiter(options.publicRateLimit ?? { capacity: 20, refillMs: 3_000 }),
      baseUrl: () => baseUrl,
    };

    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', 'loopback');
    mountApi(app, context);
    mountPages(app, context);

    const server = await listen(app, options.port ?? 3000, options.host ?? '127.0.0.1');
    cleanups.unshift(() => closeServer(server));
    const { port } = server.address() as AddressInfo;
    if (!baseUrl) baseUrl = `http://localhost:${port}`;
    desk.start(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {});
    cleanups.splice(1, 0, () => desk.stop());

    let closing: Promise<void> | undefined;
    return {
      url: baseUrl,
      desk,
      storage,
      database,
      profiles,
      catalogue,
      bank,
      tenantId,
      close: () => (closing ??= runAll(cleanups)),
    };
  } catch (error) {
    await runAll(cleanups);
    throw error;
  }
}

/** `sent` remembers delivered messages in the database, so a send retried after a restart is not repeated. */
function notificationsFor(options: PortalOptions, contacts: ContactDirectory, sent: SentNotificationStore): { notifier: Notifier; channels: NotificationChannel[] } {
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

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

async function runAll(steps: readonly (() => Promise<void>)[]): Promise<void> {
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
