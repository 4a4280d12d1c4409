/**
 * The process the crash tests kill: the ledger app on the test's PostgreSQL schema. It loads and
 * connects first, prints `ready`, then reads one JSON line from stdin naming the phase to run,
 * the kill point and the trace file (so the test can start the next process while it checks the
 * last one). With a kill point it SIGKILLs itself there; with a trace file it records every
 * point passed. Prints `done` when the phase finished without being killed.
 *
 *   node crash-child.mjs <databaseUrl> <schema>   (bundled by the test: support/bundle-child.ts)
 *   stdin: {"phase":"confirm","killAt":"tx.appendHistory.after#1"}   or   {"phase":"confirm","traceFile":"/tmp/…"}
 */
import { createInterface } from 'node:readline';
import { TestClock } from '@statdesk/testing';
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import pg from 'pg';
import { killSwitch } from './kill-points';
import { ledgerDesk, PHASES, phaseTime, runPhase, type Phase } from './ledger-app';

const [url, schema] = process.argv.slice(2);
if (!url || !schema) throw new Error('usage: crash-child.ts <databaseUrl> <schema>');

const storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: url, schema, pool: { max: 2 } });
const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 1 });
await storage.nextTimerDue(); // connect now, not on the clock of the run
process.stdout.write('ready\n');

const lines = createInterface({ input: process.stdin });
const line = await new Promise<string>((resolve) => lines.once('line', resolve));
lines.close();
const order = JSON.parse(line) as { phase: Phase; killAt?: string; traceFile?: string };
if (!PHASES.includes(order.phase)) throw new Error(`unknown phase ${order.phase}`);
const kill = killSwitch({ ...(order.killAt ? { killAt: order.killAt } : {}), ...(order.traceFile ? { traceFile: order.traceFile } : {}) });
const desk = ledgerDesk({ storage, pool, clock: new TestClock(phaseTime(order.phase)), kill });
await runPhase(desk, order.phase);
process.stdout.write('done\n');
await pool.end();
await storage.close();
