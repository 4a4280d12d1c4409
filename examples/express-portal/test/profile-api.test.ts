/**
 * The portal serves statdesk's profile routes under /api: a citizen reads and changes their
 * profile, claims the student category with a card uploaded through /api/files, and a
 * consultant verifies it; registering again answers the same 202 as a first registration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, signedIn, startTestPortal, type TestPortal } from './support';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
}, 60_000);
afterAll(() => portal?.stop());

describe('profile API in the portal', () => {
  it('reads, changes and verifies a profile through the JSON API', async () => {
    const maryam = await signedIn(portal.url, 'citizen-maryam');
    const me = await maryam.api('/api/profiles/me');
    expect(me).toMatchObject({ status: 200, json: { id: 'citizen-maryam', category: 'individual' } });

    const again = await maryam.api('/api/profiles', { nationalId: '0012345679', fullName: 'مریم احمدی', mobile: '09121234567' });
    expect(again).toMatchObject({ status: 202, json: { status: 'accepted' } });

    expect(await maryam.api('/api/profiles/me', { change: { category: 'student' } }, 'PATCH')).toMatchObject({ status: 200, json: { category: 'student' } });
    const card = await maryam.upload('receipt', PDF('student card'), 'application/pdf', 'card.pdf');
    expect(card.status).toBe(201);
    expect(await maryam.api('/api/profiles/me/student-card', { file: { key: card.json.key } })).toMatchObject({ status: 200, json: { verification: { status: 'pending' } } });

    const consultant = await signedIn(portal.url, 'consultant-ali');
    expect(await consultant.api('/api/profiles/citizen-maryam/category/verify', {})).toMatchObject({ status: 200, json: { verification: { status: 'verified' } } });
  }, 60_000);
});
