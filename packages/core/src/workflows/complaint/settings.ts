/**
 * The options a portal passes to `complaintWorkflow` and their resolved, validated form.
 */
import type { BusinessCalendar } from '../../calendar/calendar.schema';
import { iranGovernmentCalendar } from '../../calendar/iran-calendar';
import { DefinitionError } from '../../errors';
import { attachmentUploadPolicy, type UploadPolicy } from '../../files/upload-policy';
import type { FileStore } from '../../ports/files';
import type { NotificationChannel } from '../../ports/notification';
import type { RandomInt } from './codes';
import { DEFAULT_KIND_RULES, MESSAGE_KINDS, type KindRules, type MessageKind } from './kinds';
import { DEFAULT_COMPLAINT_ROLES, type ComplaintRoles } from './roles';
import { DEFAULT_SLA_TARGETS, type ComplaintSlaTargets } from './sla-targets';

/** Windows in working days of the business calendar. */
export interface ComplaintWindows {
  /** After an answer, how long the complainant has to accept or escalate before it closes itself. */
  respond: number;
  /** After closing, how long the complainant may reopen. */
  reopen: number;
  /** After closing, how long the satisfaction survey stays open; then the message is archived. */
  survey: number;
}

/** The default windows in working days: respond 10, reopen 10, survey 20. */
export const DEFAULT_WINDOWS: Readonly<ComplaintWindows> = Object.freeze({ respond: 10, reopen: 10, survey: 20 });

/** Options of `complaintWorkflow`. */
export interface ComplaintWorkflowOptions {
  /** The definition's version (default `1`). */
  version?: string;
  /** Business calendar for SLA targets and windows (default: the Iranian government calendar). */
  calendar?: BusinessCalendar;
  /** Rules per message kind (second stage, reopening, complaint code). */
  kinds?: Partial<Record<MessageKind, Partial<KindRules>>>;
  /** SLA targets in working days, per kind. */
  sla?: Partial<Record<MessageKind, Partial<ComplaintSlaTargets>>>;
  /** The reply, reopen and survey windows in working days. */
  windows?: Partial<ComplaintWindows>;
  /** Role names, if the portal's differ. */
  roles?: Partial<ComplaintRoles>;
  /** Show the answering officer's name in the public lookup (default false). */
  showOfficerNames?: boolean;
  /** Channels each notification goes out on (default e-mail and SMS). */
  channels?: readonly NotificationChannel[];
  /**
   * Links put in messages; the portal owns its URLs. Default root-relative
   * (`/complaints/<tracking code>`), resolved by the notifier's `portalUrl`. Never put the
   * complaint code in a link: with the tracking code it is the key to the public lookup.
   */
  links?: ComplaintLinks;
  /** Random source for codes (default `crypto.randomInt`). */
  random?: RandomInt;
  /** Attachment limits: accepted types and size, how many, and the file store they are checked against. */
  attachments?: {
    /** Accepted types and size (default `attachmentUploadPolicy`). */
    policy?: UploadPolicy;
    /** Most attachments on one filing or reply (default 5). */
    maxCount?: number;
    /** When given, every attachment reference is checked against the stored file. */
    store?: FileStore;
  };
}

/** The portal's URLs put in messages. */
export interface ComplaintLinks {
  /** The message's status page, where the complainant looks it up, replies, rates or reopens. */
  message(trackingCode: string): string;
}

/** Root-relative links (`/complaints/<tracking code>`), resolved by the notifier's `portalUrl`. */
export const DEFAULT_COMPLAINT_LINKS: ComplaintLinks = Object.freeze({
  message: (trackingCode: string) => `/complaints/${encodeURIComponent(trackingCode)}`,
});

/** Complaint workflow options with every default filled in. */
export interface ComplaintSettings {
  /** The definition's version. */
  version: string;
  /** The business calendar. */
  calendar: BusinessCalendar;
  /** Rules per kind. */
  kinds: Readonly<Record<MessageKind, KindRules>>;
  /** SLA targets per kind. */
  sla: Readonly<Record<MessageKind, ComplaintSlaTargets>>;
  /** The windows. */
  windows: ComplaintWindows;
  /** Role names. */
  roles: ComplaintRoles;
  /** Whether the public lookup shows officer names. */
  showOfficerNames: boolean;
  /** Channels notifications go out on. */
  channels: readonly NotificationChannel[];
  /** The portal's links. */
  links: ComplaintLinks;
  /** Random source for codes. */
  random?: RandomInt;
  /** What attachments are accepted. */
  attachmentPolicy: UploadPolicy;
  /** How many attachments a message may carry. */
  maxAttachments: number;
  /** Where attachments are checked to exist. */
  fileStore?: FileStore;
}

const positiveDays = (value: number, where: string): number => {
  if (!Number.isInteger(value) || value < 1) throw new DefinitionError(`complaint workflow: ${where} must be a whole number of working days, at least 1 (got ${value})`);
  return value;
};

/**
 * Fills in the complaint workflow's defaults and checks them; throws `DefinitionError` naming a bad option.
 */
export function resolveComplaintSettings(options: ComplaintWorkflowOptions = {}): ComplaintSettings {
  const kinds = {} as Record<MessageKind, KindRules>;
  const sla = {} as Record<MessageKind, ComplaintSlaTargets>;
  for (const kind of MESSAGE_KINDS) {
    const rules = { ...DEFAULT_KIND_RULES[kind], ...options.kinds?.[kind] };
    if (rules.reopen && !rules.stageTwo) throw new DefinitionError(`complaint workflow: kinds.${kind}.reopen needs stageTwo (a reopened message goes to stage 2)`);
    kinds[kind] = Object.freeze(rules);
    const targets = { ...DEFAULT_SLA_TARGETS, ...options.sla?.[kind] };
    for (const [name, days] of Object.entries(targets)) positiveDays(days, `sla.${kind}.${name}`);
    sla[kind] = Object.freeze(targets);
  }
  const windows = { ...DEFAULT_WINDOWS, ...options.windows };
  for (const [name, days] of Object.entries(windows)) positiveDays(days, `windows.${name}`);
  if (windows.survey < windows.reopen) throw new DefinitionError('complaint workflow: windows.survey must be at least windows.reopen (a message is archived when the survey closes)');
  const channels = options.channels ?? ['email', 'sms'];
  if (channels.length === 0) throw new DefinitionError('complaint workflow: channels must name at least one channel');
  const maxAttachments = options.attachments?.maxCount ?? 5;
  if (!Number.isInteger(maxAttachments) || maxAttachments < 0) throw new DefinitionError('complaint workflow: attachments.maxCount must be a whole number');
  return {
    version: options.version ?? '1',
    calendar: options.calendar ?? iranGovernmentCalendar,
    kinds,
    sla,
    windows,
    roles: { ...DEFAULT_COMPLAINT_ROLES, ...options.roles },
    showOfficerNames: options.showOfficerNames ?? false,
    channels: [...new Set(channels)],
    links: options.links ?? DEFAULT_COMPLAINT_LINKS,
    ...(options.random ? { random: options.random } : {}),
    attachmentPolicy: options.attachments?.policy ?? attachmentUploadPolicy,
    maxAttachments,
    ...(options.attachments?.store ? { fileStore: options.attachments.store } : {}),
  };
}
