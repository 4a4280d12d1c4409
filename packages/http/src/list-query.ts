import { ValidationError, type InstanceStatus, type ValidationIssue } from '@statdesk/core';

export interface InstanceListParams {
  states?: string[];
  status?: InstanceStatus;
  /** An actor id, or `me` for the caller. */
  owner?: string;
  limit: number;
  cursor?: string;
}

const STATUSES: readonly InstanceStatus[] = ['active', 'done'];
const DEFAULT_LIMIT = 50;
const MAX_STATES = 20;

/**
 * Reads `?state=a,b&status=&owner=&limit=&cursor=` for a work queue. Pages are always bounded:
 * `limit` defaults to 50 and may not exceed the handler's page size. Every bad parameter is
 * reported at once, each by name.
 */
export function parseListQuery(query: URLSearchParams, maxPageSize: number): InstanceListParams {
  const issues: ValidationIssue[] = [];
  const one = (name: string): string | undefined => {
    const values = query.getAll(name);
    return values.length ? values.join(',').trim() : undefined;
  };
  const params: InstanceListParams = { limit: Math.min(DEFAULT_LIMIT, maxPageSize) };

  const state = one('state');
  if (state !== undefined) {
    const states = state.split(',').map((s) => s.trim()).filter(Boolean);
    if (!states.length || states.length > MAX_STATES || states.some((s) => s.length > 200)) {
      issues.push({ path: 'state', message: `must be 1–${MAX_STATES} comma-separated state names`, code: 'invalid_value' });
    } else params.states = states;
  }
  const status = one('status');
  if (status !== undefined) {
    if ((STATUSES as readonly string[]).includes(status)) params.status = status as InstanceStatus;
    else issues.push({ path: 'status', message: `must be one of: ${STATUSES.join(', ')}`, code: 'invalid_value' });
  }
  const owner = one('owner');
  if (owner !== undefined) {
    if (owner.length >= 1 && owner.length <= 200) params.owner = owner;
    else issues.push({ path: 'owner', message: 'must be an owner id (1–200 characters) or "me"', code: 'invalid_value' });
  }
  const limit = one('limit');
  if (limit !== undefined) {
    const n = /^\d{1,9}$/.test(limit) ? Number(limit) : NaN;
    if (n >= 1 && n <= maxPageSize) params.limit = n;
    else issues.push({ path: 'limit', message: `must be a whole number from 1 to ${maxPageSize}`, code: 'too_big' });
  }
  const cursor = one('cursor');
  if (cursor !== undefined) {
    if (cursor.length >= 1 && cursor.length <= 1000) params.cursor = cursor;
    else issues.push({ path: 'cursor', message: 'must be the nextCursor of a previous page', code: 'invalid_value' });
  }
  if (issues.length) throw new ValidationError('list query', issues);
  return params;
}
