/**
 * The storage a workflow test runs on. By default a fresh `MemoryStorage`; a test project can
 * swap in a real backend (`useWorkflowStorage`) so the *same* workflow test files run end to end
 * on PostgreSQL or SQLite too, reading what was written through the backend's own oracle.
 */
import { MemoryStorage } from './memory-storage';
import type { StorageUnderTest } from './storage-oracle';

/** Makes one fresh, empty storage (with its oracle and teardown) for a test's world. */
export type WorkflowStorageFactory = () => Promise<StorageUnderTest>;

const memoryFactory: WorkflowStorageFactory = async () => {
  const storage = new MemoryStorage();
  return { storage, oracle: storage.oracle };
};

let factory: WorkflowStorageFactory = memoryFactory;
const open: StorageUnderTest[] = [];

/**
 * Run this process's workflow tests on another backend (call it from a test project's setup
 * file); `undefined` goes back to in-memory storage.
 */
export function useWorkflowStorage(next: WorkflowStorageFactory | undefined): void {
  factory = next ?? memoryFactory;
}

/** A fresh, empty storage from the current backend; `releaseWorkflowStorages` disposes of it. */
export async function workflowStorage(): Promise<StorageUnderTest> {
  const made = await factory();
  open.push(made);
  return made;
}

/** Tear down every storage handed out so far (a setup file calls it after each test). */
export async function releaseWorkflowStorages(): Promise<void> {
  const done = open.splice(0);
  await Promise.all(done.map((s) => s.teardown?.()));
}
