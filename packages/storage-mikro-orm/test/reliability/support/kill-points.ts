/**
 * Kill points for crash tests, injected by wrapping the ports (the engine has no test hooks).
 *
 * Every step the engine takes through a port passes a named point (`tx.appendHistory.after#1`:
 * the first history row written). A child process given a point kills itself with SIGKILL when
 * it reaches it, so the crash happens at that step exactly, whatever the machine's speed. In
 * trace mode nothing is killed and every point passed is written to a file, one per line: the
 * test reads the trace of a clean run to know which points exist.
 */
import { appendFileSync } from 'node:fs';
import type { Storage, StorageTransaction } from '@statdesk/core';

export interface KillSwitch {
  /** Passes the point `name`: counts it, traces it, and dies here when it is the chosen one. */
  point(name: string): void;
}

export function killSwitch(options: { killAt?: string; traceFile?: string }): KillSwitch {
  const seen = new Map<string, number>();
  return {
    point(name) {
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      const id = `${name}#${n}`;
      if (options.traceFile) appendFileSync(options.traceFile, `${id}\n`);
      if (id === options.killAt) process.kill(process.pid, 'SIGKILL');
    },
  };
}

/**
 * The transaction port's write methods, the optional ones included (an adapter's batched
 * `consumeTimers` and `takeDueTimers`): each gets a kill point after it when the adapter has it.
 * A crash right after a read is the same as a crash before the next write.
 */
// Names, not `keyof StorageTransaction`: optional methods come and go with the adapters.
const WRITES: readonly string[] = [
  'insertInstance',
  'updateInstance',
  'appendHistory',
  'setInstanceKeys',
  'putTimer',
  'deleteTimers',
  'deleteAllTimers',
  'consumeTimer',
  'consumeTimers',
  'takeDueTimers',
  'enqueueOutbox',
  'saveCommand',
];

/**
 * `inner` with kill points around every transaction (before it starts, after each write inside
 * it, before and after its commit) and around the workers' claims and outbox completions.
 */
export function killableStorage(inner: Storage, kill: KillSwitch): Storage {
  const wrapTx = (tx: StorageTransaction): StorageTransaction => {
    const wrapped: StorageTransaction = Object.create(tx) as StorageTransaction;
    for (const method of WRITES) {
      const found = (tx as unknown as Record<string, unknown>)[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
      if (!found) continue;
      const original = found.bind(tx);
      (wrapped as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        const result = await original(...args);
        kill.point(`tx.${method}.after`);
        return result;
      };
    }
    return wrapped;
  };
  return {
    async transaction(fn) {
      kill.point('transaction.before');
      const result = await inner.transaction(async (tx) => {
        const value = await fn(wrapTx(tx));
        kill.point('transaction.beforeCommit');
        return value;
      });
      kill.point('transaction.afterCommit');
      return result;
    },
    getInstance: (ref) => inner.getInstance(ref),
    listInstances: (query) => inner.listInstances(query),
    listWorkItems: (query) => inner.listWorkItems(query),
    readHistory: (ref) => inner.readHistory(ref),
    getCommand: (tenantId, key) => inner.getCommand(tenantId, key),
    findInstancesByKey: (tenantId, name, value, limit) => inner.findInstancesByKey(tenantId, name, value, limit),
    async claimDueTimers(options) {
      const claimed = await inner.claimDueTimers(options);
      if (claimed.length) kill.point('claimDueTimers.after');
      return claimed;
    },
    nextTimerDue: () => inner.nextTimerDue(),
    reportSlaCompliance: (period) => inner.reportSlaCompliance(period),
    reportVolumes: (period, kindField) => inner.reportVolumes(period, kindField),
    reportRevenue: (period, lines) => inner.reportRevenue(period, lines),
    reportSatisfaction: (period, source) => inner.reportSatisfaction(period, source),
    async claimOutbox(options) {
      const claimed = await inner.claimOutbox(options);
      if (claimed.length) kill.point('claimOutbox.after');
      return claimed;
    },
    async completeOutbox(id, at) {
      kill.point('completeOutbox.before');
      await inner.completeOutbox(id, at);
      kill.point('completeOutbox.after');
    },
    failOutbox: (id, failure) => inner.failOutbox(id, failure),
  };
}
