// @ts-check
/**
 * The Next.js example portal's build. statdesk's packages stay outside the bundle
 * (`serverExternalPackages`) so that the server process holds one copy of each: Next.js bundles
 * pages, server actions and route handlers separately, and a desk created by one bundle's copy
 * of `@statdesk/core` would not recognise another copy's errors (`instanceof` fails). List
 * `@statdesk/*` there in your own app too. In this repository the packages are TypeScript
 * sources, so `npm run build` / `dev` here first compiles them to `dist/index.js`
 * (scripts/build-statdesk-packages.mjs, esbuild, seconds). The Express example's shared modules
 * are compiled into the bundle (`transpilePackages`); MikroORM, better-sqlite3, pg and
 * nodemailer are external as well.
 */
/** statdesk's packages, not the Express example's shared modules (those are compiled in). */
const STATDESK_PACKAGE = /^@statdesk\/(?!example-)[a-z-]+$/;

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Webpack rather than Turbopack: Turbopack bundles workspace packages (symlinked outside
  // node_modules) even when they are listed as external.
  webpack: (webpackConfig, { isServer }) => {
    if (isServer) {
      /** @type {(data: { request?: string }, callback: (error?: Error, result?: string) => void) => void} */
      const statdeskExternal = ({ request }, callback) =>
        request && STATDESK_PACKAGE.test(request) ? callback(undefined, `commonjs ${request}`) : callback();
      const existing = webpackConfig.externals ?? [];
      webpackConfig.externals = [statdeskExternal, ...(Array.isArray(existing) ? existing : [existing])];
    }
    return webpackConfig;
  },
  transpilePackages: ['@statdesk/example-express-portal'],
  serverExternalPackages: [
    '@statdesk/core',
    '@statdesk/http',
    '@statdesk/next',
    '@statdesk/files-local',
    '@statdesk/notification-smtp',
    '@statdesk/payment-zarinpal',
    '@statdesk/storage-mikro-orm',
    '@statdesk/testing',
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
