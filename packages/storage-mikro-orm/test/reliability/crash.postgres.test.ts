/**
 * Crash tests: a child process runs the ledger app on PostgreSQL and is killed with SIGKILL at
 * every step of the command pipeline, the timer worker and the outbox worker (the points come
 * from tracing a clean run of each phase, so a new step in the engine is covered by itself).
 *
 * After each kill: what the database holds is exactly the state before the transition (killed
 * before commit) or exactly the state after it (killed after commit), never a mix. Then a restart
 * (the client retrying its command with the same idempotency key, and a worker running until
 * rest) ends in the same state as a run nobody killed, every effect reached its outside system
 * exactly once, and the history chain verifies.
 *
 * The default run kills each step once (the first point of each name, in the first phase that
 * passes it: ~24 kills); STATDESK_LONG_TESTS=1 kills at every traced point of every phase
 * (every occurrence, e.g. each of two outbox rows' completions: ~42 kills). Each kill costs a
 * process start (~0.8 s of CPU with the child bundled once), which is what bounds the default.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestClock } from '@statdesk/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATDESK_TABLES, postgresSchema, type PostgresSchema } from '../support/postgres';
import { bundleChild, type BundledChild } from './support/bundle-child';
import { killSwitch } from './support/kill-points';
import { instanceId, LEASE_MS, ledgerDesk, PHASES, phaseTime, runPhase, runToQuiescence, TARGET_TABLES, TARGET_TABLES_SQL, tenantId, type Phase } from './support/ledger-app';
import { attemptsByKey, effectState, transitionState } from './support/ledger-state';

const LONG = process.env.STATDESK_LONG_TESTS === '1';
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const childScript = fileURLToPath(new URL('./support/crash-child.ts', import.meta.url));
const noKill = killSwitch({});

let db: PostgresSchema;
let pool: pg.Pool;
let traceDir: string;
let bundle: BundledChild;
const figures = { kills: 0, committedBeforeKill: 0, rolledBack: 0, redeliveries: 0, points: 0 };
/** Step names already killed in an earlier phase (the default run kills each name once). */
const killedSteps = new Set<string>();

beforeAll(async () => {
  db = await postgresSchema('crash');
  await db.client.query(TARGET_TABLES_SQL);
  pool = new pg.Pool({ connectionString: db.url, options: `-c search_path=${db.schema}`, max: 2 });
  traceDir = mkdtempSync(join(tmpdir(), 'statdesk-crash-'));
  bundle = await bundleChild(childScript, repoRoot);
});
afterAll(async () => {
  spare?.stop();
  await pool?.end();
  await db?.drop();
  if (traceDir) rmSync(traceDir, { recursive: true, force: true });
  bundle?.remove();
  process.stdout.write(`crash figures: ${JSON.stringify(figures)}\n`);
});

/** Empty everything, then run the phases before `phase` to completion, as a live desk would. */
async function reset(phase: Phase): Promise<void> {
  await db.client.query(`TRUNCATE ${[...STATDESK_TABLES, 'statdesk_sent_notifications', ...TARGET_TABLES].join(', ')} RESTART IDENTITY`);
  for (const earlier of PHASES.slice(0, PHASES.indexOf(phase))) {
    const desk = ledgerDesk({ storage: db.storage, pool, clock: new TestClock(phaseTime(earlier)), kill: noKill });
    await runPhase(desk, earlier);
    await runToQuiescence(desk);
  }
}

interface ChildEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A child process that has loaded and connected, waiting for its order. */
interface WarmChild {
  run(order: { phase: Phase; killAt?: string; traceFile?: string }): Promise<ChildEnd>;
  /** Ends an unused child. */
  stop(): void;
}

function warmChild(): WarmChild {
  const proc = spawn(process.execPath, [bundle.file, db.url, db.schema], {
    cwd: repoRoot,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let stdout = '';
  let stderr = '';
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  proc.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.startsWith('ready\n')) onReady();
  });
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // A child that died before reading its order: its exit and stderr tell the test why.
  proc.stdin.on('error', () => {});
  const ended = new Promise<ChildEnd>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      onReady();
      resolve({ code, signal, stdout: stdout.replace(/^ready\n/, ''), stderr });
    });
  });
  return {
    async run(order) {
      await ready;
      proc.stdin.end(`${JSON.stringify(order)}\n`);
      return ended;
    },
    stop: () => void proc.kill('SIGKILL'),
  };
}

/** Child processes started one ahead: loading the next overlaps with checking the last. */
let spare: WarmChild | undefined;
function child(order: { phase: Phase; killAt?: string; traceFile?: string }): Promise<ChildEnd> {
  const next = spare ?? warmChild();
  spare = warmChild();
  return next.run(order);
}

/** The restart: the client retries its command with the same key, then a worker runs until rest. */
async function recover(phase: Phase): Promise<boolean | undefined> {
  // Past the dead worker's leases, before the next phase's timer is due.
  const clock = new TestClock(new Date(phaseTime(phase).getTime() + LEASE_MS + 60_000));
  const desk = ledgerDesk({ storage: db.storage, pool, clock, kill: noKill });
  const { replayed } = phase === 'timer' ? { replayed: undefined } : await runPhase(desk, phase);
  await runToQuiescence(desk);
  return replayed;
}

describe('SIGKILL at every step of the pipeline and the workers, on PostgreSQL', () => {
  for (const phase of PHASES) {
    it(`${phase}: a kill at any point loses no committed transition, keeps no uncommitted one, and repeats no effect`, { timeout: 600_000 }, async () => {
      // A clean run, traced: the points this phase passes, and the states to compare against.
      await reset(phase);
      const before = await transitionState(db.client);
      const traceFile = join(traceDir, `${phase}.trace`);
      const clean = await child({ phase, traceFile });
      expect(clean, clean.stderr).toMatchObject({ code: 0, stdout: 'done\n' });
      const trace = readFileSync(traceFile, 'utf8').trim().split('\n');
      const commitAt = trace.indexOf('transaction.afterCommit#1');
      expect(commitAt).toBeGreaterThan(0);
      const after = await transitionState(db.client);
      expect(after).not.toEqual(before);
      await recover(phase);
      const final = { transition: await transitionState(db.client), effects: await effectState(db.client) };
      // Every effect of the clean run reached its system once.
      const outbox = final.effects.outbox as { type: string; status: string }[];
      expect(outbox.every((row) => row.status === 'done')).toBe(true);
      expect(final.effects.ledger).toHaveLength(outbox.filter((row) => row.type.startsWith('ledger.')).length);
      expect(final.effects.sms).toHaveLength(outbox.filter((row) => row.type === 'notify').length);

      // The steps the brief names are among the traced points.
      const expected = {
        create: ['transaction.before#1', 'tx.insertInstance.after#1', 'tx.setInstanceKeys.after#1', 'tx.appendHistory.after#1', 'tx.putTimer.after#1', 'tx.saveCommand.after#1', 'transaction.beforeCommit#1'],
        confirm: ['tx.updateInstance.after#1', 'tx.deleteTimers.after#1', 'tx.enqueueOutbox.after#1', 'claimOutbox.after#1', 'effect.ledger.post.before#1', 'effect.ledger.post.after#1', 'sms.provider.after#1', 'sent.record.after#1', 'completeOutbox.before#2', 'completeOutbox.after#2'],
        timer: ['tx.deleteAllTimers.after#1', 'transaction.afterCommit#1', 'effect.ledger.close.after#1', 'completeOutbox.before#1'],
      }[phase];
      expect(trace).toEqual(expect.arrayContaining(expected));
      // The timer is taken by a claim and a consume, or inside the delivering transaction.
      if (phase === 'timer') expect(trace.some((p) => /^(claimDueTimers|tx\.consumeTimers?|tx\.takeDueTimers)\.after#1$/.test(p)), trace.join(' ')).toBe(true);

      figures.points += trace.length;
      process.stdout.write(`crash points, ${phase}: ${trace.join(' ')}\n`);
      for (const [index, point] of trace.entries()) {
        const step = point.slice(0, point.indexOf('#'));
        if (!LONG && killedSteps.has(step)) continue;
        killedSteps.add(step);
        await reset(phase);
        const killed = await child({ phase, killAt: point });
        expect(killed.signal, `${phase} @ ${point}: ${killed.stderr}`).toBe('SIGKILL');
        figures.kills++;

        // Atomic: all of the transition or none of it.
        const committed = index >= commitAt;
        expect(await transitionState(db.client), `${phase} @ ${point}`).toEqual(committed ? after : before);
        if (committed) figures.committedBeforeKill++;
        else figures.rolledBack++;

        // Restart: the same end state as a run nobody killed.
        const replayed = await recover(phase);
        if (phase !== 'timer') expect(replayed, `${phase} @ ${point}: replay`).toBe(committed);
        expect(await transitionState(db.client), `${phase} @ ${point}`).toEqual(final.transition);
        expect(await effectState(db.client), `${phase} @ ${point}`).toEqual(final.effects);
        expect((await recoverVerification()).ok, `${phase} @ ${point}: history chain`).toBe(true);

        // Effects: a crash between an effect and its "done" repeats the call, never the outcome.
        const attempts = await attemptsByKey(db.client);
        for (const [key, n] of attempts) {
          expect(n, `${phase} @ ${point}: ${key}`).toBeLessThanOrEqual(2);
          figures.redeliveries += n - 1;
        }
        if (/^(effect\.ledger\.\w+\.after|sms\.provider\.after)#/.test(point)) {
          expect([...attempts.values()], `${phase} @ ${point}: the repeat happened`).toContain(2);
        }
      }
    });
  }
});

async function recoverVerification() {
  const desk = ledgerDesk({ storage: db.storage, pool, clock: new TestClock(), kill: noKill });
  return desk.verifyHistory({ tenantId, instanceId });
}
