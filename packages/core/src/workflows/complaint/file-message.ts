/**
 * Filing a message and handing back its codes. Codes are random, so two messages can draw the
 * same one; storage refuses the second (a unique instance key) and nothing is written, and the
 * filing is simply tried again with fresh codes.
 */
import type { Actor } from '../../engine/actor';
import type { CommandResult, Desk } from '../../engine/desk';
import { ConflictError } from '../../errors';
import { formatCode } from './codes';
import { COMPLAINT_WORKFLOW } from './complaint.workflow';
import type { ComplainantView } from './public-view';

/** What {@link fileMessage} takes. */
export interface FileMessageCommand {
  /** The tenant. */
  tenantId: string;
  /** The citizen filing the message. */
  actor: Actor;
  /** `{ kind, subject, body, attachments?, language? }` (validated by the workflow). */
  input: unknown;
  /** Makes a retried filing return the first result. */
  idempotencyKey?: string;
  /** Filings tried before a run of code collisions reaches the caller (default 5). */
  maxAttempts?: number;
}

/** What filing a message returns: the command result and the codes the person must keep. */
export interface FiledMessage extends CommandResult {
  /** Bare digits, and as shown to the person (groups of four). */
  trackingCode: string;
  /** The complaint code (complaints only), bare digits. */
  complaintCode: string | null;
  /** Both codes as shown to the person (groups of four). */
  display: { trackingCode: string; complaintCode: string | null };
  /** How many filings it took (more than 1 only after a code collision). */
  attempts: number;
}

/**
 * Files a citizen's message: starts a complaint instance with fresh tracking (and complaint) codes, retrying
 * on the rare code collision, and returns the codes to show.
 */
export async function fileMessage(desk: Desk, command: FileMessageCommand): Promise<FiledMessage> {
  const maxAttempts = command.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await desk.create({
        tenantId: command.tenantId,
        workflow: COMPLAINT_WORKFLOW,
        actor: command.actor,
        input: command.input,
        ...(command.idempotencyKey !== undefined ? { idempotencyKey: command.idempotencyKey } : {}),
      });
      const view = (await desk.get({ tenantId: result.tenantId, instanceId: result.instanceId }, command.actor)).data as ComplainantView;
      const trackingCode = view.trackingCode.replace(/\s/g, '');
      const complaintCode = view.complaintCode?.replace(/\s/g, '') ?? null;
      return {
        ...result,
        trackingCode,
        complaintCode,
        display: { trackingCode: formatCode(trackingCode), complaintCode: complaintCode ? formatCode(complaintCode) : null },
        attempts: attempt,
      };
    } catch (error) {
      const collision = error instanceof ConflictError && error.details.entity === 'instance-key';
      if (!collision || attempt >= maxAttempts) throw error;
    }
  }
}
