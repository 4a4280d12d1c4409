import { describe, expect, it } from 'vitest';
import { ORIGIN, TENANT, jsonRequest, setup } from './support';

describe('unexpected errors', () => {
  it('answer 500 with an error id and no internals, and log no personal data', async () => {
    const reported: unknown[] = [];
    const { handler, logger } = setup({
      publicTenant: TENANT,
      incidentStatus: async () => {
        throw new Error('connection to db-7.internal refused while reading national id 0012345679');
      },
      reportError: (error, info) => reported.push({ error, info }),
    });
    const response = await handler(new Request(`${ORIGIN}/public/incidents`));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { type: string; message: string; errorId: string };
    expect(body.type).toBe('INTERNAL');
    const text = JSON.stringify(body);
    for (const secret of ['db-7', '0012345679', 'connection', 'Error:', 'at ']) expect(text).not.toContain(secret);

    expect(logger.lines).toHaveLength(1);
    const line = logger.lines[0]!;
    expect(line).toMatchObject({ level: 'error', fields: { errorId: body.errorId, method: 'GET', route: '/public/incidents', errorName: 'Error' } });
    expect(JSON.stringify(line)).not.toContain('0012345679');
    // The portal's error tracker gets the raw error, under the same id.
    expect(reported).toEqual([{ error: expect.any(Error), info: { errorId: body.errorId, method: 'GET', route: '/public/incidents' } }]);
  });

  it('turns an identify that throws into a 500, not a crash', async () => {
    const { handler, logger } = setup({
      identify: () => {
        throw new TypeError('session store down');
      },
    });
    const response = await handler(jsonRequest('GET', '/instances/x'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('session store');
    expect(logger.lines[0]?.fields).toMatchObject({ errorName: 'TypeError', route: '/instances/:id' });
  });
});
