import type { TemplateBook } from '../template';
import { complaintTemplates } from './complaint';
import { incidentTemplates } from './incident';
import { informationOrderTemplates } from './information-order';
import { shopOrderTemplates } from './shop-order';
import { staffTemplates } from './staff';

/** The shipped templates: every notification in the catalogue, in Persian and English. */
export const defaultTemplates: TemplateBook = { ...informationOrderTemplates, ...shopOrderTemplates, ...complaintTemplates, ...incidentTemplates, ...staffTemplates };
