/** Events recorded, by type, and what went wrong, by route and answer: the run's summary. */
export class EventTally {
  readonly byType = new Map<string, number>();
  readonly failures = new Map<string, number>();
  total = 0;

  add(types: readonly string[]): void {
    for (const type of types) this.byType.set(type, (this.byType.get(type) ?? 0) + 1);
    this.total += types.length;
  }

  addCount(type: string, count: number): void {
    this.byType.set(type, (this.byType.get(type) ?? 0) + count);
    this.total += count;
  }

  fail(what: string): void {
    this.failures.set(what, (this.failures.get(what) ?? 0) + 1);
  }

  table(): string {
    const rows = [...this.byType.entries()].sort((a, b) => b[1] - a[1]);
    const width = Math.max(10, ...rows.map(([type]) => type.length));
    const lines = ['', `${'event type'.padEnd(width)}  ${'count'.padStart(9)}`, `${'-'.repeat(width)}  ${'-'.repeat(9)}`];
    for (const [type, count] of rows) lines.push(`${type.padEnd(width)}  ${String(count).padStart(9)}`);
    lines.push(`${'total'.padEnd(width)}  ${String(this.total).padStart(9)}`);
    if (this.failures.size > 0) {
      lines.push('', 'not recorded (route, answer: count):');
      for (const [what, count] of [...this.failures.entries()].sort((a, b) => b[1] - a[1])) lines.push(`  ${what}: ${count}`);
    }
    return lines.join('\n');
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export const forEachLimited = async <T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
};
