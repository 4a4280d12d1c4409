import type { OfficeReports, ReportLabels, StaffSearch } from '@statdesk/core';

/** The roles that may read reports unless `roles` says otherwise. */
export const DEFAULT_REPORT_ROLES: readonly string[] = Object.freeze(['supervisor', 'finance-officer']);

/** `GET /reports/:kind`: the office's reports as JSON, CSV or XLSX. */
export interface ReportRouteOptions {
  /** The reports (`createOfficeReports({ storage })` from `@statdesk/core`). */
  source: OfficeReports;
  /** Roles that may read them (default: `supervisor`, `finance-officer`); anyone else gets 403. */
  roles?: readonly string[];
  /** Names of states, kinds and targets the SDK does not label itself. */
  labels?: ReportLabels;
}

/** `GET /search?by=&q=`: staff find cases by order number, tracking code, receipt or national ID. */
export interface SearchRouteOptions {
  /** The search (`createStaffSearch({ desk, profiles })` from `@statdesk/core`); it refuses citizens. */
  source: StaffSearch;
}
