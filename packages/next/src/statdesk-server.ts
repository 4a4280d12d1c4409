/**
 * `statdeskServer(desk, { identify })`: the desk for React Server Components and Server Actions,
 * acting as whoever the portal's own login says is calling. Pages read views and lists with it;
 * actions create instances and send events with it. It adds nothing to the desk's rules: the
 * desk validates, authorises and records every call exactly as it does for the JSON API.
 */
import type { CommandResult, Desk, HistoryEntry, InstanceView, ListQuery, Page } from '@statdesk/core';
import { UnauthenticatedError, type Identity } from '@statdesk/http';

/** A desk, or a function that gives one (Next.js apps usually start theirs on first use). */
export type DeskSource = Desk | (() => Desk | Promise<Desk>);

/** Options of {@link statdeskServer}. */
export interface StatdeskServerOptions {
  /**
   * Who is calling, from your session: in Next.js read it with `cookies()` or `headers()` from
   * `next/headers` (allowed in server components and server actions). `null` for anonymous.
   */
  identify: () => Identity | null | Promise<Identity | null>;
}

/** What {@link StatdeskServer.create} takes: the workflow, its input, and optionally the id. */
export interface ServerCreate {
  /** The registered workflow's name, e.g. `information-order`. */
  workflow: string;
  /** The workflow's create input; the desk validates it against the workflow's schema. */
  input?: unknown;
  /** Choose the instance id (e.g. an order number); default a random UUID. */
  instanceId?: string;
  /** The same key twice creates once (a form posted twice, a retried action). */
  idempotencyKey?: string;
}

/** Options of {@link StatdeskServer.send}. */
export interface ServerSendOptions {
  /** Refuse with a `ConflictError` unless the instance is still at this version (the page the person saw). */
  expectedVersion?: number;
  /** The same key twice sends once. */
  idempotencyKey?: string;
}

/** The signed-in caller's desk, for server components and server actions. */
export interface StatdeskServer {
  /** The desk underneath (for the portal's own system-level reads). */
  desk(): Promise<Desk>;
  /** The caller, or `null` when nobody is signed in. */
  identity(): Promise<Identity | null>;
  /** The caller, or an `UnauthenticatedError` (code `UNAUTHENTICATED`). */
  requireIdentity(): Promise<Identity>;
  /** One instance as the caller may see it (`NOT_FOUND` when they may not). */
  get(instanceId: string): Promise<InstanceView>;
  /** A page of one workflow's instances the caller may read (a work queue, "my orders"). */
  list(query: Omit<ListQuery, 'tenantId'>): Promise<Page<InstanceView>>;
  /** An instance's history, personal fields already redacted by the desk. */
  history(instanceId: string): Promise<HistoryEntry[]>;
  /** Starts an instance as the caller. */
  create(command: ServerCreate): Promise<CommandResult>;
  /** Sends an event as the caller. */
  send(instanceId: string, event: { type: string } & Record<string, unknown>, options?: ServerSendOptions): Promise<CommandResult>;
}

/**
 * Binds a desk to the caller's identity for server-side React code.
 *
 * ```ts
 * export const statdesk = statdeskServer(getDesk, { identify: async () => sessionIdentity(await cookies()) });
 * const orders = await statdesk.list({ workflow: 'information-order', ownerId: me.id });
 * ```
 */
export function statdeskServer(source: DeskSource, options: StatdeskServerOptions): StatdeskServer {
  if (typeof options?.identify !== 'function') throw new TypeError('statdeskServer: options.identify (() => { actor, tenantId } | null) is required');
  const desk = async (): Promise<Desk> => (typeof source === 'function' ? await source() : source);
  const identity = async (): Promise<Identity | null> => (await options.identify()) ?? null;
  const requireIdentity = async (): Promise<Identity> => {
    const found = await identity();
    if (!found) throw new UnauthenticatedError();
    return found;
  };
  return {
    desk,
    identity,
    requireIdentity,
    async get(instanceId) {
      const { tenantId, actor } = await requireIdentity();
      return (await desk()).get({ tenantId, instanceId }, actor);
    },
    async list(query) {
      const { tenantId, actor } = await requireIdentity();
      return (await desk()).list({ ...query, tenantId }, actor);
    },
    async history(instanceId) {
      const { tenantId, actor } = await requireIdentity();
      return (await desk()).history({ tenantId, instanceId }, actor);
    },
    async create({ workflow, input, instanceId, idempotencyKey }) {
      const { tenantId, actor } = await requireIdentity();
      return (await desk()).create({
        tenantId,
        workflow,
        actor,
        input,
        ...(instanceId !== undefined ? { instanceId } : {}),
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      });
    },
    async send(instanceId, event, sendOptions = {}) {
      const { tenantId, actor } = await requireIdentity();
      return (await desk()).send({ tenantId, instanceId, actor, event, ...sendOptions });
    },
  };
}
