/**
 * A handler over a real desk on in-memory storage, a memory file store and a test clock. The
 * portal's `identify` is played by the `x-test-user: <id>:<role>,<role>` header.
 */
import { createTestDesk, MemoryFileStore } from '@statdesk/testing';
import type { Logger } from '@statdesk/core';
import { createHttpHandler, type HttpHandlerOptions, type Identity } from '../src';
import { reviewWorkflow } from '../../core/test/engine/review.workflow';

export const TENANT = 'sci';
export const ORIGIN = 'http://portal.test';

export function identifyFromHeader(request: Request): Identity | null {
  const header = request.headers.get('x-test-user');
  if (!header) return null;
  const [id, roles = ''] = header.split(':');
  return { tenantId: request.headers.get('x-test-tenant') ?? TENANT, actor: { id: id!, roles: roles.split(',').filter(Boolean) } };
}

export interface LoggedLine {
  level: 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export function recordingLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  return {
    lines,
    warn: (message, fields) => lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message, fields) => lines.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
  };
}

export function setup(overrides: Partial<HttpHandlerOptions> = {}) {
  const test = createTestDesk({ workflows: [reviewWorkflow()] });
  const files = new MemoryFileStore({ clock: test.clock });
  const logger = recordingLogger();
  const handler = createHttpHandler(test.desk, { identify: identifyFromHeader, files, logger, ...overrides });
  return { ...test, files, logger, handler };
}

export const APPLICANT = 'citizen-1:applicant';
export const OTHER_APPLICANT = 'citizen-2:applicant';
export const OFFICER = 'officer-1:officer';

export function jsonRequest(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

export { reviewInput } from '../../core/test/engine/review.workflow';

/** The first bytes of a real PNG (signature and IHDR), which sniffing recognises. */
export function pngBytes(size = 64): Uint8Array {
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const out = new Uint8Array(Math.max(size, head.length));
  out.set(head);
  return out;
}

export function pdfBytes(size = 64): Uint8Array {
  const text = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1');
  const out = new Uint8Array(Math.max(size, text.length)).fill(0x20);
  out.set(text);
  return out;
}

export function uploadRequest(path: string, file: Uint8Array, declaredType: string, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.append('file', new Blob([file], { type: declaredType }), 'receipt.pdf');
  return new Request(`${ORIGIN}${path}`, { method: 'POST', body: form, headers });
}
