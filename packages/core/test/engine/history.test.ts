import { createTestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { hashHistory, redactPersonalData, verifyHistoryChain } from '../../src';
import { applicant, officer, reviewInput, reviewWorkflow } from './review.workflow';

const tenantId = 'sci';

async function withHistory() {
  const t = createTestDesk({ workflows: [reviewWorkflow()], start: '2025-04-05T06:00:00.000Z' });
  const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
  await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
  await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which years?' } });
  await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'reply', answer: 'My address is 12 Azadi St', mobile: '09121234567' } });
  return { t, instanceId, oracle: t.storage.oracle, ref: { tenantId, instanceId } };
}

describe('history', () => {
  it('records who, when, which event, from and to, one row per transition', async () => {
    const { t, ref } = await withHistory();
    const rows = await t.desk.history(ref, officer);
    expect(rows.map((r) => [r.seq, r.actorId, r.actorRole, r.eventType, r.fromState, r.toState])).toEqual([
      [1, 'citizen-1', 'applicant', 'statdesk.create', null, 'draft'],
      [2, 'citizen-1', 'applicant', 'submit', 'draft', 'submitted'],
      [3, 'officer-1', 'officer', 'requestInfo', 'submitted', 'awaitingApplicant'],
      [4, 'citizen-1', 'applicant', 'reply', 'awaitingApplicant', 'submitted'],
    ]);
    expect(rows.every((r) => r.at.toISOString() === '2025-04-05T06:00:00.000Z')).toBe(true);
  });

  it('never stores personal data in payloads', async () => {
    const { oracle, ref } = await withHistory();
    const rows = oracle.history(ref);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('0012345679'); // national ID in the create input
    expect(text).not.toContain('09121234567'); // mobile in the reply
    expect(text).not.toContain('Azadi'); // the reply's free text, declared personal
    expect(rows[0]!.payload).toEqual({ title: 'Census tables', amount: { $bigint: '1200000' }, applicantId: 'citizen-1', $redacted: ['nationalId'] });
    expect(rows[3]!.payload).toEqual({ $redacted: ['answer', 'mobile'] });
    expect(rows[2]!.payload).toEqual({ question: 'Which years?' });
  });

  it('detects an altered row, a removed row and a truncated tail', async () => {
    const { t, oracle, ref } = await withHistory();
    expect(await t.desk.verifyHistory(ref)).toEqual({ ok: true, length: 4 });

    oracle.tamperHistory(ref, 3, { actorId: 'someone-else' });
    expect(await t.desk.verifyHistory(ref)).toEqual({ ok: false, seq: 3, reason: 'altered' });

    const rows = oracle.history(ref);
    const instance = oracle.instance(ref)!;
    const honest = rows.map((r) => ({ ...r }));
    honest[2]!.actorId = 'officer-1';
    expect(verifyHistoryChain(honest, instance)).toEqual({ ok: true, length: 4 });
    expect(verifyHistoryChain([honest[0]!, honest[1]!, honest[3]!], instance)).toMatchObject({ ok: false, reason: 'gap' });
    expect(verifyHistoryChain(honest.slice(0, 3), instance)).toMatchObject({ ok: false, reason: 'truncated' });
    // Re-hashing a forged row does not help: the next row's link breaks.
    const forged = honest.map((r) => ({ ...r }));
    forged[1]!.eventType = 'approve';
    forged[1]!.hash = hashHistory(forged[1]!);
    expect(verifyHistoryChain(forged, instance)).toEqual({ ok: false, seq: 3, reason: 'broken-link' });
  });

  it('redaction drops declared paths with wildcards and default personal keys at any depth', () => {
    const payload = {
      lines: [
        { product: 'CD', address: 'Tehran' },
        { product: 'Book', note: 'gift', phone: '0912' },
      ],
      contact: { nationalId: '0012345679', name: 'Sara' },
      card: { last4: '1234' },
    };
    expect(redactPersonalData(payload, ['lines.*.note', 'contact.name'])).toEqual({
      lines: [
        { product: 'CD', $redacted: ['address'] },
        { product: 'Book', $redacted: ['note', 'phone'] },
      ],
      contact: { $redacted: ['name', 'nationalId'] },
      card: { last4: '1234' },
    });
  });
});
