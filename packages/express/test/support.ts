/**
 * A real Express app on a free port of 127.0.0.1 with statdesk mounted under `/api/statdesk`,
 * over a desk on in-memory storage. Tests drive it with the global `fetch`.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type Request as ExpressRequest } from 'express';
import type { Logger } from '@statdesk/core';
import { createTestDesk, MemoryFileStore } from '@statdesk/testing';
import type { Identity } from '@statdesk/http';
import { statdeskRouter, type StatdeskRouterOptions } from '../src';
import { reviewWorkflow } from '../../core/test/engine/review.workflow';

export const TENANT = 'sci';
export const MOUNT = '/api/statdesk';

/** Plays the portal's login: `x-test-user: <id>:<role>,<role>`. */
export function identifyFromHeader(req: ExpressRequest): Identity | null {
  const header = req.get('x-test-user');
  if (!header) return null;
  const [id, roles = ''] = header.split(':');
  return { tenantId: TENANT, actor: { id: id!, roles: roles.split(',').filter(Boolean) } };
}

export interface Started {
  base: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

export async function listen(app: express.Express): Promise<Started> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    url: (path) => `${base}${MOUNT}${path}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function recordingLogger(): Logger & { errors: Record<string, unknown>[] } {
  const errors: Record<string, unknown>[] = [];
  return { errors, warn: () => {}, error: (message, fields) => errors.push({ message, ...fields }) };
}

export async function portal(overrides: Partial<StatdeskRouterOptions> = {}, configure?: (app: express.Express) => void) {
  const test = createTestDesk({ workflows: [reviewWorkflow()] });
  const files = new MemoryFileStore({ clock: test.clock });
  const logger = recordingLogger();
  const app = express();
  configure?.(app);
  app.use(MOUNT, statdeskRouter(test.desk, { identify: identifyFromHeader, files, logger, ...overrides }));
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  const server = await listen(app);
  return { ...test, files, logger, ...server };
}

export const APPLICANT = { 'x-test-user': 'citizen-1:applicant' };
export const OFFICER = { 'x-test-user': 'officer-1:officer' };
export const JSON_HEADERS = { 'content-type': 'application/json' };

// Shared with the handler's own tests: what Express serves must match what the handler does.
export { pdfBytes, pngBytes, reviewInput } from '../../http/test/support';

export function fileForm(bytes: Uint8Array, declaredType: string, name = 'receipt.pdf'): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: declaredType }), name);
  return form;
}
