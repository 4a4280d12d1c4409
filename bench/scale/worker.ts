/**
 * The scale suite's worker process: a desk on the given PostgreSQL schema running its worker
 * loop (due timers and the outbox) for BENCH_SCALE_SECONDS, sampling its resident memory. It
 * reports `ready` once started, then its peak RSS when told `stop` or when the time is up.
 */
import { createDesk } from '@statdesk/core';
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { RecordingNotifier } from '@statdesk/testing';
import { reviewWorkflow } from '../../packages/testing/src/sample-workflows/review.workflow';
import { SCALE_DECISION_DEADLINE_MS } from './scale-workflow';

/** What the worker reports when it stops. */
export interface ScaleWorkerReport {
  /** The highest RSS sampled (every 50 ms) and the kernel's peak, in bytes. */
  peakRssBytes: number;
  maxRssBytes: number;
}

const databaseUrl = process.env.BENCH_SCALE_DATABASE_URL;
const schema = process.env.BENCH_SCALE_SCHEMA;
const seconds = Number(process.env.BENCH_SCALE_SECONDS ?? 10);
if (!databaseUrl || !schema || !process.send) throw new Error('bench/scale/worker.ts is started by the scale suite');
const send = process.send.bind(process);

const storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: databaseUrl, schema });
// Notifications are recorded, not sent: the worker dispatches the outbox too.
const desk = createDesk({ storage, notifier: new RecordingNotifier(), workflows: [reviewWorkflow({ decisionDeadlineMs: SCALE_DECISION_DEADLINE_MS })] });
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
desk.start({ pollIntervalMs: 200 });
send('ready');

let stopping: Promise<void> | undefined;
const stop = () =>
  (stopping ??= (async () => {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    await desk.stop();
    await storage.close();
    const report: ScaleWorkerReport = { peakRssBytes: peak, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
    send(report, () => process.disconnect());
  })());
const timeUp = setTimeout(() => void stop(), seconds * 1000);
process.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timeUp);
  void stop();
});
