/**
 * The tamper-evident history: each row's hash covers its content and the previous row's hash,
 * and the instance row keeps the newest hash, so editing, deleting, inserting or truncating
 * rows breaks the chain.
 */
import { createHash } from 'node:crypto';
import type { HistoryRecord, InstanceRecord } from '../ports/storage';
import { canonicalJson } from './json-codec';

export const GENESIS_HASH = '0'.repeat(64);

export type UnhashedHistory = Omit<HistoryRecord, 'hash'>;

export function hashHistory(row: UnhashedHistory): string {
  const content = canonicalJson({
    tenantId: row.tenantId,
    instanceId: row.instanceId,
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    eventType: row.eventType,
    fromState: row.fromState,
    toState: row.toState,
    definitionVersion: row.definitionVersion,
    payload: row.payload,
    prevHash: row.prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

export type HistoryVerification =
  | { ok: true; length: number }
  | { ok: false; seq: number; reason: 'gap' | 'broken-link' | 'altered' | 'truncated' };

/** Checks the rows (in seq order) against each other and against the instance's chain head. */
export function verifyHistoryChain(rows: readonly HistoryRecord[], instance?: Pick<InstanceRecord, 'historySeq' | 'historyHash'>): HistoryVerification {
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.seq !== i + 1) return { ok: false, seq: i + 1, reason: 'gap' };
    if (row.prevHash !== prev) return { ok: false, seq: row.seq, reason: 'broken-link' };
    if (hashHistory(row) !== row.hash) return { ok: false, seq: row.seq, reason: 'altered' };
    prev = row.hash;
  }
  if (instance && (instance.historySeq !== rows.length || instance.historyHash !== prev)) {
    return { ok: false, seq: Math.min(rows.length, instance.historySeq) + 1, reason: 'truncated' };
  }
  return { ok: true, length: rows.length };
}
