/**
 * `npm start`: the example portal on http://localhost:3000 (PORT), SQLite under `.data/` unless
 * DATABASE_URL names a PostgreSQL database, notifications printed unless SMTP_URL is set.
 */
import { readPortalConfig } from './config';
import { createPortal } from './create-portal';

const config = readPortalConfig(process.env);
const portal = await createPortal({
  dataDir: config.dataDir,
  port: config.port,
  host: config.host,
  ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  ...(config.smtp ? { smtp: config.smtp } : {}),
  ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  ...(config.sessionSecret ? { sessionSecret: config.sessionSecret } : {}),
  ...(config.profileEncryptionKey ? { profileEncryptionKey: config.profileEncryptionKey } : {}),
});
if (!config.profileEncryptionKey) console.log(`PROFILE_ENCRYPTION_KEY is not set: profiles are sealed with a demo key kept in ${config.dataDir} (production must supply the key)`);

console.log(`statdesk example portal: ${portal.url}  (database: ${portal.database}${portal.database === 'sqlite' ? ` in ${config.dataDir}` : ''})`);
console.log(`JSON API: ${portal.url}/api/openapi.json — sign in at ${portal.url}/login (demo users, no password)`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping…`);
  portal.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`could not stop cleanly (${error instanceof Error ? error.constructor.name : typeof error})`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
