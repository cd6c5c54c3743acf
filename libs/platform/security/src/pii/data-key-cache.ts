export type CachedDataKey = Readonly<{ keyId: string; key: Buffer }>;

export type DataKeyCacheOptions = Readonly<{ maxEntries?: number; ttlMs?: number; now?: () => number }>;

/**
 * Unwrapped data keys, kept briefly so that a projection replaying one participant's events does
 * not unwrap once per event. Bounded in size and age: after an erase in another replica, a key
 * lives here at most `ttlMs`. Evicted keys are not zeroed: a caller may still hold one between an
 * await and its use, and encrypting with a zeroed key would be silent corruption.
 */
export class DataKeyCache {
  private readonly entries = new Map<string, CachedDataKey & { expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: DataKeyCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(participantId: string): CachedDataKey | undefined {
    const entry = this.entries.get(participantId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(participantId);
      return undefined;
    }
    // Re-inserted so that Map order is least recently used first.
    this.entries.delete(participantId);
    this.entries.set(participantId, entry);
    return entry;
  }

  set(participantId: string, value: CachedDataKey): void {
    if (this.maxEntries <= 0) return;
    this.delete(participantId);
    this.entries.set(participantId, { ...value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.delete(this.entries.keys().next().value as string);
  }

  delete(participantId: string): void {
    this.entries.delete(participantId);
  }

  clear(): void {
    this.entries.clear();
  }
}
