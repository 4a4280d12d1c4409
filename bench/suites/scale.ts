/**
 * scale: does a command get slower as the database grows? Command latency (median and p99 of
 * `desk.send`, one client, each command on a different instance picked across the table) on a
 * schema with 10,000 stored instances against one with 1,000,000 instances and 1,000,000
 * pending timers, alternating the two round by round; target: the large case within 1.2× of
 * the small one (ratio small ÷ large ≥ 1/1.2). Then the peak RSS of a worker process (its own
 * desk running the worker loop, delivering a batch of due timers) while the 1,000,000 timers
 * are pending: target under 200 MB, i.e. nothing per pending timer in memory.
 *
 * Rows are bulk-copied from one instance made through the desk (see scale/bulk-load.ts). Quick
 * mode uses a smaller large case, stated in the results' note.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDesk, systemClock, type Desk } from '@statdesk/core';
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { applicant, officer, reviewInput, reviewWorkflow } from '../../packages/testing/src/sample-workflows/review.workflow';
import { median, percentile } from '../harness';
import { bulkInstanceId, bulkLoad } from '../scale/bulk-load';
import { handWrittenQuestion } from '../scale/hand-written-command';
import { SCALE_DECISION_DEADLINE_MS } from '../scale/scale-workflow';
import type { ScaleWorkerReport } from '../scale/worker';
import { latencyRatio, type BenchResult, type BenchSuite } from '../suite';
import { startTsxChild } from '../tsx-child';

const TENANT_ID = 'bench';
const LATENCY_TARGET = 1 / 1.2;
const RSS_BUDGET_MB = 200;
const SMALL = 10_000;

interface Side {
  name: string;
  schema: string;
  size: number;
  storage: MikroOrmStorage;
  desk: Desk;
  /** Commands sent so far: the k-th goes to a different instance, spread over the table. */
  sent: number;
  samples: number[];
}

const scale: BenchSuite = async ({ quick, databaseUrl, log }) => {
  const large = quick ? 100_000 : 1_000_000;
  const rounds = quick ? 3 : 7;
  const perRound = quick ? 80 : 400;
  const dueTimers = quick ? 500 : 5_000;
  const workerSeconds = quick ? 4 : 20;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const sides: Side[] = [];
  try {
    for (const [name, size] of [['small', SMALL], ['large', large]] as const) {
      const schema = `bench_scale_${name}_${process.pid}`;
      await admin.query(`CREATE SCHEMA ${schema}`);
      const storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: databaseUrl, schema, migrate: true, pool: { max: 2 } });
      const desk = createDesk({ storage, clock: systemClock, workflows: [reviewWorkflow({ decisionDeadlineMs: SCALE_DECISION_DEADLINE_MS })], outbox: { afterCommit: 'off' } });
      sides.push({ name, schema, size, storage, desk, sent: 0, samples: [] });
    }
    for (const side of sides) {
      const started = performance.now();
      const { instanceId } = await side.desk.create({ tenantId: TENANT_ID, workflow: 'review', actor: applicant, input: reviewInput });
      await side.desk.send({ tenantId: TENANT_ID, instanceId, actor: applicant, event: { type: 'submit' } });
      const deadline = (await side.storage.transaction((tx) => tx.listTimers({ tenantId: TENANT_ID, instanceId }))).find((t) => t.key.includes('decisionDeadline'));
      if (!deadline) throw new Error('the submitted review has no decision deadline timer');
      const pending = await bulkLoad(admin, { schema: side.schema, tenantId: TENANT_ID, templateId: instanceId, timerKey: deadline.key, count: side.size - 1 });
      log(`${side.name}: ${side.size} instances, ${pending} pending timers loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    // One command: an officer's question on an instance not touched before (submitted → awaitingApplicant:
    // compare-and-set, history row, its timers deleted).
    const command = async (side: Side) => {
      const k = side.sent++;
      const instanceId = bulkInstanceId(((k * 7_919) % (side.size - 1)) + 1);
      const started = performance.now();
      await side.desk.send({ tenantId: TENANT_ID, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which years?' } });
      return performance.now() - started;
    };
    for (const side of sides) for (let i = 0; i < 50; i++) await command(side);
    // What the database did for the measured commands, per schema (the cumulative statistics of
    // these tables only, so other work on the server does not count): blocks found in shared
    // buffers and blocks read from outside them (the OS cache or the disk).
    const blocks = async (side: Side) => {
      const { rows } = await admin.query<{ hit: string; read: string }>(
        `SELECT sum(coalesce(heap_blks_hit, 0) + coalesce(idx_blks_hit, 0)) AS hit, sum(coalesce(heap_blks_read, 0) + coalesce(idx_blks_read, 0)) AS read
         FROM pg_statio_user_tables WHERE schemaname = $1`,
        [side.schema],
      );
      return { hit: Number(rows[0]?.hit ?? 0), read: Number(rows[0]?.read ?? 0) };
    };
    // Statistics reach the shared view within a second of a transaction's end.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));
    await settle();
    const blocksBefore = await Promise.all(sides.map(blocks));
    for (let r = 0; r < rounds; r++) {
      for (const side of r % 2 ? [...sides].reverse() : sides) {
        for (let i = 0; i < perRound; i++) side.samples.push(await command(side));
      }
    }
    await settle();
    const blocksAfter = await Promise.all(sides.map(blocks));
    const perCommand = sides.map((side, i) => {
      const n = rounds * perRound;
      return { hit: (blocksAfter[i]!.hit - blocksBefore[i]!.hit) / n, read: (blocksAfter[i]!.read - blocksBefore[i]!.read) / n };
    });
    const blockNote = `blocks per command (shared-buffer hits / reads): small ${perCommand[0]!.hit.toFixed(1)} / ${perCommand[0]!.read.toFixed(1)}, `
      + `large ${perCommand[1]!.hit.toFixed(1)} / ${perCommand[1]!.read.toFixed(1)}`;
    log(blockNote);

    // The same writes as hand-written SQL at both sizes, on instances neither side touched
    // (the same walk, continued past the commands' steps), alternating likewise: the reference
    // for how much of the difference any code would pay.
    const raw: Record<string, number[]> = Object.fromEntries(sides.map((side) => [side.name, []]));
    const rawClient = new pg.Client({ connectionString: databaseUrl });
    await rawClient.connect();
    try {
      const rawPerRound = Math.ceil(perRound / 2);
      for (let r = 0; r < rounds; r++) {
        for (const side of r % 2 ? [...sides].reverse() : sides) {
          for (let i = 0; i < rawPerRound; i++) {
            const index = ((side.sent++ * 7_919) % (side.size - 1)) + 1;
            const started = performance.now();
            await handWrittenQuestion(rawClient, side.schema, TENANT_ID, bulkInstanceId(index));
            raw[side.name]!.push(performance.now() - started);
          }
        }
      }
    } finally {
      await rawClient.end();
    }
    const rawNote = `hand-written SQL doing the same writes: median ${median(raw.large!).toFixed(2)} ms large vs ${median(raw.small!).toFixed(2)} ms small `
      + `(ratio ${(median(raw.small!) / median(raw.large!)).toFixed(2)}), p99 ${percentile(raw.large!, 99).toFixed(1)} vs ${percentile(raw.small!, 99).toFixed(1)} ms`;
    log(rawNote);
    const [small, big] = sides as [Side, Side];
    const figures = (side: Side) => ({ p50: median(side.samples), p99: percentile(side.samples, 99) });
    const a = figures(big);
    const b = figures(small);
    log(`latency ms: small p50 ${b.p50.toFixed(2)} p99 ${b.p99.toFixed(2)}; large p50 ${a.p50.toFixed(2)} p99 ${a.p99.toFixed(2)}`);
    const sizes = `${big.size.toLocaleString('en')} instances and ${big.size.toLocaleString('en')} pending timers vs ${small.size.toLocaleString('en')} instances`;
    const how = `${rounds} rounds of ${perRound} commands per side after a warm-up, 1 client${quick ? '; quick mode: smaller large case (full mode: 1,000,000)' : ''}`;
    const results: BenchResult[] = (['p50', 'p99'] as const).map((stat) => {
      const ratio = latencyRatio(a[stat], b[stat]);
      return {
        id: 'scale', metric: `command latency ${stat === 'p50' ? 'median' : 'p99'}, ${big.size.toLocaleString('en')} vs ${small.size.toLocaleString('en')} instances`, unit: 'ms',
        statdesk: a[stat], baseline: b[stat], baselineName: `same command, ${small.size.toLocaleString('en')} instances`, ratio, target: LATENCY_TARGET, pass: ratio >= LATENCY_TARGET,
        note: `${sizes}; ${how}; ${blockNote}; ${rawNote}`,
      };
    });

    // A batch of timers falls due; a worker process delivers them while the rest stay pending.
    // The same on the small schema shows what the worker's memory is without the pending timers.
    const runWorker = async (side: Side, due: number, seconds: number) => {
      await admin.query(
        `UPDATE ${side.schema}.statdesk_timers SET due_at = now() - interval '1 second'
         WHERE id IN (SELECT id FROM ${side.schema}.statdesk_timers WHERE instance_id LIKE 'bulk-%' ORDER BY due_at LIMIT $1)`,
        [due],
      );
      const worker = startTsxChild<'ready'>(path.join(path.dirname(fileURLToPath(import.meta.url)), '../scale/worker.ts'), {
        BENCH_SCALE_DATABASE_URL: databaseUrl, BENCH_SCALE_SCHEMA: side.schema, BENCH_SCALE_SECONDS: String(seconds),
      });
      await worker.ready;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const report = (await worker.stop()) as ScaleWorkerReport | undefined;
      if (!report || typeof report.peakRssBytes !== 'number') throw new Error('the worker process sent no memory report');
      const { rows } = await admin.query<{ due: string; pending: string }>(
        `SELECT count(*) FILTER (WHERE due_at <= now()) AS due, count(*) AS pending FROM ${side.schema}.statdesk_timers`,
      );
      const delivered = due - Number(rows[0]!.due);
      const peakMb = Math.max(report.peakRssBytes, report.maxRssBytes) / 2 ** 20;
      log(`worker on ${side.name}: peak RSS ${peakMb.toFixed(0)} MB, delivered ${delivered} of ${due} due timers, ${rows[0]!.pending} timers pending`);
      if (delivered <= 0) throw new Error('the worker delivered no due timer: its memory figure would not describe a working worker');
      return { peakMb, delivered, pending: Number(rows[0]!.pending) };
    };
    const withFew = await runWorker(small, Math.min(dueTimers, 1_000), quick ? 3 : 10);
    const withMany = await runWorker(big, dueTimers, workerSeconds);
    const rssRatio = latencyRatio(withMany.peakMb, RSS_BUDGET_MB);
    results.push({
      id: 'scale', metric: `worker peak RSS, ${big.size.toLocaleString('en')} timers pending`, unit: 'MB', statdesk: withMany.peakMb, baseline: RSS_BUDGET_MB,
      baselineName: 'budget (200 MB)', ratio: rssRatio, target: 1, pass: rssRatio >= 1,
      note: `a separate worker process (tsx, desk.start, 200 ms polls) for ${workerSeconds} s delivered ${withMany.delivered} of ${dueTimers} timers made due with ${withMany.pending.toLocaleString('en')} pending; `
        + `the same worker on the ${small.size.toLocaleString('en')}-instance schema peaked at ${withFew.peakMb.toFixed(0)} MB`,
    });
    return results;
  } finally {
    for (const side of sides) await side.storage.close();
    for (const side of sides) await admin.query(`DROP SCHEMA IF EXISTS ${side.schema} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS bench_scale_small_${process.pid} CASCADE; DROP SCHEMA IF EXISTS bench_scale_large_${process.pid} CASCADE`);
    await admin.end();
  }
};

export default scale;
