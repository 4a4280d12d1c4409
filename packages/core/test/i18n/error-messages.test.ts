/**
 * Errors for people: each refused command carries a stable reason, its field and parameters,
 * and the SDK words it in Persian and English, naming fields, states and actions by their
 * labels. Every field any shipped schema validates has a label.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MemoryProfileStore, MemoryFileStore, TestClock } from '@statdesk/testing';
import {
  complaintWorkflow,
  createApplicantProfiles,
  describeError,
  describeIssue,
  fieldLabel,
  incidentWorkflow,
  informationOrderWorkflow,
  isStatdeskError,
  issueFromZod,
  iranGovernmentCalendar,
  profileInputSchema,
  shopOrderWorkflow,
  type ErrorDescription,
} from '../../src';
import { createWorld, maryam, orderAt, preparer, send, steps, tenantId } from '../workflows/information-order/harness';

async function refusal(attempt: () => Promise<unknown>): Promise<{ error: unknown; said: ErrorDescription }> {
  try {
    await attempt();
  } catch (error) {
    return { error, said: describeError(error) };
  }
  throw new Error('expected the command to be refused');
}

/** Every property path a JSON schema describes, list items included (without positions). */
function pathsOf(schema: unknown, prefix = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[] };
  const out: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path, ...pathsOf(child, path));
  }
  if (node.items) out.push(...pathsOf(node.items, prefix));
  for (const list of [node.anyOf, node.oneOf, node.allOf]) for (const child of list ?? []) out.push(...pathsOf(child, prefix));
  return out;
}

describe('field labels', () => {
  const definitions = [
    informationOrderWorkflow({ calendar: iranGovernmentCalendar }),
    shopOrderWorkflow(),
    complaintWorkflow({ calendar: iranGovernmentCalendar }),
    incidentWorkflow({ channel: 'portal' }),
  ] as unknown as { name: string; create: { schema?: z.ZodType }; events: Record<string, { schema?: z.ZodType }> }[];

  it('names every field of every shipped schema in both languages', () => {
    const schemas: [string, z.ZodType][] = [['profile', profileInputSchema]];
    for (const def of definitions) {
      if (def.create.schema) schemas.push([`${def.name} create`, def.create.schema]);
      for (const [type, spec] of Object.entries(def.events)) if (spec.schema) schemas.push([`${def.name} ${type}`, spec.schema]);
    }
    const unlabelled: string[] = [];
    let fields = 0;
    for (const [what, schema] of schemas) {
      for (const path of pathsOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }))) {
        fields++;
        const label = fieldLabel(path);
        if (!label?.fa || !label.en) unlabelled.push(`${what}: ${path}`);
      }
    }
    expect(fields).toBeGreaterThan(60);
    expect(unlabelled).toEqual([]);
  });

  it('words each zod issue with the field as people call it, in both languages', () => {
    const schema = z.object({
      customer: z.object({ fullName: z.string().min(1), mobile: z.string().regex(/^09\d{9}$/) }),
      quantity: z.number().max(1000),
      kind: z.enum(['a', 'b']),
    });
    const result = schema.safeParse({ customer: { fullName: '', mobile: 'x' }, quantity: 5000, kind: 'c' });
    const said = result.error!.issues.map((issue) => describeIssue(issueFromZod(issue)));
    expect(said).toEqual([
      { fa: 'نام و نام خانوادگی را خالی نگذارید.', en: 'Full name must not be empty.' },
      { fa: 'شمارهٔ همراه درست نیست؛ یازده رقم که با ۰۹ شروع شود وارد کنید.', en: 'The mobile number is not valid: 11 digits starting with 09.' },
      { fa: 'تعداد حداکثر ۱۰۰۰ باشد.', en: 'Quantity must be at most 1000.' },
      { fa: 'یکی از گزینه‌های نوع پیام را انتخاب کنید.', en: 'Choose one of the options for kind of message.' },
    ]);
    for (const text of said) {
      expect(text.fa).not.toMatch(/[A-Za-z]/);
      expect(text.en).not.toMatch(/[\u0600-\u06ff]/);
    }
  });
});

describe('distinct errors for people', () => {
  it('an order field left empty: the issue names the field by its label and keeps the path', async () => {
    const w = await createWorld();
    const { error, said } = await refusal(() => w.t.desk.create({ tenantId, workflow: 'information-order', actor: maryam, input: { request: { subject: '  ', description: 'x' } } }));
    expect(isStatdeskError(error, 'VALIDATION') && error.reason).toBe('validation');
    expect(said.issues).toEqual([{ path: 'request.subject', code: 'too_small', message: { fa: 'موضوع را خالی نگذارید.', en: 'Subject must not be empty.' } }]);
  });

  it('"this state does not accept that action" names the state and the action by their labels', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'draft');
    const { error, said } = await refusal(() => send(w, id, maryam, { type: 'acceptQuote' }));
    expect(isStatdeskError(error, 'INVALID_TRANSITION') && error.params).toEqual({ event: 'acceptQuote', state: 'draft', workflow: 'information-order' });
    expect(said.reason).toBe('state-refuses-event');
    expect(said.message).toEqual({ fa: 'در وضعیت «پیش‌نویس» امکان «پذیرش هزینه» نیست.', en: '“Accept the quote” is not possible while the case is “Draft”.' });
  });

  it('"deliver" before a file is attached: a file must be attached first', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'paymentVerified');
    await steps.startPreparation(w, id);
    const { said } = await refusal(() => send(w, id, preparer, { type: 'deliver' }));
    expect(said.reason).toBe('file-required');
    expect(said.message.fa).toContain('ابتدا باید پرونده‌ای پیوست شود');
    expect(said.issues.map((i) => i.path)).toEqual(['file']);
  });

  it('a national ID registered twice is "already registered"; a stale version is a concurrent change', async () => {
    const clock = new TestClock('2025-05-03T05:30:00Z');
    const store = new MemoryProfileStore();
    const registry = createApplicantProfiles({ store, files: new MemoryFileStore({ clock }), clock });
    await registry.register({ tenantId, actor: { id: 'sara', roles: ['applicant'] }, input: { nationalId: '0012345679', fullName: 'Sara', mobile: '09121234567' } });
    const again = await refusal(() =>
      registry.register({ tenantId, actor: { id: 'sara-2', roles: ['applicant'] }, input: { nationalId: '۰۰۱۲۳۴۵۶۷۹', fullName: 'Sara', mobile: '09121234567' } }),
    );
    expect(again.said.reason).toBe('already-registered');
    expect(again.said.issues.map((i) => i.path)).toEqual(['nationalId']);
    expect(again.said.message.en).toBe('This national ID is already registered.');

    const stale = await refusal(() => registry.update({ tenantId, actor: { id: 'sara', roles: ['applicant'] }, profileId: 'sara', expectedVersion: 7, change: { fullName: 'Sara A.' } }));
    expect(stale.said.reason).toBe('concurrent-change');
    expect(stale.said.message.fa).toContain('هم‌زمان');
  });
});
