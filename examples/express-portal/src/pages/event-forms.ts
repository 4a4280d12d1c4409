/**
 * One form per workflow event a person sends from a page. The page shows only the events the
 * desk says this reader may send now (`availableEvents`); the desk still checks everything.
 * Field names with dots build nested objects (`request.subject`, `items.tables.0.count`).
 * Events carrying a file (`upload`) are sent by /assets/portal.js through the JSON API: the file
 * goes to `/api/files`, then the event with the stored file's reference.
 */
import { GEOGRAPHIC_LEVELS, toLatinDigits } from '@statdesk/core';
import { html, type SafeHtml } from '../html';
import { eventLabel, type Language } from '../i18n';
import { csrfField, type PageState } from './layout';

export type FieldKind = 'text' | 'textarea' | 'number' | 'checkbox' | 'date' | 'select';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  label: { fa: string; en: string };
  options?: readonly string[];
}

export interface FormSpec {
  fields: readonly FieldSpec[];
  /** The event carries this file field, uploaded under this policy. */
  upload?: { field: string; policy: string };
}

const f = (name: string, kind: FieldKind, fa: string, en: string, options?: readonly string[]): FieldSpec => ({ name, kind, label: { fa, en }, ...(options ? { options } : {}) });
const reason = f('reason', 'textarea', 'دلیل', 'Reason');
const text = f('text', 'textarea', 'متن', 'Text');
const publicMessage = f('publicMessage', 'textarea', 'پیام عمومی', 'Public message');

const FORMS: Record<string, FormSpec> = {
  // information order
  'information-order:submit': { fields: [] },
  'information-order:updateRequest': { fields: [f('request.subject', 'text', 'موضوع', 'Subject'), f('request.description', 'textarea', 'شرح', 'Description')] },
  'information-order:sendMessage': { fields: [text] },
  'information-order:askQuestion': { fields: [text] },
  'information-order:accept': { fields: [f('note', 'text', 'یادداشت', 'Note')] },
  'information-order:reject': { fields: [reason] },
  'information-order:redirect': { fields: [f('productId', 'text', 'شناسه محصول', 'Product id'), f('productUrl', 'text', 'نشانی محصول', 'Product URL')] },
  'information-order:issueQuote': {
    fields: [
      f('items.records', 'number', 'تعداد رکورد', 'Records'),
      f('items.tables.0.level', 'select', 'سطح جغرافیایی جدول', 'Table level', GEOGRAPHIC_LEVELS),
      f('items.tables.0.count', 'number', 'تعداد جدول', 'Tables'),
    ],
  },
  'information-order:acceptQuote': { fields: [] },
  'information-order:cancel': { fields: [reason] },
  'information-order:submitReceipt': {
    upload: { field: 'scan', policy: 'receipt' },
    fields: [
      f('bankTracking', 'text', 'شماره پیگیری بانک', 'Bank tracking number'),
      f('amount', 'text', 'مبلغ (ریال)', 'Amount (Rial)'),
      f('paidOn', 'date', 'تاریخ پرداخت', 'Paid on'),
      f('cardLastFour', 'text', 'چهار رقم آخر کارت', 'Card last four digits'),
    ],
  },
  'information-order:verifyPayment': { fields: [f('note', 'text', 'یادداشت', 'Note'), f('acknowledgeDuplicates', 'checkbox', 'فیش تکراری بررسی شد', 'Duplicates checked')] },
  'information-order:rejectReceipt': { fields: [reason] },
  'information-order:startPreparation': { fields: [] },
  'information-order:attachFile': { upload: { field: 'file', policy: 'default' }, fields: [f('title', 'text', 'عنوان', 'Title')] },
  'information-order:deliver': { fields: [] },
  'information-order:reissueLink': { fields: [] },
  'information-order:revokeLink': { fields: [reason] },
  'information-order:close': { fields: [] },
  // questions, criticism, suggestions and complaints
  'complaint:acknowledge': { fields: [] },
  'complaint:assign': { fields: [f('officerId', 'text', 'شناسه کارشناس', 'Officer id'), f('officerName', 'text', 'نام کارشناس', 'Officer name')] },
  'complaint:requestInfo': { fields: [f('question', 'textarea', 'پرسش', 'Question')] },
  'complaint:reply': { fields: [text] },
  'complaint:answer': { fields: [text] },
  'complaint:note': { fields: [text] },
  'complaint:accept': { fields: [] },
  'complaint:escalate': { fields: [reason] },
  'complaint:reopen': { fields: [reason] },
  'complaint:withdraw': { fields: [reason] },
  'complaint:rate': { fields: [f('score', 'number', 'امتیاز (۱ تا ۵)', 'Score (1–5)'), f('comment', 'textarea', 'نظر', 'Comment')] },
  // incidents
  'incident:acknowledge': { fields: [publicMessage] },
  'incident:update': { fields: [publicMessage] },
  'incident:note': { fields: [text] },
  'incident:restore': { fields: [publicMessage, f('cause', 'textarea', 'علت', 'Cause')] },
  'incident:reopen': { fields: [reason, publicMessage] },
  'incident:close': { fields: [] },
  'incident:dismiss': { fields: [reason] },
  // shop
  'shop-order:cancel': { fields: [reason] },
  'shop-order:ship': { fields: [f('trackingCode', 'text', 'کد رهگیری پست', 'Post tracking code')] },
  'shop-order:reship': { fields: [f('trackingCode', 'text', 'کد رهگیری پست', 'Post tracking code')] },
  'shop-order:markDelivered': { fields: [] },
  'shop-order:markReturned': { fields: [reason] },
  'shop-order:closeShipment': { fields: [reason] },
  'shop-order:refund': { fields: [f('amountRial', 'text', 'مبلغ (ریال)', 'Amount (Rial)'), f('reference', 'text', 'مرجع بانکی', 'Bank reference'), reason] },
};

function formKey(workflow: string, type: string): string {
  return `${workflow.startsWith('incident-') ? 'incident' : workflow}:${type}`;
}

export function formFor(workflow: string, type: string): FormSpec | undefined {
  return FORMS[formKey(workflow, type)];
}

/** The event a posted form stands for; empty fields are left out so the schema names them. */
export function eventFromForm(workflow: string, type: string, body: Record<string, unknown>): ({ type: string } & Record<string, unknown>) | undefined {
  const spec = formFor(workflow, type);
  if (!spec || spec.upload) return undefined;
  const event: { type: string } & Record<string, unknown> = { type };
  for (const field of spec.fields) {
    const raw = body[field.name];
    if (field.kind === 'checkbox') {
      if (raw === 'on') setPath(event, field.name, true);
      continue;
    }
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    if (field.kind === 'number') {
      const latin = toLatinDigits(raw.trim());
      setPath(event, field.name, /^-?\d+$/.test(latin) ? Number(latin) : latin);
    } else {
      setPath(event, field.name, raw);
    }
  }
  return event;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let at: Record<string, unknown> = target;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      at[part] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
    at[part] ??= nextIsIndex ? [] : {};
    at = at[part] as Record<string, unknown>;
  });
}

/** The forms for the events this reader may send now, one per event. */
export function eventForms(page: PageState, view: { id: string; workflow: string; availableEvents: readonly string[] }): SafeHtml {
  const forms = view.availableEvents.flatMap((type) => {
    const spec = formFor(view.workflow, type);
    return spec ? [renderForm(page, view, type, spec)] : [];
  });
  return html`<section class="actions">${forms}</section>`;
}

function renderForm(page: PageState, view: { id: string; workflow: string }, type: string, spec: FormSpec): SafeHtml {
  const { lang } = page;
  const inputs = spec.fields.map((field) => renderField(lang, field));
  if (spec.upload) {
    const action = `/api/workflows/${encodeURIComponent(view.workflow)}/instances/${encodeURIComponent(view.id)}/events/${encodeURIComponent(type)}`;
    return html`<form class="event" data-upload-policy="${spec.upload.policy}" data-file-field="${spec.upload.field}" data-event-url="${action}" enctype="multipart/form-data">
      <h3>${eventLabel(lang, view.workflow, type)}</h3>
      <label>${lang === 'fa' ? 'فایل' : 'File'} <input type="file" name="file" required></label>
      ${inputs}
      <p class="form-error" hidden></p>
      <button>${eventLabel(lang, view.workflow, type)}</button>
    </form>`;
  }
  return html`<form class="event" method="post" action="/instances/${view.id}/act">
    <h3>${eventLabel(lang, view.workflow, type)}</h3>
    ${csrfField(page)}<input type="hidden" name="type" value="${type}">
    ${inputs}
    <button>${eventLabel(lang, view.workflow, type)}</button>
  </form>`;
}

function renderField(lang: Language, field: FieldSpec): SafeHtml {
  const caption = field.label[lang];
  switch (field.kind) {
    case 'textarea':
      return html`<label>${caption}<textarea name="${field.name}" rows="3"></textarea></label>`;
    case 'checkbox':
      return html`<label><input type="checkbox" name="${field.name}"> ${caption}</label>`;
    case 'select':
      return html`<label>${caption}<select name="${field.name}">${(field.options ?? []).map((o) => html`<option value="${o}">${o}</option>`)}</select></label>`;
    case 'number':
      return html`<label>${caption}<input name="${field.name}" inputmode="numeric"></label>`;
    case 'date':
      // A Solar Hijri date typed as people write it (the SDK accepts it in any digits).
      return html`<label>${caption}<input name="${field.name}" inputmode="numeric" dir="ltr" placeholder="${lang === 'fa' ? '۱۴۰۴/۰۲/۱۳' : '1404/02/13'}"></label>`;
    default:
      return html`<label>${caption}<input name="${field.name}"></label>`;
  }
}
