/**
 * report: one month's SLA compliance report (`storage.reportSlaCompliance`: met, breached,
 * nearest-rank median and p90 per workflow and target) on PostgreSQL with 1,000,000 history rows
 * spread over a year, against hand-written aggregate SQL answering the same question on the same
 * schema (`percentile_disc … WITHIN GROUP`, `FILTER`); target: latency ratio ≥ 0.8.
 *
 * Rows are generated in the database: instances with ten history rows each, and for each
 * instance the outcomes of two SLA targets (`statdesk_sla_outcomes`, written by the engine with
 * the transition that decided them), decided across the year. Both sides must return the same
 * figures, or the suite fails. Quick mode uses 100,000 history rows, stated in the note.
 */
import pg from 'pg';
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { solarMonthPeriod, type SlaComplianceCount } from '@statdesk/core';
import { median } from '../harness';
import { latencyRatio, type BenchSuite } from '../suite';

const TENANT_ID = 'bench';
const TARGET = 0.8;
const HISTORY_PER_INSTANCE = 10;

const handWritten = `SELECT workflow, policy, target, clock, best_effort,
    COUNT(*) FILTER (WHERE outcome = 'met') AS met,
    COUNT(*) FILTER (WHERE outcome = 'breached') AS breached,
    percentile_disc(0.5) WITHIN GROUP (ORDER BY elapsed_ms) FILTER (WHERE outcome = 'met') AS median_ms,
    percentile_disc(0.9) WITHIN GROUP (ORDER BY elapsed_ms) FILTER (WHERE outcome = 'met') AS p90_ms
  FROM statdesk_sla_outcomes
  WHERE tenant_id = $1 AND decided_at >= $2 AND decided_at < $3
  GROUP BY workflow, policy, target, clock, best_effort
  ORDER BY workflow, policy, target`;

const report: BenchSuite = async ({ quick, databaseUrl, log }) => {
  const historyRows = quick ? 100_000 : 1_000_000;
  const instances = historyRows / HISTORY_PER_INSTANCE;
  const rounds = quick ? 7 : 9;
  const perRound = quick ? 8 : 10;
  const schema = `bench_report_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  let storage: MikroOrmStorage | undefined;
  const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: databaseUrl, schema, migrate: true, pool: { max: 2 } });
    await client.connect();
    const started = performance.now();
    // A year from 1 Farvardin 1405 (2026-03-20T20:30Z); the measured month is Azar 1405.
    const year = '2026-03-20T20:30:00Z';
    await client.query(
      `INSERT INTO statdesk_instances (tenant_id, id, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at)
       SELECT $1, 'order-' || i, CASE WHEN i % 3 = 0 THEN 'complaint' ELSE 'information-order' END, '1', 'closed', 'done', 'citizen-' || (i % 5000), '{}'::jsonb,
         ${HISTORY_PER_INSTANCE}, ${HISTORY_PER_INSTANCE}, 'h', '[]'::jsonb, $2::timestamptz + (i % 365) * interval '1 day', $2::timestamptz + (i % 365) * interval '1 day'
       FROM generate_series(1, $3::int) AS i`,
      [TENANT_ID, year, instances],
    );
    await client.query(
      `INSERT INTO statdesk_history (tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash)
       SELECT $1, 'order-' || i, s, $2::timestamptz + (i % 365) * interval '1 day' + s * interval '1 hour', 'staff', 'consultant',
         CASE WHEN s = 1 THEN 'statdesk.create' WHEN s = 5 THEN 'sla.warning' ELSE 'step' END, 'a', 'b', '1', '{"note": "x"}'::jsonb, 'h', 'h'
       FROM generate_series(1, $3::int) AS i, generate_series(1, ${HISTORY_PER_INSTANCE}) AS s`,
      [TENANT_ID, year, instances],
    );
    // Two targets per instance; one in five breached; elapsed times spread over 0–40 business hours.
    await client.query(
      `INSERT INTO statdesk_sla_outcomes (tenant_id, instance_id, policy, target, cycle, workflow, outcome, decided_at, stopped_at, elapsed_ms, clock, best_effort)
       SELECT $1, 'order-' || i, 'policy', t, 0, CASE WHEN i % 3 = 0 THEN 'complaint' ELSE 'information-order' END,
         CASE WHEN (i + length(t)) % 5 = 0 THEN 'breached' ELSE 'met' END,
         $2::timestamptz + (i % 365) * interval '1 day' + interval '3 hours', $2::timestamptz + (i % 365) * interval '1 day' + interval '3 hours',
         ((i * 7919) % 144000) * 1000, 'business', false
       FROM generate_series(1, $3::int) AS i, unnest(ARRAY['firstResponse', 'resolution']) AS t`,
      [TENANT_ID, year, instances],
    );
    await client.query('ANALYZE');
    log(`report: ${historyRows.toLocaleString('en')} history rows, ${instances.toLocaleString('en')} instances, ${(instances * 2).toLocaleString('en')} SLA outcomes loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const azar = solarMonthPeriod('1405-09');
    const period = { tenantId: TENANT_ID, from: azar.from, to: azar.to };
    const viaStorage = () => storage!.reportSlaCompliance(period);
    const viaSql = async (): Promise<SlaComplianceCount[]> =>
      (await client.query(handWritten, [TENANT_ID, azar.from, azar.to])).rows.map((r: Record<string, unknown>) => ({
        workflow: r.workflow as string,
        policy: r.policy as string,
        target: r.target as string,
        clock: r.clock as 'business' | 'wall',
        bestEffort: r.best_effort as boolean,
        met: Number(r.met),
        breached: Number(r.breached),
        medianMsToMeet: r.median_ms === null ? null : Number(r.median_ms),
        p90MsToMeet: r.p90_ms === null ? null : Number(r.p90_ms),
      }));
    const ours = await viaStorage();
    const theirs = await viaSql();
    if (JSON.stringify(ours) !== JSON.stringify(theirs) || ours.length === 0) {
      throw new Error(`the storage and the hand-written SQL disagree:\n${JSON.stringify(ours)}\n${JSON.stringify(theirs)}`);
    }
    const samples = { statdesk: [] as number[], baseline: [] as number[] };
    const time = async (fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    for (let i = 0; i < 3; i++) {
      await viaStorage();
      await viaSql();
    }
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? (['baseline', 'statdesk'] as const) : (['statdesk', 'baseline'] as const);
      for (const side of order) {
        for (let i = 0; i < perRound; i++) samples[side].push(await time(side === 'statdesk' ? viaStorage : viaSql));
      }
    }
    const statdesk = median(samples.statdesk);
    const baseline = median(samples.baseline);
    const ratio = latencyRatio(statdesk, baseline);
    log(`report: median ${statdesk.toFixed(2)} ms (storage) vs ${baseline.toFixed(2)} ms (hand-written SQL)`);
    return [
      {
        id: 'report',
        metric: 'one month’s SLA compliance report (PostgreSQL), median latency',
        unit: 'ms',
        statdesk,
        baseline,
        baselineName: 'hand-written aggregate SQL (percentile_disc, FILTER)',
        ratio,
        target: TARGET,
        pass: ratio >= TARGET,
        note:
          `${historyRows.toLocaleString('en')} history rows, ${(instances * 2).toLocaleString('en')} SLA outcomes over a year; ${ours.length} rows returned, equal on both sides; ` +
          `${rounds} alternating rounds of ${perRound}${quick ? '; quick mode: 100,000 history rows (full mode: 1,000,000)' : ''}`,
      },
    ];
  } finally {
    await client.end().catch(() => {});
    await storage?.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
};

export default report;
