/**
 * A map keyed by a (tenant, id) pair, as nested maps. A composite string key would be built and
 * hashed on every lookup; ids from `crypto.randomUUID()` are rope strings V8 re-walks each time
 * one is concatenated, which made key building the memory storage's largest cost. Nested maps
 * hash each part once, on the string the caller already holds.
 */
export class PairMap<V> {
  private readonly outer = new Map<string, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(a: string, b: string): V | undefined {
    return this.outer.get(a)?.get(b);
  }

  has(a: string, b: string): boolean {
    return this.outer.get(a)?.has(b) ?? false;
  }

  set(a: string, b: string, value: V): void {
    let inner = this.outer.get(a);
    if (!inner) this.outer.set(a, (inner = new Map()));
    if (!inner.has(b)) this.count++;
    inner.set(b, value);
  }

  delete(a: string, b: string): boolean {
    const inner = this.outer.get(a);
    if (!inner?.delete(b)) return false;
    this.count--;
    if (!inner.size) this.outer.delete(a);
    return true;
  }

  *values(): IterableIterator<V> {
    for (const inner of this.outer.values()) yield* inner.values();
  }
}
