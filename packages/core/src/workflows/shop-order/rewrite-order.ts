/**
 * Maintenance writes to a shop order that are not events of its machine (erasing the sealed
 * particulars, re-sealing them under a new key): they must reach finished orders too, which
 * accept no events. Each is one storage transaction with the order's compare-and-set; a lost
 * race is re-read and tried again, so a concurrent command is never overwritten. An optional
 * history row extends the hash chain the way the engine does, so the chain keeps verifying.
 */
import { hashHistory } from '../../engine/history-chain';
import { decodeJson, encodeJson } from '../../engine/json-codec';
import { ConflictError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { InstanceRecord, InstanceRef, Storage } from '../../ports/storage';

const RETRIES = 5;

/** What a rewrite changes: the order's new context, and a history row when the change is an audited act. */
export interface OrderRewrite {
  /** The whole new context. */
  context: Record<string, unknown>;
  /** Who did it and what, for the history row (no personal values in `payload`). */
  history?: { actor: { id: string; role: string }; eventType: string; payload: unknown };
}

/**
 * Applies `rewrite` to the order's current context at `now` (`undefined`: leave the order alone). Returns
 * whether the order was written.
 */
export async function rewriteShopOrder(
  storage: Storage,
  ref: InstanceRef,
  clock: Clock,
  rewrite: (context: Record<string, unknown>, now: Date) => Promise<OrderRewrite | undefined> | OrderRewrite | undefined,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await storage.transaction(async (tx) => {
        const record = await tx.loadInstance(ref);
        const snapshot = record ? (decodeJson(record.snapshot) as { context?: Record<string, unknown> } & Record<string, unknown>) : undefined;
        if (!record || !snapshot?.context) return false;
        const now = clock.now();
        const change = await rewrite(snapshot.context, now);
        if (!change) return false;
        let updated: InstanceRecord = { ...record, snapshot: encodeJson({ ...snapshot, context: change.context }), version: record.version + 1, updatedAt: now };
        if (change.history) {
          const unhashed = {
            tenantId: record.tenantId,
            instanceId: record.id,
            seq: record.historySeq + 1,
            at: now,
            actorId: change.history.actor.id,
            actorRole: change.history.actor.role,
            eventType: change.history.eventType,
            fromState: record.state,
            toState: record.state,
            definitionVersion: record.definitionVersion,
            payload: encodeJson(change.history.payload),
            prevHash: record.historyHash,
          };
          const row = { ...unhashed, hash: hashHistory(unhashed) };
          updated = { ...updated, historySeq: row.seq, historyHash: row.hash };
          await tx.updateInstance(updated, record.version);
          await tx.appendHistory(row);
        } else {
          await tx.updateInstance(updated, record.version);
        }
        return true;
      });
    } catch (error) {
      // Someone changed the order between the read and the write: read it again.
      if (!(error instanceof ConflictError) || attempt >= RETRIES) throw error;
    }
  }
}
