/**
 * A storage wrapper that forces interleavings on any backend (memory, PostgreSQL, SQLite):
 *
 * - `before(key, fn)`: the next out-of-transaction read of an idempotency key (the command
 *   pipeline's early check) first runs `fn`: another worker's whole step, between two commands
 *   of this one.
 * - `readBeforeCommit(key, reads)`: the next `reads` reads of the key answer "not there", as
 *   reads made before its twin committed do: what a command sees when it checked the key just
 *   before the twin's commit and loads the instance just after it.
 *
 * Everything else passes through, optional storage methods included.
 */
import type { CommandRecord, Storage, StorageTransaction } from '../../../src';

export interface InterleavingStorage {
  storage: Storage;
  before(idempotencyKey: string, fn: () => Promise<unknown>): void;
  readBeforeCommit(idempotencyKey: string, reads: number): void;
}

export function interleavingStorage(inner: Storage): InterleavingStorage {
  const hooks = new Map<string, () => Promise<unknown>>();
  const stale = new Map<string, number>();
  const isStale = (key: string) => {
    const left = stale.get(key) ?? 0;
    if (left > 0) stale.set(key, left - 1);
    return left > 0;
  };
  const txView = (tx: StorageTransaction): StorageTransaction =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop === 'getCommand') {
          return async (tenantId: string, key: string): Promise<CommandRecord | undefined> => (isStale(key) ? undefined : target.getCommand(tenantId, key));
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  const storage = new Proxy(inner, {
    get(target, prop) {
      if (prop === 'getCommand') {
        return async (tenantId: string, key: string): Promise<CommandRecord | undefined> => {
          const hook = hooks.get(key);
          if (hook) {
            hooks.delete(key);
            await hook();
          }
          return isStale(key) ? undefined : target.getCommand(tenantId, key);
        };
      }
      if (prop === 'transaction') {
        return <T>(fn: (tx: StorageTransaction) => Promise<T>) => target.transaction((tx) => fn(txView(tx)));
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    storage,
    before: (key, fn) => void hooks.set(key, fn),
    readBeforeCommit: (key, reads) => void stale.set(key, reads),
  };
}
