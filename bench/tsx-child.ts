/**
 * Starts a TypeScript file as a child process (through tsx, workspace packages from source)
 * that reports once over IPC when it is ready, and stops it by sending `stop`. Suites use it to
 * keep a server or a worker out of the measuring process (own event loop, own memory figures).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface TsxChild<Ready> {
  child: ChildProcess;
  /** The child's first IPC message; rejects if it exits before sending one. */
  ready: Promise<Ready>;
  /** Sends a message and resolves to the child's next message (its answer). */
  request<Answer>(message: string): Promise<Answer>;
  /** Sends `stop`, waits up to `graceMs` for it to exit, then kills it. Resolves to its last message. */
  stop(graceMs?: number): Promise<unknown>;
}

/** `cpuProfileDir` writes a CPU profile of the child there when it exits. */
export function startTsxChild<Ready>(file: string, env: Record<string, string>, options: { cpuProfileDir?: string } = {}): TsxChild<Ready> {
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx', '--conditions=source', ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const messages: unknown[] = [];
  child.on('message', (message) => messages.push(message));
  const exited = once(child, 'exit');
  const ready = Promise.race([
    once(child, 'message').then(([message]) => message as Ready),
    exited.then(([code]) => {
      throw new Error(`${file} exited (code ${String(code)}) before it was ready`);
    }),
  ]);
  ready.catch(() => {});
  return {
    child,
    ready,
    async request<Answer>(message: string) {
      const answer = once(child, 'message');
      child.send(message);
      return ((await answer) as [Answer])[0];
    },
    async stop(graceMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.send('stop');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
        if (child.exitCode === null && child.signalCode === null) child.kill();
      }
      return messages.at(-1);
    },
  };
}
