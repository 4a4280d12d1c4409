/**
 * The http suite's server process: the Express example portal (on the PostgreSQL database named
 * by BENCH_HTTP_DATABASE_URL, in a temporary data folder) with one information order in it, and
 * beside it a bare Express app whose route runs the same SQL queries the order's view runs. It
 * tells its parent (over the IPC channel) where both listen and which cookie reads the order,
 * answers `cpu` with its CPU time so far, and closes everything when told `stop`. The load
 * generator runs in the parent, so it does not share this process's event loop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import pg from 'pg';
import { createPortal } from '../../examples/express-portal/src/create-portal';
import { CITIZEN_ROLES } from '../../examples/express-portal/src/demo-users';

/** What the parent learns once both servers listen. */
export interface HttpServersReady {
  portalUrl: string;
  bareUrl: string;
  /** The order's view on each server. */
  portalPath: string;
  barePath: string;
  /** The signed-in owner's session cookie (the portal's view needs it). */
  cookie: string;
}

/**
 * The queries the order's view needs, as the storage runs them: the instance (for `desk.get`)
 * and its history (the view's SLA summary is computed from it). statdesk also reads the instance
 * a second time (`desk.history` authorises on its own); a hand-written route would not.
 */
const LOAD_INSTANCE = `SELECT tenant_id, id, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at
  FROM statdesk_instances WHERE tenant_id = $1 AND id = $2`;
const READ_HISTORY = `SELECT tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash
  FROM statdesk_history WHERE tenant_id = $1 AND instance_id = $2 ORDER BY seq`;
const OWNER = 'citizen-maryam';

const databaseUrl = process.env.BENCH_HTTP_DATABASE_URL;
if (!databaseUrl || !process.send) throw new Error('bench/http/servers.ts is started by the http suite (IPC and BENCH_HTTP_DATABASE_URL)');

const dataDir = await mkdtemp(path.join(tmpdir(), 'statdesk-bench-http-'));
const portal = await createPortal({ dataDir, port: 0, databaseUrl, sessionSecret: 'bench-session-secret', writeNotification: () => {} });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

// One order, created as the portal's order page creates it, and submitted.
const actor = { id: OWNER, roles: [...CITIZEN_ROLES] };
const { instanceId } = await portal.desk.create({
  tenantId: portal.tenantId, workflow: 'information-order', actor, instanceId: 'IO-BENCH00001',
  input: { request: { subject: 'Household income by county', description: 'Household income tables, Tehran province, 1395 to 1400', geography: 'Tehran province' } },
});
await portal.desk.send({ tenantId: portal.tenantId, instanceId, actor, event: { type: 'submit' } });

const cookie = await signIn(portal.url, OWNER);

const bare = express();
bare.disable('x-powered-by');
bare.get('/orders/:id', async (req, res, next) => {
  try {
    const { rows } = await pool.query(LOAD_INSTANCE, [portal.tenantId, req.params.id]);
    if (!rows[0]) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    const history = await pool.query(READ_HISTORY, [portal.tenantId, req.params.id]);
    res.json({ ...rows[0], history: history.rows });
  } catch (error) {
    next(error);
  }
});
const bareServer = await new Promise<Server>((resolve) => {
  const server = bare.listen(0, '127.0.0.1', () => resolve(server));
});

const ready: HttpServersReady = {
  portalUrl: portal.url,
  bareUrl: `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`,
  portalPath: `/api/instances/${encodeURIComponent(instanceId)}`,
  barePath: `/orders/${encodeURIComponent(instanceId)}`,
  cookie,
};
process.send(ready);
process.on('message', (message) => {
  // The parent reads this process's CPU time around each round.
  if (message === 'cpu') process.send!(process.cpuUsage());
  if (message !== 'stop') return;
  void (async () => {
    await new Promise((resolve) => bareServer.close(resolve));
    await pool.end();
    await portal.close();
    await rm(dataDir, { recursive: true, force: true });
    process.disconnect();
  })();
});

/** Signs in as a demo user the way a browser does: the login page's CSRF token, then the form. */
async function signIn(base: string, user: string): Promise<string> {
  const page = await fetch(new URL('/login', base));
  const visitorCookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(await page.text())?.[1];
  if (!csrf) throw new Error('the login page carries no CSRF token');
  const response = await fetch(new URL('/login', base), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: visitorCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user, _csrf: csrf }),
  });
  if (response.status !== 303) throw new Error(`sign-in as ${user} answered ${response.status}`);
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('portal_session='));
  if (!session) throw new Error('sign-in set no session cookie');
  return session;
}
