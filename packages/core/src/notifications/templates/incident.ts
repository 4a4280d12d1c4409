/** Staff notifications of the service-incident workflows. */
import type { TemplateBook } from '../template';
import { compose, type OfficeSenders } from './compose';

export const incidentTemplates = (senders: OfficeSenders): TemplateBook => ({
  'incident.restoration-breached': compose(
    'incident.restoration-breached',
    senders.incidents,
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
});
