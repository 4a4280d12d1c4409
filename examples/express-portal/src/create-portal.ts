/**
 * Builds and starts the example portal: the framework-free services of `assemble-portal.ts`
 * (storage, files, the desk with every workflow, the demo bank, notifications, profiles, seed
 * data) inside an Express app with statdesk's JSON API under `/api` and the Persian/English
 * pages around it, then the desk's worker loop.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOfficeReports, createStaffSearch, type Catalogue, type Desk, type ProfileStore } from '@statdesk/core';
import type { MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import type { GatewaySimulator } from '@statdesk/testing';
import express from 'express';
import { mountApi } from './api';
import { assemblePortal, runAll, type AssembleOptions } from './assemble-portal';
import { mountPages } from './pages';
import type { PortalContext } from './portal-context';
import { createSessionCodec } from './session';

export interface PortalOptions extends AssembleOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  host?: string;
  /** How often the worker loop looks for due timers and outbox rows (default the desk's). */
  pollIntervalMs?: number;
}

export interface Portal {
  /** Where the portal listens, e.g. `http://localhost:3000`. */
  url: string;
  desk: Desk;
  storage: MikroOrmStorage;
  database: 'sqlite' | 'postgresql';
  profiles: ProfileStore;
  catalogue: Catalogue;
  bank: GatewaySimulator;
  tenantId: string;
  /** Stops taking requests, stops the worker loop, closes the bank and the database. */
  close(): Promise<void>;
}

export async function createPortal(options: PortalOptions): Promise<Portal> {
  const services = await assemblePortal(options);
  const { desk, storage, database, tenantId, profiles, catalogue, bank } = services;
  const cleanups: (() => Promise<void>)[] = [() => services.close()];
  try {
    const secure = services.baseUrl().startsWith('https:');
    const context: PortalContext = {
      desk,
      tenantId,
      files: services.files,
      profiles,
      profileRegistry: services.profileRegistry,
      catalogue,
      bank,
      sessions: createSessionCodec(services.sessionSecret, { secure }),
      publicLimiter: services.publicLimiter,
      reports: createOfficeReports({ storage }),
      search: createStaffSearch({ desk, profiles }),
      baseUrl: services.baseUrl,
    };

    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', 'loopback');
    mountApi(app, context);
    mountPages(app, context);

    const server = await listen(app, options.port ?? 3000, options.host ?? '127.0.0.1');
    cleanups.unshift(() => closeServer(server));
    const { port } = server.address() as AddressInfo;
    if (!services.baseUrl()) services.setBaseUrl(`http://localhost:${port}`);
    desk.start(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {});
    cleanups.splice(1, 0, () => desk.stop());

    let closing: Promise<void> | undefined;
    return {
      url: services.baseUrl(),
      desk,
      storage,
      database,
      profiles,
      catalogue,
      bank,
      tenantId,
      close: () => (closing ??= runAll(cleanups)),
    };
  } catch (error) {
    await runAll(cleanups);
    throw error;
  }
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
