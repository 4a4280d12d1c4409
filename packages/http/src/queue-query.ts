import { ValidationError, WORK_ITEM_SLA_CONDITIONS, type ValidationIssue, type WorkItemSlaCondition, type WorkQueueQuery } from '@statdesk/core';

const DEFAULT_LIMIT = 50;
const MAX_VALUES = 20;

/**
 * Reads a work-queue query string: `?workflow=a,b&state=&stateGroup=&assignee=me|none|<id>&role=
 * &sla=breached,warning&escalated=true|false&createdFrom=&createdTo=&updatedFrom=&updatedTo=
 * &limit=&cursor=`. Instants are ISO 8601 with a zone. Every bad parameter is reported at once,
 * each by name. `assignee=me` is the caller.
 */
export function parseQueueQuery(query: URLSearchParams, maxPageSize: number, tenantId: string, me: string): WorkQueueQuery {
  const issues: ValidationIssue[] = [];
  const one = (name: string): string | undefined => {
    const values = query.getAll(name);
    return values.length ? values.join(',').trim() : undefined;
  };
  const list = (name: string, check: (value: string) => boolean, message: string): string[] | undefined => {
    const raw = one(name);
    if (raw === undefined) return undefined;
    const values = raw.split(',').map((s) => s.trim()).filter(Boolean);
    if (values.length && values.length <= MAX_VALUES && values.every(check)) return values;
    issues.push({ path: name, message, code: 'invalid_value' });
    return undefined;
  };
  const name = (value: string) => value.length <= 200;
  const out: WorkQueueQuery = { tenantId, limit: Math.min(DEFAULT_LIMIT, maxPageSize) };

  const workflows = list('workflow', name, `must be 1–${MAX_VALUES} comma-separated workflow names`);
  if (workflows) out.workflows = workflows;
  const states = list('state', name, `must be 1–${MAX_VALUES} comma-separated state names`);
  if (states) out.states = states;
  const roles = list('role', name, `must be 1–${MAX_VALUES} comma-separated roles you hold`);
  if (roles) out.roles = roles;
  const sla = list('sla', (v) => (WORK_ITEM_SLA_CONDITIONS as readonly string[]).includes(v), `must be comma-separated conditions among: ${WORK_ITEM_SLA_CONDITIONS.join(', ')}`);
  if (sla) out.slaConditions = sla as WorkItemSlaCondition[];
  const group = one('stateGroup');
  if (group !== undefined) {
    if (group.length >= 1 && group.length <= 200) out.stateGroup = group;
    else issues.push({ path: 'stateGroup', message: 'must be a state name (1–200 characters)', code: 'invalid_value' });
  }
  const assignee = one('assignee');
  if (assignee !== undefined) {
    if (assignee === 'me') out.assignee = me;
    else if (assignee === 'none') out.assignee = null;
    else if (assignee.length >= 1 && assignee.length <= 100) out.assignee = assignee;
    else issues.push({ path: 'assignee', message: 'must be "me", "none" or a staff id', code: 'invalid_value' });
  }
  const escalated = one('escalated');
  if (escalated !== undefined) {
    if (escalated === 'true' || escalated === 'false') out.escalated = escalated === 'true';
    else issues.push({ path: 'escalated', message: 'must be true or false', code: 'invalid_value' });
  }
  for (const field of ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const) {
    const raw = one(field);
    if (raw === undefined) continue;
    const at = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(raw) ? new Date(raw) : new Date(NaN);
    if (Number.isNaN(at.getTime())) issues.push({ path: field, message: 'must be an ISO 8601 instant with a zone, e.g. 2025-05-03T05:30:00Z', code: 'invalid_date' });
    else out[field] = at;
  }
  const limit = one('limit');
  if (limit !== undefined) {
    const n = /^\d{1,9}$/.test(limit) ? Number(limit) : NaN;
    if (n >= 1 && n <= maxPageSize) out.limit = n;
    else issues.push({ path: 'limit', message: `must be a whole number from 1 to ${maxPageSize}`, code: 'too_big' });
  }
  const cursor = one('cursor');
  if (cursor !== undefined) {
    if (cursor.length >= 1 && cursor.length <= 1000) out.cursor = cursor;
    else issues.push({ path: 'cursor', message: 'must be the nextCursor of a previous page', code: 'invalid_value' });
  }
  if (issues.length) throw new ValidationError('queue query', issues);
  return out;
}
