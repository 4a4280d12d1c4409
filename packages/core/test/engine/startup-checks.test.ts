/**
 * What createDesk and the worker check at start: every notification template the workflows
 * declare is one the notifier knows, and the calendars' holiday years are logged as missing at
 * the worker's start and once a year without holidays is less than 60 days away.
 */
import { MemoryStorage, memoryContacts, recordingTransports, TestClock } from '@statdesk/testing';
import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  complaintWorkflow,
  createDesk,
  createTemplateNotifier,
  createTemplateSet,
  customiseWorkflow,
  defineBusinessCalendar,
  defineWorkflow,
  DefinitionError,
  incidentWorkflow,
  informationOrderWorkflow,
  notificationCatalogue,
  notify,
  shippedTemplates,
  shopOrderWorkflow,
  type Logger,
  type TemplateSet,
} from '../../src';

const machine = setup({ types: {} as { context: { applicantId: string }; input: { applicantId: string }; events: { type: 'approve' } } }).createMachine({
  id: 'request',
  context: ({ input }) => input,
  initial: 'submitted',
  states: {
    submitted: { on: { approve: 'approved' } },
    approved: { type: 'final', entry: notify(({ context }) => ({ recipient: { profileId: context.applicantId }, channel: 'sms', template: 'request.approved', params: {} })) },
  },
});
const request = defineWorkflow({
  name: 'request',
  version: '1',
  machine,
  create: { roles: ['applicant'] },
  events: { approve: { roles: ['officer'] } },
  notifications: ['request.approved'],
});
const notifierWith = (templates: TemplateSet) => createTemplateNotifier({ contacts: memoryContacts(), templates, transports: recordingTransports().transports });
const quiet: Logger = { warn: () => {}, error: () => {} };

describe('notification templates at createDesk', () => {
  it('refuses a workflow whose notify names a template the notifier does not know, saying how to add it', () => {
    const start = () => createDesk({ storage: new MemoryStorage(), workflows: [request], notifier: notifierWith(createTemplateSet()), logger: quiet });
    expect(start).toThrow(DefinitionError);
    expect(start).toThrow(/"request\.approved" \(notified by request@1\).*createTemplateSet\(\{ catalogue: .*notificationCatalogue.*docs\/notifications\.md/);
  });

  it('starts once the template is declared and written', () => {
    const templates = createTemplateSet({
      catalogue: { ...notificationCatalogue, 'request.approved': { description: 'The request was approved.', params: {} } },
      templates: {
        ...shippedTemplates(),
        'request.approved': {
          fa: { email: { subject: 'درخواست تأیید شد', text: 'درخواست شما تأیید شد.' }, sms: { text: 'درخواست شما تأیید شد.' } },
          en: { email: { subject: 'Request approved', text: 'Your request was approved.' }, sms: { text: 'Your request was approved.' } },
        },
      },
    });
    expect(() => createDesk({ storage: new MemoryStorage(), workflows: [request], notifier: notifierWith(templates), logger: quiet })).not.toThrow();
  });

  it('passes the shipped workflows, customised ones included, against the shipped templates', () => {
    const base = informationOrderWorkflow({ tariffId: 't' });
    const workflows = [customiseWorkflow(base, { version: `${base.version}+x` }), shopOrderWorkflow(), complaintWorkflow(), incidentWorkflow({ channel: 'portal' })];
    for (const w of workflows) expect(w.notifications?.length, w.name).toBeGreaterThan(0);
    expect(() => createDesk({ storage: new MemoryStorage(), workflows, notifier: notifierWith(createTemplateSet()), logger: quiet })).not.toThrow();
  });

  it('leaves a notifier that does not know its templates unchecked', () => {
    expect(() => createDesk({ storage: new MemoryStorage(), workflows: [request], notifier: { send: async () => ({ duplicate: false }) }, logger: quiet })).not.toThrow();
  });
});

describe('calendar warnings from the worker', () => {
  const only1404 = defineBusinessCalendar({ id: 'office', version: '1', holidays: { '1404': [] } });

  async function warningsAt(start: string, later?: string) {
    const warnings: Record<string, unknown>[] = [];
    const logger: Logger = { warn: (message, fields) => warnings.push({ line: message, ...fields }), error: () => {} };
    const clock = new TestClock(start);
    const desk = createDesk({ storage: new MemoryStorage(), workflows: [request], clock, logger, calendars: [only1404] });
    expect(warnings).toEqual([]); // createDesk itself logs nothing: the worker does
    desk.start({ pollIntervalMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const atStart = [...warnings];
    if (later) {
      clock.set(new Date(later));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await desk.stop();
    return { atStart, all: warnings };
  }

  it('logs nothing while every year within 60 days has holidays', async () => {
    const { all } = await warningsAt('2025-06-01T08:00:00Z'); // 1404-03-11
    expect(all).toEqual([]);
  });

  it('logs the next year once it is less than 60 days away, once', async () => {
    // 1404-10-10 (2025-12-31): Nowruz 1405 is 80 days away; 1404-11-10 (2026-01-30): 50 days.
    const { atStart, all } = await warningsAt('2025-12-31T08:00:00Z', '2026-01-30T08:00:00Z');
    expect(atStart).toEqual([]);
    expect(all).toEqual([expect.objectContaining({ line: 'statdesk: calendar warning', kind: 'holidays-not-loaded', calendar: 'office@1', year: 1405 })]);
  });

  it('logs a current year without holidays at the start', async () => {
    const { atStart } = await warningsAt('2026-06-01T08:00:00Z'); // 1405
    expect(atStart).toEqual([expect.objectContaining({ kind: 'holidays-not-loaded', year: 1405 })]);
  });
});
