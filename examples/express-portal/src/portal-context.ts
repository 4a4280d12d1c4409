/** What the portal's pages share: the desk, its services, and how to reach the demo bank. */
import type { ApplicantProfiles, Desk, FileStore, RateLimiter } from '@statdesk/core';
import type { GatewaySimulator, MemoryCatalogue, MemoryProfileStore } from '@statdesk/testing';
import type { SessionCodec } from './session';

export interface PortalContext {
  desk: Desk;
  tenantId: string;
  files: FileStore;
  profiles: MemoryProfileStore;
  profileRegistry: ApplicantProfiles;
  catalogue: MemoryCatalogue;
  /** The in-process card gateway the demo bank page drives. */
  bank: GatewaySimulator;
  sessions: SessionCodec;
  /** One limiter for the public lookups, page and API alike. */
  publicLimiter: RateLimiter;
  /** Absolute URL of the portal (known once it listens). */
  baseUrl(): string;
}
