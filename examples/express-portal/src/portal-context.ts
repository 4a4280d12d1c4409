/** What the portal's pages share: the desk, its services, and how to reach the demo bank. */
import type { ApplicantProfiles, Catalogue, Desk, FileStore, OfficeReports, ProfileStore, RateLimiter, StaffSearch } from '@statdesk/core';
import type { GatewaySimulator } from '@statdesk/testing';
import type { SessionCodec } from './session';

export interface PortalContext {
  desk: Desk;
  tenantId: string;
  files: FileStore;
  profiles: ProfileStore;
  profileRegistry: ApplicantProfiles;
  catalogue: Catalogue;
  /** The in-process card gateway the demo bank page drives. */
  bank: GatewaySimulator;
  sessions: SessionCodec;
  /** One limiter for the public lookups, page and API alike. */
  publicLimiter: RateLimiter;
  /** The office's reports, aggregated in the database. */
  reports: OfficeReports;
  /** Staff search by order number, tracking code, receipt or national ID. */
  search: StaffSearch;
  /** Absolute URL of the portal (known once it listens). */
  baseUrl(): string;
}
