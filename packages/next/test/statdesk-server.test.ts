import { isStatdeskError } from '@statdesk/core';
import { describe, expect, it } from 'vitest';
import { statdeskServer, UnauthenticatedError } from '../src';
import { APPLICANT, identityOf, OFFICER, reviewInput, testDesk } from './support';

/** Plays `cookies()`: whoever the test says is signed in at the moment of the call. */
function session(desk: ReturnType<typeof testDesk>['desk'] | (() => Promise<ReturnType<typeof testDesk>['desk']>)) {
  let user: string | null = null;
  const server = statdeskServer(desk, { identify: () => identityOf(user) });
  return { server, signIn: (who: string | null) => void (user = who) };
}

describe('statdeskServer: the desk for server components and server actions', () => {
  it('creates, sends, reads, lists and shows history as the signed-in caller', async () => {
    const { desk } = testDesk();
    const { server, signIn } = session(desk);
    signIn(APPLICANT);
    const created = await server.create({ workflow: 'review', input: reviewInput, instanceId: 'R-1' });
    expect(created).toMatchObject({ instanceId: 'R-1', state: 'draft' });
    await server.send('R-1', { type: 'submit' }, { expectedVersion: created.version });
    expect((await server.list({ workflow: 'review', ownerId: 'citizen-1' })).items.map((v) => v.id)).toEqual(['R-1']);

    signIn(OFFICER);
    expect((await server.get('R-1')).availableEvents).toContain('approve');
    await server.send('R-1', { type: 'approve', note: 'fine' });
    const history = await server.history('R-1');
    expect(history.map((h) => [h.eventType, h.actorId])).toEqual([
      ['statdesk.create', 'citizen-1'],
      ['submit', 'citizen-1'],
      ['approve', 'officer-1'],
    ]);
  });

  it('refuses anonymous callers, and leaves every rule to the desk', async () => {
    const { desk, storage } = testDesk();
    const { server, signIn } = session(desk);
    expect(await server.identity()).toBeNull();
    await expect(server.list({ workflow: 'review' })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(server.create({ workflow: 'review', input: reviewInput })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    signIn(APPLICANT);
    const before = await storage.oracle.counts();
    const bad = await server.create({ workflow: 'review', input: { ...reviewInput, title: 'x' } }).catch((e: unknown) => e);
    expect(isStatdeskError(bad, 'VALIDATION') && bad.issues.map((i) => i.path)).toEqual(['title']);
    expect(await storage.oracle.counts()).toEqual(before);

    await server.create({ workflow: 'review', input: reviewInput, instanceId: 'R-2' });
    signIn(OFFICER);
    // An officer may not submit an applicant's application: the desk says so, nothing is written.
    const beforeSend = await storage.oracle.counts();
    await expect(server.send('R-2', { type: 'submit' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await storage.oracle.counts()).toEqual(beforeSend);
  });

  it('takes the desk from a function, started once on first use', async () => {
    const { desk } = testDesk();
    let starts = 0;
    let started: Promise<typeof desk> | undefined;
    const { server, signIn } = session(() => (started ??= Promise.resolve().then(() => (starts++, desk))));
    signIn(APPLICANT);
    await server.create({ workflow: 'review', input: reviewInput, instanceId: 'R-3', idempotencyKey: 'form-1' });
    // The same form posted twice creates once.
    const again = await server.create({ workflow: 'review', input: reviewInput, instanceId: 'R-3', idempotencyKey: 'form-1' });
    expect(again.replayed).toBe(true);
    expect(await server.desk()).toBe(desk);
    expect(starts).toBe(1);
  });
});
