/**
 * A small benchmark harness: run an async operation from N concurrent clients for a fixed time,
 * and compare variants by alternating them round by round (so drift in the machine — other
 * processes, caches, autovacuum — hits every variant alike), reporting medians.
 */

export interface Variant {
  name: string;
  /** One operation; `client` is 0..clients-1, `n` counts that client's operations. */
  op(client: number, n: number): Promise<void>;
}

export interface RunOptions {
  clients: number;
  /** Length of one measured round. */
  durationMs: number;
}

/** Operations per second of one round. */
export async function measure(variant: Variant, options: RunOptions): Promise<number> {
  return (await measureRound(variant, options)).rate;
}

/** One round: operations per second, and this process's CPU time per operation (to tell CPU-bound from waiting). */
export async function measureRound(variant: Variant, options: RunOptions): Promise<{ rate: number; cpuMsPerOp: number }> {
  const deadline = performance.now() + options.durationMs;
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const counts = await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      let n = 0;
      while (performance.now() < deadline) await variant.op(client, n++);
      return n;
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const elapsed = (performance.now() - start) / 1000;
  const ops = counts.reduce((a, b) => a + b, 0);
  return { rate: ops / elapsed, cpuMsPerOp: (cpu.user + cpu.system) / 1000 / Math.max(1, ops) };
}

export interface Comparison {
  clients: number;
  /** Per variant: each round's ops/s and their median, and the median CPU milliseconds per operation of this process. */
  results: Record<string, { rounds: number[]; median: number; cpuMsPerOp: number }>;
}

/** Warm-up rounds (not counted), then `rounds` rounds of A, B, A, B… (order flipped every round). */
export async function compare(variants: readonly Variant[], options: RunOptions & { rounds: number; warmups: number }): Promise<Comparison> {
  for (let w = 0; w < options.warmups; w++) for (const v of variants) await measure(v, options);
  const rounds: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let r = 0; r < options.rounds; r++) {
    const order = r % 2 ? [...variants].reverse() : variants;
    for (const v of order) {
      const round = await measureRound(v, options);
      rounds[v.name]!.push(round.rate);
      cpu[v.name]!.push(round.cpuMsPerOp);
    }
  }
  return {
    clients: options.clients,
    results: Object.fromEntries(
      variants.map((v) => [v.name, { rounds: rounds[v.name]!, median: median(rounds[v.name]!), cpuMsPerOp: median(cpu[v.name]!) }]),
    ),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0–100) by the nearest-rank method. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
