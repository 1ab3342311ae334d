/**
 * A small read-through cache with a time to live. Holds only inventory facts that
 * change rarely (element addresses, interface speeds, circuit membership); every
 * replica may hold its own copy because a stale entry only delays a mapping by at
 * most the TTL — nothing depends on replicas agreeing.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 200_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  /** Values for all keys, loading the missing ones in one call. */
  async getMany(
    keys: readonly string[],
    load: (missing: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const value = this.get(key);
      if (value === undefined) missing.push(key);
      else found.set(key, value);
    }
    if (missing.length > 0) {
      const loaded = await load(missing);
      for (const key of missing) {
        const value = loaded.get(key);
        if (value !== undefined) {
          this.set(key, value);
          found.set(key, value);
        }
      }
    }
    return found;
  }
}
