/**
 * Starts the portal when the Next.js server starts (not on the first request), so the desk's
 * worker loop fires due timers and sends notifications even before anyone visits.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getPortal } = await import('./lib/portal');
  await getPortal();
}
