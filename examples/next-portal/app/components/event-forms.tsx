/**
 * The actions on an instance page: one form per event the desk says this reader may send now
 * (`availableEvents`), with the fields of the Express portal's form specs. Plain events post to
 * the `sendEvent` server action; events carrying a file go through the JSON API.
 */
import type { InstanceView } from '@statdesk/core';
import { eventLabel, t, type Language } from '@statdesk/example-express-portal/i18n';
import { formFor, type FieldSpec } from '@statdesk/example-express-portal/pages/event-forms';
import { sendEvent } from '../../lib/actions';
import { ActionForm } from './action-form';
import { UploadEventForm } from './upload-event-form';

export function EventForms({ lang, view, csrf }: { lang: Language; view: InstanceView; csrf: string }) {
  const forms = view.availableEvents.flatMap((type) => {
    const spec = formFor(view.workflow, type);
    if (!spec) return [];
    const fields = spec.fields.map((f) => <Field key={f.name} lang={lang} field={f} />);
    if (spec.upload) {
      const eventUrl = `/api/workflows/${encodeURIComponent(view.workflow)}/instances/${encodeURIComponent(view.id)}/events/${encodeURIComponent(type)}`;
      return [
        <UploadEventForm key={type} title={eventLabel(lang, view.workflow, type)} fileLabel={t(lang, 'file')} eventUrl={eventUrl} policy={spec.upload.policy} fileField={spec.upload.field} csrf={csrf}>
          {fields}
        </UploadEventForm>,
      ];
    }
    return [
      <ActionForm key={type} action={sendEvent} label={eventLabel(lang, view.workflow, type)}>
        <h3>{eventLabel(lang, view.workflow, type)}</h3>
        <input type="hidden" name="instanceId" value={view.id} />
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="version" value={view.version} />
        {fields}
        <button>{eventLabel(lang, view.workflow, type)}</button>
      </ActionForm>,
    ];
  });
  return (
    <section className="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t(lang, 'actions')}</h2>
      {forms.length ? forms : <p>{t(lang, 'noItems')}</p>}
    </section>
  );
}

function Field({ lang, field }: { lang: Language; field: FieldSpec }) {
  const caption = field.label[lang];
  switch (field.kind) {
    case 'textarea':
      return (
        <label>
          {caption}
          <textarea name={field.name} rows={3} />
        </label>
      );
    case 'checkbox':
      return (
        <label className="check">
          <input type="checkbox" name={field.name} /> {caption}
        </label>
      );
    case 'select':
      return (
        <label>
          {caption}
          <select name={field.name}>
            {(field.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      );
    case 'number':
      return (
        <label>
          {caption}
          <input name={field.name} inputMode="numeric" />
        </label>
      );
    case 'date':
      return (
        <label>
          {caption}
          {/* A Solar Hijri date typed as people write it (the SDK accepts it in any digits). */}
          <input name={field.name} inputMode="numeric" dir="ltr" placeholder={lang === 'fa' ? '۱۴۰۴/۰۲/۱۳' : '1404/02/13'} />
        </label>
      );
    default:
      return (
        <label>
          {caption}
          <input name={field.name} />
        </label>
      );
  }
}
