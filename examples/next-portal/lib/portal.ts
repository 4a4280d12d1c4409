/**
 * The portal's services, started once per server process on first use: the same framework-free
 * assembly as the Express portal (`assemblePortal`: SQLite in the data folder, or PostgreSQL when
 * DATABASE_URL is set; the gateway simulator as the bank; seeded demo data), then the desk's
 * worker loop. Kept on `globalThis` so that every route bundle of the server shares one desk.
 */
import path from 'node:path';
import { assemblePortal, type PortalServices } from '@statdesk/example-express-portal/assemble-portal';

const KEY = Symbol.for('statdesk.next-portal');
type Holder = { [KEY]?: Promise<PortalServices> };

export function getPortal(): Promise<PortalServices> {
  const holder = globalThis as Holder;
  holder[KEY] ??= start().catch((error: unknown) => {
    // A failed start (database down) is tried again on the next request.
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

async function start(): Promise<PortalServices> {
  const env = process.env;
  const services = await assemblePortal({
    dataDir: env.PORTAL_DATA_DIR || path.join(process.cwd(), '.data'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.SESSION_SECRET ? { sessionSecret: env.SESSION_SECRET } : {}),
    ...(env.PROFILE_ENCRYPTION_KEY ? { profileEncryptionKey: env.PROFILE_ENCRYPTION_KEY } : {}),
  });
  // Next.js does not tell the app its own address; links in messages and the bank's callback need it.
  services.setBaseUrl(env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`);
  services.desk.start(env.PORTAL_POLL_MS ? { pollIntervalMs: Number(env.PORTAL_POLL_MS) } : {});
  const stop = () => {
    void services.desk
      .stop()
      .then(() => services.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  console.log(`statdesk Next.js portal: ${services.baseUrl()} (database: ${services.database})`);
  return services;
}
