/**
 * A desk on in-memory storage with the sample review workflow, and requests shaped as Next.js
 * hands them to a catch-all route handler: a Fetch `Request` and `{ params: Promise<…> }`.
 * The portal's login is played by the `x-test-user: <id>:<role>,<role>` header.
 */
import { createTestDesk, MemoryFileStore } from '@statdesk/testing';
import type { Identity } from '@statdesk/http';
import { reviewWorkflow } from '../../core/test/engine/review.workflow';

export const TENANT = 'sci';
export const ORIGIN = 'http://portal.test';
export const APPLICANT = 'citizen-1:applicant';
export const OFFICER = 'officer-1:officer';

export { reviewInput } from '../../core/test/engine/review.workflow';
export { pdfBytes } from '../../http/test/support';

export function identityOf(header: string | null): Identity | null {
  if (!header) return null;
  const [id, roles = ''] = header.split(':');
  return { tenantId: TENANT, actor: { id: id!, roles: roles.split(',').filter(Boolean) } };
}

export function identifyFromHeader(request: Request): Identity | null {
  return identityOf(request.headers.get('x-test-user'));
}

export function testDesk() {
  const test = createTestDesk({ workflows: [reviewWorkflow()] });
  return { ...test, files: new MemoryFileStore({ clock: test.clock }) };
}

/**
 * A request to `<mount>/<path>` and the context Next gives the route `app<mount>/[...statdesk]/route.ts`:
 * the catch-all segments, decoded, behind a promise (Next.js 15 and later).
 */
export function routeCall(mount: string, method: string, path: string, init: { body?: unknown; user?: string; headers?: Record<string, string> } = {}) {
  const url = new URL(`${mount}${path}`, ORIGIN);
  const headers = new Headers(init.headers);
  if (init.user) headers.set('x-test-user', init.user);
  let body: string | FormData | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.body);
  }
  const request = new Request(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const caught = url.pathname.slice(mount.length).split('/').filter(Boolean).map(decodeURIComponent);
  return [request, { params: Promise.resolve({ statdesk: caught }) }] as const;
}
