/**
 * The "questions, criticism, suggestions and complaints" workflow definition: the machine plus
 * who may send what, server-side facts (instants, codes, the sender), views and lookup keys.
 */
import { ValidationError, type ValidationIssue } from '../../errors';
import { defineWorkflow, type EnrichContext, type WorkflowDefinition } from '../../engine/definition';
import { staffAlertRules } from '../../engine/staff-alerts';
import { stateToString } from '../../engine/state-value';
import { mayUseUpload } from '../../files/upload-owner';
import type { FileStore } from '../../ports/files';
import { CODE_LENGTHS, formatCode, generateCode } from './codes';
import { COMPLAINT_TEMPLATES, complaintMachine, type ComplaintContext, type ComplaintMachine } from './complaint.machine';
import { complaintEventSchemas, type AttachmentRef } from './events';
import { complaintWorkItem } from './work-item';
import { COMPLAINT_KEYS, lookupKeyOf } from './lookup-key';
import { complainantView } from './public-view';
import { resolveComplaintSettings, type ComplaintSettings, type ComplaintWorkflowOptions } from './settings';

/** The name of the complaint workflow. */
export const COMPLAINT_WORKFLOW = 'complaint';

/** The complaint workflow's definition type. */
export type ComplaintWorkflow = WorkflowDefinition<ComplaintMachine>;

/** Free text may carry personal details: kept in the instance, never in history. */
const FREE_TEXT = ['subject', 'body', 'text', 'question', 'reason', 'comment'];

/**
 * The complaint workflow definition (messages filed by citizens), with its SLA targets, codes, public lookup
 * keys and notifications; free text never reaches history.
 */
export function complaintWorkflow(options: ComplaintWorkflowOptions = {}): ComplaintWorkflow {
  const settings = resolveComplaintSettings(options);
  const { roles } = settings;
  const schemas = complaintEventSchemas(settings.attachmentPolicy, settings.maxAttachments);
  const staff = [roles.officer, roles.supervisor];

  const stamp = (_fields: unknown, { now, actor }: EnrichContext) => ({
    at: now.toISOString(),
    actorId: actor.id,
    bySupervisor: actor.roles.includes(roles.supervisor),
  });

  return defineWorkflow({
    name: COMPLAINT_WORKFLOW,
    version: settings.version,
    machine: complaintMachine(settings),
    notifications: Object.values(COMPLAINT_TEMPLATES),
    create: {
      schema: schemas.create,
      roles: [roles.citizen],
      personal: ['subject', 'body'],
      enrich: async (input, context) => {
        await checkAttachments(settings, context.tenantId, context.actor.id, input.attachments, 'attachments');
        const random = settings.random;
        return {
          filedAt: context.now.toISOString(),
          complainantId: context.actor.id,
          trackingCode: generateCode(CODE_LENGTHS.trackingCode, random),
          complaintCode: settings.kinds[input.kind].complaintCode ? generateCode(CODE_LENGTHS.complaintCode, random) : null,
        };
      },
    },
    ownerRoles: [roles.citizen],
    readRoles: staff,
    assignRoles: [roles.supervisor],
    workItem: ({ snapshot }) => complaintWorkItem(stateToString(snapshot.value), snapshot.context),
    staffAlerts: staffAlertRules({
      reference: (snapshot) => formatCode(snapshot.context.trackingCode),
      supervisorRoles: [roles.supervisor],
      newWork: [{ event: 'reply', roles: [roles.officer], preferAssignee: true, template: 'staff.complainant-replied' }],
    }),
    events: {
      acknowledge: { schema: schemas.acknowledge, roles: staff, enrich: stamp, description: 'Staff confirm receipt (stage 2: a supervisor).' },
      assign: { schema: schemas.assign, roles: staff, enrich: stamp, description: 'Assign (or reassign) the reviewing officer.' },
      requestInfo: { schema: schemas.requestInfo, roles: staff, enrich: stamp, personal: FREE_TEXT, description: 'Ask the complainant; the SLA clock pauses.' },
      reply: {
        schema: schemas.reply,
        roles: [roles.citizen],
        personal: FREE_TEXT,
        enrich: async (fields, context) => {
          await checkAttachments(settings, context.tenantId, context.actor.id, fields.attachments, 'attachments');
          return stamp(fields, context);
        },
        description: "The complainant's reply; the SLA clock resumes.",
      },
      answer: { schema: schemas.answer, roles: staff, enrich: stamp, personal: FREE_TEXT, description: 'The public answer.' },
      note: { schema: schemas.note, roles: staff, enrich: stamp, personal: FREE_TEXT, description: 'An internal staff note, never shown to the public.' },
      accept: { schema: schemas.accept, roles: [roles.citizen], enrich: stamp, description: 'The complainant accepts the answer.' },
      escalate: { schema: schemas.escalate, roles: [roles.citizen], enrich: stamp, personal: FREE_TEXT, description: 'Not satisfied: ask for stage 2.' },
      reopen: { schema: schemas.reopen, roles: [roles.citizen], enrich: stamp, personal: FREE_TEXT, description: 'Reopen within the window (goes to stage 2).' },
      withdraw: { schema: schemas.withdraw, roles: [roles.citizen], enrich: stamp, personal: FREE_TEXT, description: 'The complainant withdraws.' },
      rate: { schema: schemas.rate, roles: [roles.citizen], enrich: stamp, personal: FREE_TEXT, description: 'Satisfaction, 1 to 5, once after closing.' },
      'sla.breach': { schema: schemas.slaBreach, roles: [roles.system], internal: true, description: 'An SLA target was missed.' },
    },
    view: ({ snapshot, actor }) => {
      const state = stateToString(snapshot.value);
      const context = snapshot.context as ComplaintContext;
      if (actor.roles.some((r) => staff.includes(r) || r === roles.system)) return { state, ...context };
      return complainantView(state, context);
    },
    keys: (snapshot) => {
      const { trackingCode, complaintCode } = snapshot.context;
      return [
        { name: COMPLAINT_KEYS.trackingCode, value: trackingCode, unique: true },
        ...(complaintCode ? [{ name: COMPLAINT_KEYS.complaintCode, value: complaintCode, unique: true }] : []),
        { name: COMPLAINT_KEYS.lookup, value: lookupKeyOf(trackingCode, complaintCode), unique: true },
      ];
    },
  });
}

/** With a file store configured, every reference must match a stored file of this portal, uploaded by the sender. */
async function checkAttachments(settings: ComplaintSettings, tenantId: string, actorId: string, refs: readonly AttachmentRef[] | undefined, field: string): Promise<void> {
  const store: FileStore | undefined = settings.fileStore;
  if (!store || !refs?.length) return;
  const issues: ValidationIssue[] = [];
  for (const [index, ref] of refs.entries()) {
    // Someone else's upload is answered like a missing one: its key tells nothing.
    const stored = mayUseUpload(ref.key, actorId) ? await store.stat(tenantId, ref.key) : undefined;
    if (!stored) issues.push({ path: `${field}.${index}.key`, message: 'no such stored file', code: 'not_found' });
    else if (stored.sha256 !== ref.sha256 || stored.size !== ref.size || stored.contentType !== ref.contentType) {
      issues.push({ path: `${field}.${index}`, message: 'does not match the stored file (hash, size or type differ)', code: 'mismatch' });
    }
  }
  if (issues.length) throw new ValidationError('attachments', issues);
}
