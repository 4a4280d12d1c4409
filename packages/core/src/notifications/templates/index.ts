import { STATISTICAL_CENTRE_OF_IRAN, type Office } from '../office';
import type { TemplateBook } from '../template';
import { complaintTemplates } from './complaint';
import { officeSenders } from './compose';
import { incidentTemplates } from './incident';
import { informationOrderTemplates } from './information-order';
import { shopOrderTemplates } from './shop-order';
import { staffTemplates } from './staff';

/**
 * The shipped templates, every notification in the catalogue in Persian and English, signed for
 * an office (its name opens each SMS and closes each e-mail under the unit's name).
 */
export function shippedTemplates(office: Office = STATISTICAL_CENTRE_OF_IRAN): TemplateBook {
  const senders = officeSenders(office);
  return { ...informationOrderTemplates(senders), ...shopOrderTemplates(senders), ...complaintTemplates(senders), ...incidentTemplates(senders), ...staffTemplates(office) };
}

/** The shipped templates as written for the Statistical Centre of Iran. */
export const defaultTemplates: TemplateBook = shippedTemplates();
