/**
 * http: requests per second for an order's view (`GET /api/instances/:id`, signed in as the
 * owner) on the Express example portal on PostgreSQL, against a bare Express route running the
 * same SQL queries (the instance and its history, which the view's SLA summary needs), with
 * autocannon on loopback. Both servers run in one child process (so the load generator does not
 * share their event loop); rounds alternate between them after a warm-up. The server process's
 * CPU time per request of each side goes into the note: it says what limits the ratio. Target ≥ 0.7. The portal gets a database of its own, dropped afterwards.
 * BENCH_CPU_PROF=<folder> profiles the server process.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import type { HttpServersReady } from '../http/servers';
import { median } from '../harness';
import { throughputRatio, type BenchSuite } from '../suite';
import { startTsxChild } from '../tsx-child';

const TARGET = 0.7;
const CONNECTIONS = 10;

const http: BenchSuite = async ({ quick, databaseUrl, log }) => {
  const rounds = quick ? 3 : 5;
  const seconds = quick ? 1.5 : 5;
  const database = `bench_http_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;

  const servers = startTsxChild<HttpServersReady>(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../http/servers.ts'),
    { BENCH_HTTP_DATABASE_URL: url.toString() },
    process.env.BENCH_CPU_PROF ? { cpuProfileDir: process.env.BENCH_CPU_PROF } : {},
  );
  try {
    const ready = await servers.ready;
    const targets = {
      portal: { url: `${ready.portalUrl}${ready.portalPath}`, headers: { cookie: ready.cookie } },
      bare: { url: `${ready.bareUrl}${ready.barePath}`, headers: {} },
    };
    const cpuMs: Record<keyof typeof targets, { ms: number; requests: number }> = { portal: { ms: 0, requests: 0 }, bare: { ms: 0, requests: 0 } };
    const run = async (name: keyof typeof targets, duration: number) => {
      const before = await servers.request<NodeJS.CpuUsage>('cpu');
      const result = await autocannon({ ...targets[name], connections: CONNECTIONS, pipelining: 1, duration });
      const after = await servers.request<NodeJS.CpuUsage>('cpu');
      if (result.non2xx || result.errors || result.timeouts) {
        throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
      }
      cpuMs[name].ms += (after.user + after.system - before.user - before.system) / 1000;
      cpuMs[name].requests += result.requests.total;
      return result.requests.total / result.duration;
    };
    await run('portal', quick ? 0.5 : 1);
    await run('bare', quick ? 0.5 : 1);
    const portal: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < rounds; r++) {
      // A, B then B, A: drift in the machine hits both alike.
      if (r % 2) {
        bare.push(await run('bare', seconds));
        portal.push(await run('portal', seconds));
      } else {
        portal.push(await run('portal', seconds));
        bare.push(await run('bare', seconds));
      }
    }
    const perRequest = (name: keyof typeof targets) => (cpuMs[name].ms / cpuMs[name].requests).toFixed(2);
    log(`portal [${portal.map((x) => x.toFixed(0)).join(' ')}], bare [${bare.map((x) => x.toFixed(0)).join(' ')}] requests/s`);
    log(`server CPU per request: portal ${perRequest('portal')} ms, bare ${perRequest('bare')} ms`);
    const a = median(portal);
    const b = median(bare);
    const ratio = throughputRatio(a, b);
    return [{
      id: 'http', metric: "requests/s, an order's view", unit: 'requests/s', statdesk: a, baseline: b, baselineName: 'bare Express route, same SQL',
      ratio, target: TARGET, pass: ratio >= TARGET,
      note: `autocannon, ${CONNECTIONS} connections on loopback; ${rounds} rounds of ${seconds} s after a warm-up, medians; PostgreSQL; `
        + `server CPU per request: portal ${perRequest('portal')} ms, bare ${perRequest('bare')} ms`,
    }];
  } finally {
    await servers.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
};

export default http;
