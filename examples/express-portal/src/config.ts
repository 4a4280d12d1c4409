/** The portal's settings, read from the environment by `main.ts`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
}

export interface PortalConfig {
  port: number;
  host: string;
  /** SQLite database, uploaded files, the session secret and the demo profile key live here. */
  dataDir: string;
  /** PostgreSQL instead of SQLite when set. */
  databaseUrl?: string;
  /** E-mail over SMTP instead of printing notifications when set. */
  smtp?: SmtpSettings;
  /** The address people reach the portal at (default `http://localhost:<port>`). */
  publicUrl?: string;
  sessionSecret?: string;
  /** Base64 of 32 bytes that seals profiles' personal fields; production must set it. */
  profileEncryptionKey?: string;
}

export const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.data');

export function readPortalConfig(env: NodeJS.ProcessEnv): PortalConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: env.PORTAL_DATA_DIR || DEFAULT_DATA_DIR,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    ...(env.SESSION_SECRET ? { sessionSecret: env.SESSION_SECRET } : {}),
    ...(env.PROFILE_ENCRYPTION_KEY ? { profileEncryptionKey: env.PROFILE_ENCRYPTION_KEY } : {}),
    ...(smtpFrom(env) ?? {}),
  };
}

/** `SMTP_URL=smtp://user:pass@host:587` (or `smtps://` for TLS on connect), `SMTP_FROM` for the sender. */
function smtpFrom(env: NodeJS.ProcessEnv): { smtp: SmtpSettings } | undefined {
  if (!env.SMTP_URL) return undefined;
  const url = new URL(env.SMTP_URL);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = url.protocol === 'smtps:';
  return {
    smtp: {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { pass: decodeURIComponent(url.password) } : {}),
      from: env.SMTP_FROM || 'no-reply@localhost',
    },
  };
}
