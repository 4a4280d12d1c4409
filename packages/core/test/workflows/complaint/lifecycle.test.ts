import { MemoryFileStore, type RecordingNotifier } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, NotAllowedError, NotFoundError, ValidationError, type ComplainantView } from '../../../src';
import { citizen, complaintDesk, messageInput, officer, otherCitizen, supervisor, tenantId } from './fixture';

const DAY = 24 * 60 * 60 * 1000;
const templatesOf = (t: Awaited<ReturnType<typeof complaintDesk<RecordingNotifier>>>) => t.notifier.sent.filter((m) => m.channel === 'email').map((m) => m.template);

describe('complaint lifecycle', () => {
  it('files, acknowledges, reviews, asks, answers and closes, notifying the complainant at each step', async () => {
    const t = await complaintDesk();
    const filed = await t.file();
    const id = filed.instanceId;
    expect(filed.trackingCode).toMatch(/^\d{12}$/);
    expect(filed.complaintCode).toMatch(/^\d{8}$/);
    expect(filed.display.trackingCode).toMatch(/^\d{4} \d{4} \d{4}$/);

    await t.send(id, officer, { type: 'acknowledge' });
    expect(await t.stateOf(id)).toBe('stage1.active.acknowledged');
    await t.send(id, officer, { type: 'assign', officerId: 'officer-1', officerName: 'Maryam Rahimi' });
    await t.send(id, officer, { type: 'note', text: 'Caller sounded upset; check order 42.' });
    await t.send(id, officer, { type: 'requestInfo', question: 'Which province?' });
    expect(await t.stateOf(id)).toBe('stage1.awaitingComplainant');
    await t.send(id, citizen, { type: 'reply', text: 'Tehran province' });
    await t.send(id, officer, { type: 'answer', text: 'The tables are attached to your order.' });
    expect(await t.stateOf(id)).toBe('answered');
    await t.send(id, citizen, { type: 'accept' });
    expect(await t.stateOf(id)).toBe('closed');

    expect(templatesOf(t)).toEqual([
      'complaint.filed',
      'complaint.acknowledged',
      'complaint.awaiting-reply',
      'complaint.answered',
      'complaint.closed',
    ]);
    // Every notification goes out by e-mail and SMS, to the complainant's profile only.
    expect(t.notifier.sent).toHaveLength(10);
    expect(new Set(t.notifier.sent.map((m) => m.recipient.profileId))).toEqual(new Set(['citizen-1']));
    const first = t.notifier.sent[0]!;
    const link = `/complaints/${filed.trackingCode}`;
    expect(first.params).toEqual({ trackingCode: filed.display.trackingCode, complaintCode: filed.display.complaintCode, link });
    // What the catalogue declares for each message, nothing more (the kind is not sent: one wording serves all four).
    expect(t.notifier.sent.filter((m) => m.channel === 'sms').map((m) => m.params)).toEqual([
      { trackingCode: filed.display.trackingCode, complaintCode: filed.display.complaintCode, link },
      // Five working days (Saturday to Wednesday) from Saturday 08:30: the next Saturday 08:30.
      { trackingCode: filed.display.trackingCode, answerBy: '2025-04-12T05:00:00.000Z' },
      { trackingCode: filed.display.trackingCode, link },
      { trackingCode: filed.display.trackingCode, link },
      { trackingCode: filed.display.trackingCode, link },
    ]);
    const allParams = JSON.stringify(t.notifier.sent.map((m) => m.params));
    expect(allParams).not.toContain('09121234567');
    expect(allParams).not.toContain('Census');

    // The complainant sees their case, the correspondence and the answer — not the staff note.
    const own = (await t.desk.get({ tenantId, instanceId: id }, citizen)).data as ComplainantView;
    expect(own).toMatchObject({ status: 'closed', subject: 'Census tables not answered', complaintCode: filed.display.complaintCode });
    expect(own.correspondence.map((c) => c.from)).toEqual(['staff', 'complainant']);
    expect(JSON.stringify(own)).not.toContain('upset');
    expect(JSON.stringify(own)).not.toContain('officer-1');
    // Staff see the note.
    const staffView = await t.contextOf(id);
    expect(staffView.notes).toEqual([{ at: expect.any(String), by: 'officer-1', text: 'Caller sounded upset; check order 42.' }]);
  });

  it('keeps free text and contact details out of history', async () => {
    const t = await complaintDesk();
    const { instanceId } = await t.file();
    await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(instanceId, officer, { type: 'note', text: 'His mobile is 09121234567' });
    const history = JSON.stringify((await t.oracle.history({ tenantId, instanceId })).map((h) => h.payload));
    expect(history).not.toContain('09121234567');
    expect(history).not.toContain('Census');
    expect(history).toContain('$redacted');
    expect(await t.desk.verifyHistory({ tenantId, instanceId })).toEqual({ ok: true, length: 3 });
  });

  it('pauses the answer clock while awaiting the complainant and resumes it with the time left', async () => {
    const t = await complaintDesk();
    const { instanceId } = await t.file();
    const answerTimer = async () => (await t.oracle.timers({ tenantId, instanceId })).find((x) => x.key === 'sla.stage1-answer');
    // Filed Saturday 08:30: 5 working days later is next Saturday 08:30 (Thursday and Friday are off).
    expect((await answerTimer())?.dueAt.toISOString()).toBe('2025-04-12T05:00:00.000Z');
    await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.advance(DAY); // Sunday 08:30: 4 working days left
    await t.send(instanceId, officer, { type: 'requestInfo', question: 'Which years?' });
    expect(await answerTimer()).toBeUndefined();
    await t.advance(3 * DAY); // Wednesday 08:30: the paused days do not count
    await t.send(instanceId, citizen, { type: 'reply', text: '1390 to 1400' });
    // 4 working days from Wednesday 08:30: Sat, Sun, Mon, Tue → Tuesday 15 April 08:30.
    expect((await answerTimer())?.dueAt.toISOString()).toBe('2025-04-15T05:00:00.000Z');
  });

  it('lets the complainant withdraw before the answer, and then nothing more happens', async () => {
    const t = await complaintDesk();
    const { instanceId, display } = await t.file();
    await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(instanceId, citizen, { type: 'withdraw', reason: 'Found the tables on the portal' });
    const record = await t.storage.getInstance({ tenantId, instanceId });
    expect(record).toMatchObject({ state: 'withdrawn', status: 'done' });
    expect((await t.oracle.timers({ tenantId, instanceId }))).toEqual([]);
    expect(templatesOf(t).at(-1)).toBe('complaint.withdrawn');
    // The withdrawal is confirmed; its reason (free text) is not repeated back.
    expect(t.notifier.sent.at(-1)?.params).toEqual({ trackingCode: display.trackingCode });
    await expect(t.send(instanceId, officer, { type: 'answer', text: 'late' })).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await t.advance(60 * DAY)).toBe(0);
  });

  it('escalates to stage 2 when the complainant is not satisfied; stage 2 belongs to supervisors', async () => {
    const t = await complaintDesk();
    const { instanceId } = await t.file();
    await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(instanceId, officer, { type: 'answer', text: 'Please use the portal.' });
    await t.send(instanceId, citizen, { type: 'escalate', reason: 'The portal does not have them.' });
    expect(await t.stateOf(instanceId)).toBe('stage2.active.escalated');
    expect(templatesOf(t)).toContain('complaint.escalated');
    const timers = (await t.oracle.timers({ tenantId, instanceId })).map((x) => [x.key, x.dueAt.toISOString()]).sort();
    // 3 and 20 working days (four Saturday-to-Wednesday weeks) from Saturday 5 April 08:30.
    expect(timers).toEqual([
      ['sla.stage2-acknowledge', '2025-04-08T05:00:00.000Z'],
      ['sla.stage2-answer', '2025-05-03T05:00:00.000Z'],
    ]);

    // An officer may not act at stage 2 (the role may send the event; the stage refuses it).
    await expect(t.send(instanceId, officer, { type: 'acknowledge' })).rejects.toBeInstanceOf(InvalidTransitionError);
    await t.send(instanceId, supervisor, { type: 'acknowledge' });
    await t.send(instanceId, supervisor, { type: 'assign', officerId: 'boss-1', officerName: 'Dr. Karimi' });
    await t.send(instanceId, supervisor, { type: 'answer', text: 'We will prepare the tables for you.' });
    expect(await t.stateOf(instanceId)).toBe('answered');
    // Stage 2 is final: no further escalation.
    await expect(t.send(instanceId, citizen, { type: 'escalate', reason: 'still not happy' })).rejects.toBeInstanceOf(InvalidTransitionError);
    const context = await t.contextOf(instanceId);
    expect(context).toMatchObject({ stage: 2, escalation: { reason: 'dissatisfied' } });
    expect((context.answers as unknown[]).length).toBe(2);
  });

  it('closes an answer by itself when the complainant does not respond within the window', async () => {
    const t = await complaintDesk({ windows: { respond: 2 } });
    const { instanceId } = await t.file();
    await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(instanceId, officer, { type: 'answer', text: 'Done.' });
    await t.advance(DAY);
    expect(await t.stateOf(instanceId)).toBe('answered');
    await t.advance(DAY);
    expect(await t.stateOf(instanceId)).toBe('closed');
    expect(await t.contextOf(instanceId)).toMatchObject({ closedBy: 'no-response', closedAt: '2025-04-07T05:00:00.000Z' });
  });

  it('reopens inside the window (to stage 2) and refuses outside it', async () => {
    const t = await complaintDesk({ windows: { reopen: 2, survey: 5 } });
    const answerAndClose = async () => {
      const { instanceId } = await t.file();
      await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
      await t.send(instanceId, officer, { type: 'answer', text: 'Done.' });
      await t.send(instanceId, citizen, { type: 'accept' });
      return instanceId;
    };
    const inside = await answerAndClose();
    await t.advance(DAY); // Sunday: 1 working day after closing
    await t.send(inside, citizen, { type: 'reopen', reason: 'The file was empty.' });
    expect(await t.stateOf(inside)).toBe('stage2.active.escalated');
    expect(await t.contextOf(inside)).toMatchObject({ reopenCount: 1, escalation: { reason: 'reopened' }, closedAt: null });

    const outside = await answerAndClose(); // closed Sunday 08:30; window ends Tuesday 08:30
    await t.advance(2 * DAY);
    const counts = (await t.oracle.counts());
    await expect(t.send(outside, citizen, { type: 'reopen', reason: 'Too late?' })).rejects.toBeInstanceOf(InvalidTransitionError);
    expect((await t.oracle.counts())).toEqual(counts);
    expect(await t.stateOf(outside)).toBe('closed');
  });

  it('takes one satisfaction rating after closing, then archives when the survey window ends', async () => {
    const t = await complaintDesk({ windows: { reopen: 1, survey: 3 } });
    const { instanceId } = await t.file();
    await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(instanceId, officer, { type: 'answer', text: 'Done.' });
    await expect(t.send(instanceId, citizen, { type: 'rate', score: 5 })).rejects.toBeInstanceOf(InvalidTransitionError);
    await t.send(instanceId, citizen, { type: 'accept' });
    await expect(t.send(instanceId, citizen, { type: 'rate', score: 6 })).rejects.toSatisfy((e) => e instanceof ValidationError && e.fields.includes('score'));
    await t.send(instanceId, citizen, { type: 'rate', score: 4, comment: 'Slow but helpful' });
    await expect(t.send(instanceId, citizen, { type: 'rate', score: 1 })).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await t.contextOf(instanceId)).toMatchObject({ rating: { score: 4, comment: 'Slow but helpful' } });
    await t.advance(3 * DAY);
    expect(await t.storage.getInstance({ tenantId, instanceId })).toMatchObject({ state: 'archived', status: 'done' });
  });

  it('gives questions and suggestions the simple lifecycle: a tracking code only, no stage 2, no reopen', async () => {
    const t = await complaintDesk();
    for (const kind of ['question', 'suggestion'] as const) {
      const filed = await t.file(kind);
      expect(filed.complaintCode).toBeNull();
      expect(t.notifier.sent.at(-1)).toMatchObject({ template: 'complaint.message-filed', params: { trackingCode: filed.display.trackingCode, link: `/complaints/${filed.trackingCode}` } });
      await t.send(filed.instanceId, officer, { type: 'assign', officerId: 'officer-1' });
      await t.send(filed.instanceId, officer, { type: 'answer', text: 'Thanks.' });
      await expect(t.send(filed.instanceId, citizen, { type: 'escalate', reason: 'no' })).rejects.toBeInstanceOf(InvalidTransitionError);
      await t.send(filed.instanceId, citizen, { type: 'accept' });
      await expect(t.send(filed.instanceId, citizen, { type: 'reopen', reason: 'again' })).rejects.toBeInstanceOf(InvalidTransitionError);
    }
    // Criticism follows the full lifecycle but, unlike a complaint, has no complaint code.
    const criticism = await t.file('criticism');
    expect(criticism.complaintCode).toBeNull();
    await t.send(criticism.instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(criticism.instanceId, officer, { type: 'answer', text: 'Noted.' });
    await t.send(criticism.instanceId, citizen, { type: 'escalate', reason: 'Not addressed' });
    expect(await t.stateOf(criticism.instanceId)).toBe('stage2.active.escalated');
  });
});

describe('who may do what', () => {
  it('authorises by role and ownership, and rejects bad input without writing', async () => {
    const t = await complaintDesk();
    const { instanceId } = await t.file();
    const counts = (await t.oracle.counts());
    await expect(t.send(instanceId, citizen, { type: 'answer', text: 'self-answer' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(t.send(instanceId, otherCitizen, { type: 'withdraw' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.desk.get({ tenantId, instanceId }, otherCitizen)).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.send(instanceId, officer, { type: 'reply', text: 'as the citizen' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(t.send(instanceId, officer, { type: 'sla.breach', target: 'stage1-answer', dueAt: new Date().toISOString() })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(t.desk.create({ tenantId, workflow: 'complaint', actor: officer, input: messageInput() })).rejects.toBeInstanceOf(NotAllowedError);
    const invalid = await t.desk.create({ tenantId, workflow: 'complaint', actor: citizen, input: { kind: 'rant', subject: '', body: 'x' } }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).fields.sort()).toEqual(['kind', 'subject']);
    await expect(t.send(instanceId, officer, { type: 'assign' })).rejects.toSatisfy((e) => e instanceof ValidationError && e.fields.includes('officerId'));
    expect((await t.oracle.counts())).toEqual(counts);
  });

  it('a sender cannot forge the codes, the filing instant or the complainant', async () => {
    const t = await complaintDesk();
    const filed = await t.desk.create({
      tenantId,
      workflow: 'complaint',
      actor: citizen,
      input: { ...messageInput(), trackingCode: '111111111111', complaintCode: '11111111', filedAt: '2020-01-01T00:00:00.000Z', complainantId: 'someone-else' },
    });
    const context = await t.contextOf(filed.instanceId);
    expect(context.trackingCode).not.toBe('111111111111');
    expect(context.complaintCode).not.toBe('11111111');
    expect(context).toMatchObject({ filedAt: '2025-04-05T05:00:00.000Z', complainantId: 'citizen-1' });
  });
});

describe('attachments', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');

  it('accepts references to stored files and refuses wrong types, sizes and mismatches, naming the field', async () => {
    const files = new MemoryFileStore();
    const t = await complaintDesk({ attachments: { store: files, maxCount: 2 } });
    const stored = await files.put(tenantId, 'complaints/c1/scan.pdf', pdf, { contentType: 'application/pdf' });
    const ref = { key: stored.key, sha256: stored.sha256, size: stored.size, contentType: stored.contentType };
    const ok = await t.desk.create({ tenantId, workflow: 'complaint', actor: citizen, input: messageInput('complaint', { attachments: [ref] }) });
    expect((await t.contextOf(ok.instanceId)).attachments).toEqual([ref]);

    const counts = (await t.oracle.counts());
    const reject = async (attachments: unknown[]) =>
      (await t.desk.create({ tenantId, workflow: 'complaint', actor: citizen, input: messageInput('complaint', { attachments }) }).catch((e: unknown) => e)) as ValidationError;
    expect((await reject([{ ...ref, contentType: 'application/x-msdownload' }])).fields).toEqual(['attachments.0.contentType']);
    expect((await reject([{ ...ref, size: 50 * 1024 * 1024 }])).fields).toEqual(['attachments.0.size']);
    expect((await reject([{ ...ref, key: '../etc/passwd' }])).fields).toEqual(['attachments.0.key']);
    expect((await reject([ref, ref, ref])).fields).toEqual(['attachments']);
    expect((await reject([{ ...ref, sha256: 'a'.repeat(64) }])).fields).toEqual(['attachments.0']);
    expect((await reject([{ ...ref, key: 'complaints/c1/missing.pdf' }])).fields).toEqual(['attachments.0.key']);
    expect((await t.oracle.counts())).toEqual(counts);
  });
});
