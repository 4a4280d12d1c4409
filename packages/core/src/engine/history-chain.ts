/**
 * The tamper-evident history: each row's hash covers its content and the previous row's hash,
 * and the instance row keeps the newest hash, so editing, deleting, inserting or truncating
 * rows breaks the chain.
 */
import { hash } from 'node:crypto';
import type { HistoryRecord, InstanceRecord } from '../ports/storage';
import { canonicalJson } from './json-codec';

/** The `prevHash` of an instance's first history row: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** A history row before its hash is computed. */
export type UnhashedHistory = Omit<HistoryRecord, 'hash'>;

/**
 * The SHA-256 (lowercase hex) of a history row's canonical JSON, `prevHash` included: the link of the audit
 * chain.
 */
export function hashHistory(row: UnhashedHistory): string {
  // The canonical JSON of the row's fields, written out in sorted key order: the same text as
  // canonicalJson() of the whole object (so existing chains verify), without building it first.
  const content =
    `{"actorId":${canonicalJson(row.actorId)},"actorRole":${canonicalJson(row.actorRole)},"at":${canonicalJson(row.at.toISOString())}` +
    `,"definitionVersion":${canonicalJson(row.definitionVersion)},"eventType":${canonicalJson(row.eventType)}` +
    `,"fromState":${canonicalJson(row.fromState)},"instanceId":${canonicalJson(row.instanceId)},"payload":${canonicalJson(row.payload)}` +
    `,"prevHash":${canonicalJson(row.prevHash)},"seq":${canonicalJson(row.seq)},"tenantId":${canonicalJson(row.tenantId)}` +
    `,"toState":${canonicalJson(row.toState)}}`;
  return hash('sha256', content, 'hex');
}

/** The result of checking a history chain: intact with its length, or the first broken row and why. */
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
