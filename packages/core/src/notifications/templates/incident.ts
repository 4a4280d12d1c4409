/** Staff notifications of the service-incident workflows. */
import type { TemplateBook } from '../template';
import { compose, type Sender } from './compose';

const incidentDesk: Sender = { fa: 'سامانه پیگیری رخدادهای خدمت\nمرکز آمار ایران', en: 'Service Incident Tracking\nStatistical Centre of Iran' };

export const incidentTemplates: TemplateBook = {
  'incident.restoration-breached': compose(
    'incident.restoration-breached',
    incidentDesk,
    { token: '{{channel}}', token2: '{{dueAt}}' },
    {
      fa: {
        subject: 'مهلت بازیابی رخداد {{channel}} گذشت',
        body: 'رخداد «{{title}}» در کانال {{channel}} تا {{dueAt}}، موعد تعهدشده بازیابی، برطرف نشده است. لطفاً پیگیری کنید.',
        sms: 'مهلت بازیابی رخداد {{channel}} ({{title}}) در {{dueAt}} گذشت.',
      },
      en: {
        subject: 'Restoration target missed: {{channel}} incident',
        body: 'The incident "{{title}}" on channel {{channel}} was not restored by {{dueAt}}, its committed restoration target. Please follow it up.',
        sms: 'the {{channel}} incident "{{title}}" passed its restoration target at {{dueAt}}.',
      },
    },
  ),
};
