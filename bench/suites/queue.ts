/**
 * queue: the first page (50) of a staff work queue — open work, most urgent first (breached, then
 * nearest deadline) — through `desk.queue` on PostgreSQL, against hand-written SQL reading the same
 * page from the same table on the same schema, with 1,000,000 instances of which 100,000 open
 * (target: ratio ≥ 0.8); and its p99 with 1,000,000 instances against 10,000 (1,000 open),
 * alternating round by round (target: within 1.2×, i.e. ratio ≥ 1/1.2).
 *
 * Rows are bulk-copied (see queue/bulk-load.ts): the suite measures the read; the write-time
 * upkeep of work items is covered by the tests. Quick mode uses 100,000 instances (10,000 open).
 */
import pg from 'pg';
import { createDesk, systemClock, type Desk, type WorkQueueQuery } from '@statdesk/core';
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { applicant, reviewInput, reviewWorkflow } from '../../packages/testing/src/sample-workflows/review.workflow';
import { median, percentile } from '../harness';
import { bulkLoadQueue } from '../queue/bulk-load';
import { latencyRatio, type BenchResult, type BenchSuite } from '../suite';

const TENANT_ID = 'bench';
const PAGE = 50;
const RATIO_TARGET = 0.8;
const SCALE_TARGET = 1 / 1.2;
const STAFF = { id: 'supervisor-1', roles: ['system'] };

interface Side {
  name: string;
  schema: string;
  total: number;
  open: number;
  storage: MikroOrmStorage;
  desk: Desk;
  ours: number[];
  raw: number[];
}

const queue: BenchSuite = async ({ quick, databaseUrl, log }) => {
  const large = quick ? 100_000 : 1_000_000;
  const rounds = quick ? 3 : 7;
  const perRound = quick ? 100 : 300;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const sides: Side[] = [];
  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  try {
    for (const [name, total] of [['small', 10_000], ['large', large]] as const) {
      const schema = `bench_queue_${name}_${process.pid}`;
      await admin.query(`CREATE SCHEMA ${schema}`);
      const storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: databaseUrl, schema, migrate: true, pool: { max: 2 } });
      const desk = createDesk({ storage, clock: systemClock, workflows: [reviewWorkflow()], outbox: { afterCommit: 'off' } });
      const side: Side = { name, schema, total, open: total / 10, storage, desk, ours: [], raw: [] };
      const started = performance.now();
      const { instanceId } = await desk.create({ tenantId: TENANT_ID, workflow: 'review', actor: applicant, input: reviewInput });
      await desk.send({ tenantId: TENANT_ID, instanceId, actor: applicant, event: { type: 'submit' } });
      await bulkLoadQueue(admin, { schema, tenantId: TENANT_ID, templateId: instanceId, total, open: side.open });
      log(`${name}: ${total} instances, ${side.open} open, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      sides.push(side);
    }

    // The queue a supervisor opens first: every open item of the workflow, most urgent first.
    const query: WorkQueueQuery = { tenantId: TENANT_ID, workflows: ['review'], limit: PAGE };
    const ours = async (side: Side) => {
      const started = performance.now();
      const page = await side.desk.queue(query, STAFF);
      const took = performance.now() - started;
      if (page.items.length !== PAGE) throw new Error(`desk.queue returned ${page.items.length} items, not ${PAGE}`);
      return took;
    };
    // The same page by hand: the same columns, filter, order and one row more to tell if a next page exists.
    const handWritten = async (side: Side) => {
      const started = performance.now();
      const { rows } = await raw.query(
        `SELECT tenant_id, instance_id, workflow, state, assignee, act_roles, sla_condition, due_at, escalated, urgency_rank, sort_at, created_at, updated_at
         FROM ${side.schema}.statdesk_work_items WHERE tenant_id = $1 AND workflow = ANY($2) ORDER BY urgency_rank, sort_at, instance_id LIMIT $3`,
        [TENANT_ID, ['review'], PAGE + 1],
      );
      const took = performance.now() - started;
      if (rows.length !== PAGE + 1) throw new Error('the hand-written query found too few rows');
      return took;
    };
    for (const side of sides) for (let i = 0; i < 30; i++) {
      await ours(side);
      await handWritten(side);
    }
    for (let r = 0; r < rounds; r++) {
      for (const side of r % 2 ? [...sides].reverse() : sides) {
        for (let i = 0; i < perRound; i++) {
          // Alternate which goes first, so neither always reads a warmer cache.
          if (i % 2) {
            side.ours.push(await ours(side));
            side.raw.push(await handWritten(side));
          } else {
            side.raw.push(await handWritten(side));
            side.ours.push(await ours(side));
          }
        }
      }
    }
    const [small, big] = sides as [Side, Side];
    const plan = await raw.query(
      `EXPLAIN SELECT instance_id FROM ${big.schema}.statdesk_work_items WHERE tenant_id = $1 AND workflow = ANY($2) ORDER BY urgency_rank, sort_at, instance_id LIMIT 51`,
      [TENANT_ID, ['review']],
    );
    const planNote = `plan: ${String((plan.rows[0] as Record<string, unknown>)['QUERY PLAN']).trim()}`;
    log(planNote);
    const how = `${rounds} rounds of ${perRound} pages per side after a warm-up, 1 client, pg pool of 2${quick ? '; quick mode: 100,000 instances (full mode: 1,000,000)' : ''}`;
    const sizes = `${big.total.toLocaleString('en')} instances, ${big.open.toLocaleString('en')} open`;
    const vsRaw = latencyRatio(median(big.ours), median(big.raw));
    const scaleRatio = latencyRatio(percentile(big.ours, 99), percentile(small.ours, 99));
    log(`queue ms: ours p50 ${median(big.ours).toFixed(3)} vs hand-written ${median(big.raw).toFixed(3)}; p99 large ${percentile(big.ours, 99).toFixed(2)} vs small ${percentile(small.ours, 99).toFixed(2)}`);
    const results: BenchResult[] = [
      {
        id: 'queue', metric: `first page (${PAGE}) by urgency, median, ${sizes}`, unit: 'ms', statdesk: median(big.ours), baseline: median(big.raw),
        baselineName: 'hand-written SQL, same table', ratio: vsRaw, target: RATIO_TARGET, pass: vsRaw >= RATIO_TARGET,
        note: `desk.queue (role and workflow checks, cursor) vs one pg query; ${how}; ${planNote}`,
      },
      {
        id: 'queue', metric: `first page p99, ${big.total.toLocaleString('en')} vs ${small.total.toLocaleString('en')} instances`, unit: 'ms',
        statdesk: percentile(big.ours, 99), baseline: percentile(small.ours, 99), baselineName: `same page, ${small.total.toLocaleString('en')} instances`,
        ratio: scaleRatio, target: SCALE_TARGET, pass: scaleRatio >= SCALE_TARGET,
        note: `${how}; hand-written p99 ${percentile(big.raw, 99).toFixed(2)} ms large vs ${percentile(small.raw, 99).toFixed(2)} ms small`,
      },
    ];
    return results;
  } finally {
    await raw.end();
    for (const side of sides) await side.storage.close();
    for (const name of ['small', 'large']) await admin.query(`DROP SCHEMA IF EXISTS bench_queue_${name}_${process.pid} CASCADE`);
    await admin.end();
  }
};

export default queue;
