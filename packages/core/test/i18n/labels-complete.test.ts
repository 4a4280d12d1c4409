/**
 * Every shipped workflow has a Persian and an English label for every state node (compound and
 * parallel ones included), event and role, and a citizen status for every state. The state
 * nodes come from walking each machine with `xstate/graph`, so a state added to a machine
 * without its labels fails here.
 */
import { getStateNodes } from 'xstate/graph';
import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  complaintWorkflow,
  createLabelCatalogue,
  DELIVERY_METHOD_LABELS,
  ENGINE_HISTORY_LABELS,
  GEOGRAPHIC_LEVELS,
  incidentWorkflow,
  informationOrderWorkflow,
  iranGovernmentCalendar,
  paymentWorkflow,
  RECEIPT_STATUS_LABELS,
  shopOrderWorkflow,
  SLA_PHASE_LABELS,
  SLA_URGENCY_LABELS,
  TARIFF_LEVEL_LABELS,
  type LocalizedText,
} from '../../src';

interface AnyDefinition {
  name: string;
  machine: AnyStateMachine;
  events: Record<string, { roles?: readonly string[] }>;
  create: { roles?: readonly string[] };
  ownerRoles?: readonly string[];
  readRoles?: readonly string[];
}

const definitions = [
  informationOrderWorkflow({ calendar: iranGovernmentCalendar }),
  shopOrderWorkflow(),
  complaintWorkflow({ calendar: iranGovernmentCalendar }),
  incidentWorkflow({ channel: 'portal' }),
  incidentWorkflow({ channel: 'mobile-app' }),
  paymentWorkflow(),
] as unknown as AnyDefinition[];

const catalogue = createLabelCatalogue();
const LATIN_WORD = /[A-Za-z]{2,}/;
const PERSIAN_LETTER = /[\u0600-\u06ff]/;

function expectBilingual(text: LocalizedText | undefined, what: string): void {
  expect(text, `${what} has no label`).toBeDefined();
  expect(text!.fa.trim(), `${what} has no Persian label`).not.toBe('');
  expect(text!.en.trim(), `${what} has no English label`).not.toBe('');
  expect(text!.fa, `${what}: Persian label has Latin words`).not.toMatch(LATIN_WORD);
  expect(text!.en, `${what}: English label has Persian letters`).not.toMatch(PERSIAN_LETTER);
}

describe.each(definitions.map((d) => [d.name, d] as const))('labels of %s', (name, definition) => {
  const labels = catalogue.labelsOf(name)!;
  const statePaths = getStateNodes(definition.machine.root)
    .map((node) => node.path.join('.'))
    .filter((path) => path !== '');
  const roles = new Set<string>([...(definition.create.roles ?? []), ...(definition.ownerRoles ?? []), ...(definition.readRoles ?? [])]);
  for (const spec of Object.values(definition.events)) for (const role of spec.roles ?? []) roles.add(role);

  it('has a label set', () => {
    expect(labels).toBeDefined();
    expectBilingual(labels.workflow, `${name}`);
  });

  it('labels every state node of the machine in both languages, and no state it does not have', () => {
    expect(statePaths.length).toBeGreaterThan(1);
    for (const path of statePaths) expectBilingual(labels.states[path], `${name} state ${path}`);
    expect(Object.keys(labels.states).sort()).toEqual([...statePaths].sort());
  });

  it('gives the citizen a status phrase in every state, naming a labelled role when it says who acts', () => {
    for (const path of statePaths) {
      const status = labels.citizenStatus[path];
      expect(status, `${name} state ${path} has no citizen status`).toBeDefined();
      expectBilingual(status!.phrase, `${name} status of ${path}`);
      if (status!.next) expectBilingual(status!.next, `${name} next step of ${path}`);
      if (status!.actor) expect(labels.roles[status!.actor], `${name} status of ${path} names unknown role ${status!.actor}`).toBeDefined();
    }
    expect(Object.keys(labels.citizenStatus).sort()).toEqual([...statePaths].sort());
  });

  it('labels every event and every role', () => {
    for (const type of Object.keys(definition.events)) expectBilingual(labels.events[type], `${name} event ${type}`);
    for (const role of roles) expectBilingual(labels.roles[role], `${name} role ${role}`);
  });
});

describe('label catalogue', () => {
  it('joins the speaking regions of a parallel state and leaves quiet ones out', () => {
    const value = 'fulfilling.digital.none|fulfilling.postal.awaitingShipment';
    expect(catalogue.state('shop-order', value, 'en')).toBe('Waiting to be shipped');
    expect(catalogue.citizenStatus('shop-order', value, 'fa')).toEqual({
      phrase: 'مرسولهٔ شما در نوبت ارسال پستی است.',
      next: 'پس از ارسال، کد رهگیری پستی اینجا نمایش داده می‌شود.',
      actor: 'کارشناس فروشگاه',
    });
    const both = { fulfilling: { digital: 'issued', postal: 'shipped' } };
    expect(catalogue.state('shop-order', both, 'en')).toBe('Download links issued; Shipped');
  });

  it('labels history entries the engine writes and SLA events', () => {
    expect(catalogue.historyEntry('information-order', 'statdesk.create', 'fa')).toBe('ثبت پرونده');
    expect(catalogue.historyEntry('complaint', 'sla.breach', 'en')).toBe('Deadline missed');
    expect(catalogue.historyEntry('information-order', 'submitReceipt', 'en')).toBe('Upload the bank receipt');
    for (const [kind, text] of Object.entries(ENGINE_HISTORY_LABELS)) expectBilingual(text, `history ${kind}`);
  });

  it('applies a portal override to one language and keeps the other', () => {
    const custom = createLabelCatalogue({ overrides: { 'information-order': { states: { delivered: { en: 'Ready to download' } }, roles: { applicant: { fa: 'مشتری' } } } } });
    expect(custom.state('information-order', 'delivered', 'en')).toBe('Ready to download');
    expect(custom.state('information-order', 'delivered', 'fa')).toBe('تحویل‌شده');
    expect(custom.role('information-order', 'applicant', 'fa')).toBe('مشتری');
    expect(catalogue.state('information-order', 'delivered', 'en')).toBe('Delivered');
  });

  it('labels SLA conditions, tariff levels, delivery methods and receipt statuses in both languages', () => {
    for (const [key, text] of Object.entries(SLA_URGENCY_LABELS)) expectBilingual(text, `SLA urgency ${key}`);
    for (const [key, text] of Object.entries(SLA_PHASE_LABELS)) expectBilingual(text, `SLA phase ${key}`);
    for (const level of GEOGRAPHIC_LEVELS) expectBilingual(TARIFF_LEVEL_LABELS[level], `tariff level ${level}`);
    for (const [key, text] of Object.entries(DELIVERY_METHOD_LABELS)) expectBilingual(text, `delivery method ${key}`);
    for (const [key, text] of Object.entries(RECEIPT_STATUS_LABELS)) expectBilingual(text, `receipt status ${key}`);
  });
});
