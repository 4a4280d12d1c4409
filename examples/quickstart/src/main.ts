/**
 * statdesk in one screen: a durable workflow priced from a tariff book, a deadline in working
 * days on the Iranian calendar, a process restart in the middle, and a verified audit trail.
 * Storage is in memory and the clock is a test clock, so a week passes in a blink.
 */
import { createDesk, formatMoney, rial, sampleTariffBook, toZoned } from '@statdesk/core';
import { MemoryStorage, RecordingNotifier, TestClock } from '@statdesk/testing';
import { dataRequestWorkflow } from './data-request.workflow';

const tenantId = 'sci-portal';
const citizen = { id: 'citizen-42', roles: ['applicant'] };
const pricing = { id: 'pricing-7', roles: ['pricing-officer'] };

const tehran = (d: Date) => {
  const z = toZoned(d);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${z.year}-${pad(z.month)}-${pad(z.day)} ${pad(z.hour)}:${pad(z.minute)} Tehran`;
};

// Wednesday 1404-01-20 (2025-04-09), 13:00 in Tehran.
const clock = new TestClock('2025-04-09T09:30:00.000Z');
const storage = new MemoryStorage();
const notifier = new RecordingNotifier();
const services = { tariffBook: sampleTariffBook };

function startProcess() {
  return createDesk({ storage, clock, notifier, services, workflows: [dataRequestWorkflow], outbox: { afterCommit: 'await' } });
}

let desk = startProcess();
console.log(`\nstatdesk quickstart — ${tehran(clock.now())}\n`);

const { instanceId } = await desk.create({ tenantId, workflow: 'data-request', actor: citizen, input: { applicantId: citizen.id, provinces: 3 } });
console.log(`1. A citizen asks for tables for 3 provinces            → order ${instanceId.slice(0, 8)}…`);

const quoted = await desk.send({ tenantId, instanceId, actor: pricing, event: { type: 'quote' } });
const view = await desk.get({ tenantId, instanceId }, pricing);
const context = (view.data as { context: { total: bigint; validUntil: Date; bookVersion: string } }).context;
console.log(`2. The pricing officer quotes from tariff book ${context.bookVersion} (sample amounts)`);
console.log(`   total ${formatMoney(rial(context.total), { language: 'en' })} = ${formatMoney(rial(context.total), { unit: 'toman', language: 'fa' })}`);
console.log(`   valid for 3 working days, until ${tehran(context.validUntil)} (Thursday and Friday skipped)`);
console.log(`   the citizen is told by ${notifier.sent[0]?.channel}: template ${notifier.sent[0]?.template}`);
console.log(`   state: ${quoted.state}, version ${quoted.version}`);

console.log('\n3. The server restarts. Nothing pending lives in memory: the deadline is a stored timer.');
desk = startProcess();

clock.advance(2 * 24 * 3600_000);
let run = await desk.runDueTimers();
console.log(`   two days later (${tehran(clock.now())}): ${run.delivered} timers fired`);
clock.set(context.validUntil);
run = await desk.runDueTimers();
const after = await storage.getInstance({ tenantId, instanceId });
console.log(`   at the deadline (${tehran(clock.now())}): ${run.delivered} timer fired → state "${after?.state}"`);

console.log('\n4. The audit trail, hash-chained:');
for (const row of await desk.history({ tenantId, instanceId }, pricing)) {
  console.log(`   #${row.seq} ${tehran(row.at)}  ${row.actorRole.padEnd(15)} ${row.eventType.padEnd(44)} ${row.fromState ?? '∅'} → ${row.toState}`);
}
const verified = await desk.verifyHistory({ tenantId, instanceId });
console.log(`   chain check: ${verified.ok ? `intact (${verified.length} rows)` : `BROKEN at row ${verified.seq}`}`);

storage.oracle.tamperHistory({ tenantId, instanceId }, 2, { actorId: 'someone-else' });
const tampered = await desk.verifyHistory({ tenantId, instanceId });
console.log(`   after editing row 2 in the database: ${tampered.ok ? 'intact?!' : `tampering detected at row ${tampered.seq} (${tampered.reason})`}`);
console.log('\nNext: docs/concepts.md and docs/getting-started.md.\n');
