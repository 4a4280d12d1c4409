/**
 * What people read for a service incident's states, events and roles, in Persian and English,
 * and what the public reads in each state.
 */
import type { WorkflowLabels } from '../../i18n/workflow-labels';

/** Every state of the incident machine. */
export type IncidentStatePath = 'reported' | 'investigating' | 'restored' | 'closed' | 'dismissed';

/** Every event of the incident workflow. */
export type IncidentEventType = 'acknowledge' | 'update' | 'note' | 'restore' | 'reopen' | 'close' | 'dismiss' | 'sla.breach';

/** The default role names of the incident workflow (see `DEFAULT_INCIDENT_ROLES`). */
export type IncidentRoleName = 'operator' | 'supervisor' | 'system';

/** The incident workflow's labels in Persian and English. */
export const incidentLabels: WorkflowLabels<IncidentStatePath, IncidentEventType, IncidentRoleName> = {
  workflow: { fa: 'اختلال خدمات', en: 'Service incident' },
  states: {
    reported: { fa: 'گزارش‌شده', en: 'Reported' },
    investigating: { fa: 'در حال بررسی', en: 'Investigating' },
    restored: { fa: 'برطرف‌شده', en: 'Restored' },
    closed: { fa: 'بسته‌شده', en: 'Closed' },
    dismissed: { fa: 'رد شد', en: 'Dismissed' },
  },
  events: {
    acknowledge: { fa: 'آغاز بررسی', en: 'Start investigating' },
    update: { fa: 'به‌روزرسانی پیام عمومی', en: 'Update the public message' },
    note: { fa: 'یادداشت داخلی', en: 'Internal note' },
    restore: { fa: 'اعلام رفع اختلال', en: 'Mark restored' },
    reopen: { fa: 'بازگشایی', en: 'Reopen' },
    close: { fa: 'بستن', en: 'Close' },
    dismiss: { fa: 'رد گزارش', en: 'Dismiss' },
    'sla.breach': { fa: 'گذشتن از مهلت رفع', en: 'Restoration deadline missed' },
  },
  roles: {
    operator: { fa: 'کارشناس پشتیبانی', en: 'Operator' },
    supervisor: { fa: 'سرپرست', en: 'Supervisor' },
    system: { fa: 'سامانه', en: 'The system' },
  },
  citizenStatus: {
    reported: {
      phrase: { fa: 'اختلال گزارش شده است.', en: 'A disruption has been reported.' },
      next: { fa: 'کارشناسان بررسی را آغاز می‌کنند.', en: 'Operators start investigating.' },
      actor: 'operator',
    },
    investigating: {
      phrase: { fa: 'کارشناسان در حال رفع اختلال هستند.', en: 'Operators are working on the disruption.' },
      actor: 'operator',
    },
    restored: { phrase: { fa: 'اختلال برطرف شد.', en: 'The service is restored.' } },
    closed: { phrase: { fa: 'اختلال برطرف و پرونده بسته شد.', en: 'The service is restored and the incident closed.' } },
    dismissed: { phrase: { fa: 'اختلالی تأیید نشد.', en: 'No disruption was confirmed.' } },
  },
};
