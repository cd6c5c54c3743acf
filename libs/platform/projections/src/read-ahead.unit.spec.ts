import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { EventStore, ReadAllOptions, ReadAllResult } from '@alongside/platform/event-store';
import fc from 'fast-check';
import { ReadAhead } from './read-ahead';

/** Just the global log, at the given positions (gaps where appends were rolled back), answering out of order. */
const logAt = (positions: readonly bigint[], reads: { count: number }) =>
  ({
    async readAll({ after = 0n, limit = 1_000 }: ReadAllOptions = {}): Promise<ReadAllResult> {
      reads.count++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      const events = positions
        .filter((p) => p > after)
        .slice(0, limit)
        .map((globalPosition) => ({ globalPosition }) as RecordedEvent);
      return { events, position: events.length ? events[events.length - 1].globalPosition : after };
    },
  }) as unknown as EventStore;

const readAll = async (reader: ReadAhead): Promise<bigint[]> => {
  const seen: bigint[] = [];
  for (;;) {
    const batch = await reader.next();
    if (batch.events.length === 0) break;
    seen.push(...batch.events.map((e) => e.globalPosition));
  }
  await reader.close();
  return seen;
};

describe('Reading the log ahead', () => {
  it('reads a dense log in order, several batches at a time', async () => {
    const reads = { count: 0 };
    const positions = Array.from({ length: 1_000 }, (_, i) => BigInt(i + 1));
    expect(await readAll(new ReadAhead(logAt(positions, reads), 0n, 100, 3))).toEqual(positions);
    expect(reads.count).toBeLessThanOrEqual(10 + 3); // the guesses beyond the head are all it wasted
  });

  it('reads once when the log has less than a batch: nothing is guessed until a batch comes back full', async () => {
    const reads = { count: 0 };
    const positions = Array.from({ length: 5 }, (_, i) => BigInt(i + 1));
    expect(await readAll(new ReadAhead(logAt(positions, reads), 0n, 100, 3))).toEqual(positions);
    expect(reads.count).toBe(2); // the five events, then the empty read that says caught up
  });

  it('returns every event once, in order, whatever the gaps, batch size and depth', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 50 }),
        async (raw, batchSize, depth, from) => {
          const positions = [...raw].sort((a, b) => a - b).map(BigInt);
          const reader = new ReadAhead(logAt(positions, { count: 0 }), BigInt(from), batchSize, depth);
          expect(await readAll(reader)).toEqual(positions.filter((p) => p > BigInt(from)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
