// @ts-check
/**
 * The Next.js example portal's build. statdesk's workspace packages are TypeScript sources in
 * this repository, so Turbopack is pointed at them (`resolveAlias`) and compiles them into the
 * server bundle; no `npm run build` of the packages is needed first. Native and driver-loading
 * packages (MikroORM, better-sqlite3, pg, nodemailer) stay outside the bundle and are loaded by
 * Node at run time.
 */
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
/** @param {string} name @param {string} [entry] */
const source = (name, entry = 'src/index.ts') => `./${path.relative(import.meta.dirname, path.join(root, 'packages', name, entry))}`;

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: {
    root,
    resolveAlias: {
      '@statdesk/core': source('core'),
      '@statdesk/http': source('http'),
      '@statdesk/next': source('next'),
      '@statdesk/files-local': source('files-local'),
      '@statdesk/notification-smtp': source('notification-smtp'),
      '@statdesk/payment-zarinpal': source('payment-zarinpal'),
      '@statdesk/storage-mikro-orm': source('storage-mikro-orm'),
      '@statdesk/testing': source('testing'),
    },
  },
  // The shared portal pieces of the Express example are imported as TypeScript source.
  transpilePackages: ['@statdesk/example-express-portal'],
  serverExternalPackages: [
    '@mikro-orm/core',
    '@mikro-orm/knex',
    '@mikro-orm/better-sqlite',
    '@mikro-orm/postgresql',
    '@mikro-orm/migrations',
    'better-sqlite3',
    'pg',
    'nodemailer',
  ],
};

export default config;
