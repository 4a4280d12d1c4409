'use server';
/**
 * The portal's server actions: every form posts to one of these. Each reads the form, acts
 * through the desk as the signed-in person (`statdesk`), and either redirects or hands the
 * desk's typed refusal back to the form. Next.js checks that actions come from this site's own
 * pages (Origin against Host), so forms need no CSRF token of their own.
 */
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { fileMessage, lookupComplaint, ValidationError } from '@statdesk/core';
import { digits, t } from '@statdesk/example-express-portal/i18n';
import { when } from '@statdesk/example-express-portal/pages/layout';
import { DEMO_USERS } from '@statdesk/example-express-portal/demo-users';
import { eventFromForm } from '@statdesk/example-express-portal/pages/event-forms';
import { newOrderNumber } from '@statdesk/example-express-portal/pages/orders';
import { pageOf } from '@statdesk/example-express-portal/pages/instance-page';
import { paymentRedirect, placeShopOrder } from '@statdesk/example-express-portal/shop-orders';
import { REGISTERED_PREFIX } from '@statdesk/example-express-portal/users';
import { refusal, type ActionState } from './action-state';
import { getPortal } from './portal';
import { clientAddress } from './client-address';
import { currentLanguage, writeSession } from './session';
import { statdesk } from './statdesk';

/** A form field as text; undefined when absent or blank. */
function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Runs a step; statdesk's refusals come back to the form, a redirect (thrown by Next) goes on. */
async function attempt(step: () => Promise<string>): Promise<ActionState> {
  let target: string;
  try {
    target = await step();
  } catch (error) {
    return refusal(error, await currentLanguage());
  }
  redirect(target);
}

export async function signIn(_state: ActionState, form: FormData): Promise<ActionState> {
  return attempt(async () => {
    const id = field(form, 'user');
    if (!id || !DEMO_USERS.some((u) => u.id === id)) throw new ValidationError('login', [{ path: 'user', message: 'is not a demo user' }]);
    await writeSession(id);
    return DEMO_USERS.find((u) => u.id === id)?.profile ? '/orders' : '/staff';
  });
}

export async function register(_state: ActionState, form: FormData): Promise<ActionState> {
  return attempt(async () => {
    const portal = await getPortal();
    const id = `${REGISTERED_PREFIX}${randomUUID()}`;
    const input = {
      fullName: field(form, 'fullName') ?? '',
      nationalId: field(form, 'nationalId') ?? '',
      mobile: field(form, 'mobile') ?? '',
      language: await currentLanguage(),
      ...(field(form, 'email') ? { email: field(form, 'email') } : {}),
    };
    // Bad input is a ValidationError naming each field, and no profile is written.
    await portal.profileRegistry.register({ tenantId: portal.tenantId, actor: { id, roles: ['applicant'] }, input });
    await writeSession(id);
    return '/orders';
  });
}

export async function signOut(): Promise<void> {
  await writeSession(undefined);
  redirect('/');
}

export async function createOrder(_state: ActionState, form: FormData): Promise<ActionState> {
  return attempt(async () => {
    const request = {
      subject: field(form, 'subject') ?? '',
      description: field(form, 'description') ?? '',
      ...(field(form, 'geography') ? { geography: field(form, 'geography') } : {}),
      ...(field(form, 'period') ? { period: field(form, 'period') } : {}),
    };
    const created = await statdesk.create({ workflow: 'information-order', instanceId: newOrderNumber(), input: { request } });
    return `/orders/${encodeURIComponent(created.instanceId)}`;
  });
}

/** Any workflow event from its form (`instanceId`, `type` and the event's fields). */
export async function sendEvent(_state: ActionState, form: FormData): Promise<ActionState> {
  return attempt(async () => {
    const instanceId = field(form, 'instanceId') ?? '';
    const type = field(form, 'type') ?? '';
    const view = await statdesk.get(instanceId);
    const body = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const event = eventFromForm(view.workflow, type, body);
    if (!event) throw new ValidationError('event', [{ path: 'type', message: 'is not an event this page can send' }]);
    const { actor } = await statdesk.requireIdentity();
    if (view.workflow === 'complaint' && type === 'assign' && event.officerId === undefined) event.officerId = actor.id;
    const version = Number(field(form, 'version'));
    // The version of the page the person acted on: if someone else acted meanwhile, a conflict.
    await statdesk.send(instanceId, event, Number.isInteger(version) ? { expectedVersion: version } : {});
    return pageOf(view);
  });
}

export async function placeOrder(_state: ActionState, form: FormData): Promise<ActionState> {
  return attempt(async () => {
    const portal = await getPortal();
    const { actor } = await statdesk.requireIdentity();
    const orderNumber = await placeShopOrder(portal, actor, (name) => field(form, name));
    return `/shop/orders/${encodeURIComponent(orderNumber)}`;
  });
}

export async function pay(_state: ActionState, form: FormData): Promise<ActionState> {
  return attempt(async () => {
    const orderId = field(form, 'instanceId') ?? '';
    await statdesk.send(orderId, { type: 'pay' });
    // Opening the payment at the gateway happens after the commit; wait for it briefly.
    const bank = await paymentRedirect(await getPortal(), orderId, 10_000);
    return bank ?? `/shop/orders/${encodeURIComponent(orderId)}`;
  });
}

export async function fileComplaint(_state: ActionState, form: FormData): Promise<ActionState> {
  const lang = await currentLanguage();
  try {
    const portal = await getPortal();
    const { actor } = await statdesk.requireIdentity();
    const filed = await fileMessage(portal.desk, {
      tenantId: portal.tenantId,
      actor,
      input: { kind: field(form, 'kind') ?? '', subject: field(form, 'subject') ?? '', body: field(form, 'body') ?? '', language: lang },
    });
    // The codes are shown once, here, for the person to keep.
    const rows = [{ label: t(lang, 'trackingCode'), value: filed.display.trackingCode, className: 'tracking-code', ltr: true }];
    if (filed.display.complaintCode) rows.push({ label: t(lang, 'complaintCode'), value: filed.display.complaintCode, className: 'complaint-code', ltr: true });
    return { result: { note: t(lang, 'keepCodes'), rows, link: { href: `/complaints/${encodeURIComponent(filed.instanceId)}`, text: t(lang, 'open') } } };
  } catch (error) {
    return refusal(error, lang);
  }
}

/** The public lookup by both codes, rate limited per client like the JSON route. */
export async function lookUpComplaint(_state: ActionState, form: FormData): Promise<ActionState> {
  const lang = await currentLanguage();
  try {
    const portal = await getPortal();
    const complaintCode = field(form, 'complaintCode');
    const result = await lookupComplaint(
      portal.desk,
      { tenantId: portal.tenantId, trackingCode: field(form, 'trackingCode') ?? '', ...(complaintCode ? { complaintCode } : {}), clientId: clientAddress(await headers()) },
      { rateLimiter: portal.publicLimiter },
    );
    if (!result.found) return { error: { type: 'NOT_FOUND', message: t(lang, 'notFound'), issues: [] } };
    const message = result.message;
    return {
      result: {
        rows: [
          { label: t(lang, 'kind'), value: message.kindLabel[lang], className: 'kind' },
          { label: t(lang, 'trackingCode'), value: message.trackingCode, className: 'tracking-code', ltr: true },
          { label: t(lang, 'state'), value: message.statusLabel[lang], className: 'status' },
          { label: t(lang, 'filedAt'), value: when(lang, message.filedAt.at), className: 'filed-at' },
        ],
        answers: message.answers.map((a) => ({ when: `${when(lang, a.at.at)} (${digits(lang, a.stage)})`, text: a.text })),
      },
    };
  } catch (error) {
    return refusal(error, lang);
  }
}
