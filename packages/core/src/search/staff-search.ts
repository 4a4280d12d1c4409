/**
 * Search for staff: one case found by its order number, a tracking code (a complaint's, or a
 * parcel's), a bank receipt's tracking number, or the applicant's national ID. Values are
 * looked up exactly (Persian digits, spaces and dashes normalised), through the instances'
 * lookup keys and the profile store's keyed hash of the national ID, never a scan or a plain
 * column. Results are what the searching staff member may read; citizens never search.
 */
import type { Actor } from '../engine/actor';
import type { Desk, InstanceView } from '../engine/desk';
import { NotAllowedError, ValidationError } from '../errors';
import { toLatinDigits } from '../locale/digits';
import type { InstanceRef } from '../ports/storage';
import type { ProfileStore } from '../ports/profiles';
import { COMPLAINT_KEYS } from '../workflows/complaint/lookup-key';
import { RECEIPT_KEYS } from '../workflows/information-order/receipt-review';
import { SHOP_POSTAL_TRACKING_KEY } from '../workflows/shop-order/shop-order.workflow';

/** What staff search by. */
export const SEARCH_FIELDS = ['order', 'tracking', 'receipt', 'nationalId'] as const;
/** A field staff search by. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Options of {@link createStaffSearch}. */
export interface StaffSearchOptions {
  /** The desk whose cases are searched (and whose read rules apply). */
  desk: Desk;
  /** The applicants' profiles, to find cases by national ID; without it that search is refused. */
  profiles?: ProfileStore;
  /** At most this many results (default 20). */
  limit?: number;
}

/** Staff search over one desk. */
export interface StaffSearch {
  /** Cases matching `value` in `field`, readable by `actor`; staff roles only. */
  search(tenantId: string, field: SearchField, value: string, actor: Actor): Promise<InstanceView[]>;
}

const MAX_VALUE = 100;

/** Staff search over `desk` (see the module comment above). */
export function createStaffSearch(options: StaffSearchOptions): StaffSearch {
  const { desk, profiles } = options;
  const limit = options.limit ?? 20;
  const staffRoles = () => new Set(desk.registry.names().flatMap((name) => desk.registry.latest(name)?.readRoles ?? []));

  const refsFor = async (tenantId: string, field: SearchField, value: string): Promise<InstanceRef[]> => {
    switch (field) {
      case 'order':
        return [{ tenantId, instanceId: value }];
      case 'tracking': {
        const found = await Promise.all([COMPLAINT_KEYS.trackingCode, SHOP_POSTAL_TRACKING_KEY].map((key) => desk.findByKey(tenantId, key, value)));
        return found.flat();
      }
      case 'receipt':
        return desk.findByKey(tenantId, RECEIPT_KEYS.bankTracking, value.replace(/[\s-]/g, ''));
      case 'nationalId': {
        if (!profiles) throw new ValidationError('search', [{ path: 'by', message: 'searching by national ID needs the profile store' }]);
        const profile = await profiles.findByNationalId(tenantId, value);
        return profile ? ownedBy(tenantId, profile.id) : [];
      }
    }
  };

  // The applicant's cases: every workflow with owners, newest page of each (bounded by `limit`).
  const ownedBy = async (tenantId: string, ownerId: string): Promise<InstanceRef[]> => {
    const refs: InstanceRef[] = [];
    for (const name of desk.registry.names()) {
      const def = desk.registry.latest(name);
      if (!def?.ownerRoles.length || !def.readRoles.length) continue;
      const page = await desk.list({ tenantId, workflow: name, ownerId, limit }, { id: 'staff-search', roles: def.readRoles });
      refs.push(...page.items.map((view) => ({ tenantId, instanceId: view.id })));
    }
    return refs;
  };

  return {
    async search(tenantId, field, value, actor) {
      if (!actor.roles.some((role) => staffRoles().has(role))) throw new NotAllowedError('search cases', actor.roles);
      if (!(SEARCH_FIELDS as readonly string[]).includes(field)) throw new ValidationError('search', [{ path: 'by', message: `must be one of ${SEARCH_FIELDS.join(', ')}` }]);
      const needle = toLatinDigits(value).trim();
      if (!needle || needle.length > MAX_VALUE) throw new ValidationError('search', [{ path: 'q', message: `must be 1 to ${MAX_VALUE} characters` }]);
      const refs = await refsFor(tenantId, field, needle);
      const seen = new Set<string>();
      const views: InstanceView[] = [];
      for (const ref of refs) {
        if (views.length >= limit || seen.has(ref.instanceId)) continue;
        seen.add(ref.instanceId);
        try {
          views.push(await desk.get(ref, actor));
        } catch (error) {
          // Missing, or not for this staff member's roles: not a result.
          if (!(error instanceof Error && 'code' in error && (error.code === 'NOT_FOUND' || error.code === 'NOT_ALLOWED'))) throw error;
        }
      }
      return views;
    },
  };
}
