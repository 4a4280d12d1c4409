// The portal process: HTTP and the worker loop in one. Several such processes, or separate
// worker processes, may share one PostgreSQL database (docs/deployment.md).
import { createPortalDesk } from './desk.js';
import { createPortalApp, type PortalAuth } from './server.js';

export async function main(auth: PortalAuth) {
  const env = (name: string) => process.env[name] ?? '';
  const { desk, storage, files } = await createPortalDesk({
    dataDir: env('DATA_DIR') || './data',
    publicUrl: env('PUBLIC_URL'),
    smtp: { host: env('SMTP_HOST'), user: env('SMTP_USER'), pass: env('SMTP_PASS') },
    kavenegarKey: env('KAVENEGAR_KEY'),
    zarinpalMerchantId: env('ZARINPAL_MERCHANT_ID'),
    profileKey: env('PROFILE_KEY') || undefined,
  });
  const server = createPortalApp(desk, files, auth).listen(Number(env('PORT') || 3000));
  desk.start({ pollIntervalMs: 1_000 });      // fires due timers, dispatches the outbox

  process.once('SIGTERM', () => {
    server.close();
    // stop() lets the current batch finish; whatever is left is picked up at the next start.
    void desk.stop().then(() => storage.close());
  });
}
