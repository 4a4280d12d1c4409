/**
 * The parent's side of the worker processes: start them, wait until each is connected, release
 * them at one instant, add up what they report, and stop them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { WorkerConfig } from './worker-config';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const workerScript = fileURLToPath(new URL('./worker.ts', import.meta.url));

export class WorkerPool {
  private delivered = 0;
  /** CPU the workers spent between `go` and `stop` (known once they have stopped). */
  cpuMs = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  private failure: Error | undefined;
  /** Rejects with the first worker failure. */
  private readonly failed: Promise<never>;
  private rejectFailed!: (error: Error) => void;

  private constructor(private readonly children: ChildProcess[], private readonly exited: Promise<void>[]) {
    this.failed = new Promise<never>((_, reject) => (this.rejectFailed = reject));
    this.failed.catch(() => {});
  }

  /** Starts one process per config; resolves once every one is connected and waiting for `go`. */
  static async start(configs: readonly WorkerConfig[]): Promise<WorkerPool> {
    const children: ChildProcess[] = [];
    const ready: Promise<void>[] = [];
    const exited: Promise<void>[] = [];
    const pool = new WorkerPool(children, exited);
    for (const config of configs) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', workerScript, JSON.stringify(config)], {
        cwd: repoRoot,
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      children.push(child);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
      let markReady!: () => void;
      ready.push(new Promise<void>((resolve) => (markReady = resolve)));
      exited.push(
        new Promise<void>((resolve) =>
          child.on('exit', (code) => {
            if (code !== 0) pool.fail(new Error(`${config.variant} worker ${config.workerId} exited with ${code}: ${stderr.trim()}`));
            resolve();
          }),
        ),
      );
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const message = JSON.parse(line) as { ready?: boolean; done?: number; cpuMs?: number };
        if (message.ready) markReady();
        if (message.done) pool.add(message.done);
        if (message.cpuMs !== undefined) pool.cpuMs += message.cpuMs;
      });
    }
    await Promise.race([Promise.all(ready), pool.failed]);
    return pool;
  }

  /** Releases every worker; returns the instant they were released (performance.now()). */
  go(): number {
    const at = performance.now();
    for (const child of this.children) child.stdin!.write('go\n');
    return at;
  }

  /** Resolves at the instant the workers together have reported `count` deliveries. */
  async reached(count: number, timeoutMs: number): Promise<number> {
    if (this.failure) throw this.failure;
    if (this.delivered < count) {
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<void>((resolve) => this.waiters.push({ count, resolve }));
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`only ${this.delivered} of ${count} timers delivered within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([arrived, late, this.failed]);
      } finally {
        clearTimeout(timer);
      }
    }
    return performance.now();
  }

  get total(): number {
    return this.delivered;
  }

  async stop(): Promise<void> {
    for (const child of this.children) if (child.exitCode === null) child.stdin!.write('stop\n');
    const killer = setTimeout(() => this.children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')), 30_000);
    await Promise.all(this.exited);
    clearTimeout(killer);
    if (this.failure) throw this.failure;
  }

  private add(count: number): void {
    this.delivered += count;
    for (const waiter of this.waiters.filter((w) => w.count <= this.delivered)) waiter.resolve();
    this.waiters = this.waiters.filter((w) => w.count > this.delivered);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.rejectFailed(error);
  }
}
