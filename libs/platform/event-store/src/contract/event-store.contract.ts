import {
  UpcasterRegistry,
  VersionConflict,
  type Event,
  type NewEvent,
  type RecordedEvent,
} from '@alongside/platform/event-sourcing';
import { EventTooLarge, MAX_EVENT_BYTES } from '../event-size-limit';
import type { AppendOptions, EventStore } from '../event-store';
import { pause } from '../pause';
import { endOfLog, readLogUntil } from './log-reader';
import { asAppended, newStream, sampleEvent, sampleEvents, sampleMetadata } from './sample-events';

export type EventStoreUnderTest = Readonly<{ store: EventStore; cleanup: () => Promise<void> }>;

/** Makes a fresh, empty store; the contract calls it once, plus once per case needing options. */
export type EventStoreFactory = (options: Readonly<{ upcasters?: UpcasterRegistry }>) => Promise<EventStoreUnderTest>;

/** An append whose transaction stays open until `commit`: how a late commit looks. */
export type HeldOpenAppend = Readonly<{ commit: () => Promise<void> }>;

/** What only some adapters can do; cases needing a hook the adapter lacks are skipped, and say so. */
export type EventStoreContractHooks = Readonly<{
  appendHeldOpen?: (
    store: EventStore,
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ) => Promise<HeldOpenAppend>;
}>;

/**
 * The behaviour every EventStore adapter must have (DESIGN §4), as one jest suite: an adapter's
 * spec calls `eventStoreContract('Postgres', factory, hooks)`. Fast-check is loaded only when the
 * concurrency property runs, so production code importing this library never needs it.
 */
export const eventStoreContract = (name: string, factory: EventStoreFactory, hooks: EventStoreContractHooks = {}): void => {
  describe(`${name} event store contract`, () => {
    let store: EventStore;
    let cleanup: (() => Promise<void>) | undefined;
    let cases = 0;
    let skipped = 0;
    const contractCase = (title: string, test: () => Promise<void>, timeoutMs?: number) => {
      cases++;
      it(title, test, timeoutMs);
    };
    const hookedCase = <Hook extends keyof EventStoreContractHooks>(
      hook: Hook,
      title: string,
      test: (implementation: NonNullable<EventStoreContractHooks[Hook]>) => Promise<void>,
    ) => {
      const implementation = hooks[hook];
      if (implementation) return contractCase(title, () => test(implementation));
      skipped++;
      it.skip(`${title} (needs the ${hook} hook)`, () => undefined);
    };

    beforeAll(async () => {
      ({ store, cleanup } = await factory({}));
    });
    afterAll(async () => {
      await cleanup?.();
      console.log(`${name} event store contract: ${cases} cases${skipped ? `, ${skipped} skipped for want of a hook` : ''}`);
    });

    const append = (stream: string, events: readonly NewEvent[], expectedVersion: AppendOptions['expectedVersion']) =>
      store.appendToStream(stream, events, { expectedVersion });
    const expectConflict = async (appending: Promise<unknown>, stream: string, expected: string, actual: string) => {
      await expect(appending).rejects.toBeInstanceOf(VersionConflict);
      await expect(appending).rejects.toMatchObject({ stream, expected, actual });
    };

    describe('appending and reading a stream', () => {
      contractCase('reads back what was appended, in order, with exact bigint positions', async () => {
        const stream = newStream();
        const events = sampleEvents(3);

        const result = await append(stream, events, 'no_stream');
        const read = await store.readStream(stream);

        expect(result).toEqual({ nextExpectedVersion: 2n, appended: true });
        expect(read.version).toBe(2n);
        expect(read.events.map(asAppended)).toEqual(events.map(asAppended));
        expect(read.events.map((e) => e.streamPosition)).toEqual([0n, 1n, 2n]);
        expect(read.events.every((e) => e.streamId === stream && typeof e.globalPosition === 'bigint')).toBe(true);
        expect(read.events[0].globalPosition < read.events[1].globalPosition).toBe(true);
        expect(read.events[1].globalPosition < read.events[2].globalPosition).toBe(true);
        expect(Number.isNaN(Date.parse(read.events[0].recordedAt))).toBe(false);
      });

      contractCase("answers no events and 'no_stream' for a stream never written", async () => {
        expect(await store.readStream(newStream())).toEqual({ events: [], version: 'no_stream' });
      });

      contractCase('appends again at the version it was given back', async () => {
        const stream = newStream();
        const first = await append(stream, sampleEvents(2), 'no_stream');
        const second = await append(stream, sampleEvents(2, 2), first.nextExpectedVersion);

        expect(second).toEqual({ nextExpectedVersion: 3n, appended: true });
        expect((await store.readStream(stream)).events.map((e) => e.data)).toEqual(
          [0, 1, 2, 3].map((n) => expect.objectContaining({ n })),
        );
      });

      contractCase("reads a stream from and to a position (both inclusive), with the stream's current version", async () => {
        const stream = newStream();
        await append(stream, sampleEvents(6), 'no_stream');
        const positions = async (range: { from?: bigint; to?: bigint }) => {
          const { events, version } = await store.readStream(stream, range);
          return { positions: events.map((e) => e.streamPosition), version };
        };

        expect(await positions({ from: 2n, to: 4n })).toEqual({ positions: [2n, 3n, 4n], version: 5n });
        expect(await positions({ from: 4n })).toEqual({ positions: [4n, 5n], version: 5n });
        expect(await positions({ to: 1n })).toEqual({ positions: [0n, 1n], version: 5n });
        expect(await positions({ from: 9n })).toEqual({ positions: [], version: 5n });
      });

      contractCase('knows whether a stream exists', async () => {
        const stream = newStream();
        expect(await store.streamExists(stream)).toBe(false);
        await append(stream, sampleEvents(1), 'no_stream');
        expect(await store.streamExists(stream)).toBe(true);
      });

      contractCase('refuses an empty append', async () => {
        const stream = newStream();
        await expect(append(stream, [], 'no_stream')).rejects.toThrow(TypeError);
        expect(await store.streamExists(stream)).toBe(false);
      });
    });

    describe('expected version', () => {
      contractCase("'no_stream' conflicts when the stream exists, and appends nothing", async () => {
        const stream = newStream();
        await append(stream, sampleEvents(1), 'no_stream');
        await expectConflict(append(stream, sampleEvents(2), 'no_stream'), stream, 'no_stream', '0');
        expect((await store.readStream(stream)).version).toBe(0n);
      });

      contractCase("'exists' conflicts when the stream does not exist, and creates nothing", async () => {
        const stream = newStream();
        await expectConflict(append(stream, sampleEvents(1), 'exists'), stream, 'exists', 'no_stream');
        expect(await store.streamExists(stream)).toBe(false);
      });

      contractCase("'exists' appends to an existing stream whatever its version", async () => {
        const stream = newStream();
        await append(stream, sampleEvents(3), 'no_stream');
        expect(await append(stream, sampleEvents(1, 3), 'exists')).toEqual({ nextExpectedVersion: 3n, appended: true });
      });

      contractCase('a version the stream has moved past conflicts', async () => {
        const stream = newStream();
        await append(stream, sampleEvents(2), 'no_stream');
        await expectConflict(append(stream, sampleEvents(1), 0n), stream, '0', '1');
        expect((await store.readStream(stream)).version).toBe(1n);
      });

      contractCase('a version ahead of the stream conflicts', async () => {
        const stream = newStream();
        await append(stream, sampleEvents(2), 'no_stream');
        await expectConflict(append(stream, sampleEvents(1), 5n), stream, '5', '1');
      });

      contractCase('a version of a stream that does not exist conflicts', async () => {
        const stream = newStream();
        await expectConflict(append(stream, sampleEvents(1), 0n), stream, '0', 'no_stream');
        expect(await store.streamExists(stream)).toBe(false);
      });
    });

    describe('concurrent writers', () => {
      contractCase(
        'exactly one of many writers appending at the same version wins it (property)',
        async () => {
          const fc = await import('fast-check');
          const rounds = fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 3 });
          await fc.assert(
            fc.asyncProperty(rounds, async (batchSizesPerRound) => {
              const stream = newStream();
              let version: bigint | 'no_stream' = 'no_stream';
              for (const batchSizes of batchSizesPerRound) {
                const batches = batchSizes.map((size) => sampleEvents(size));
                const expectedVersion = version;
                const outcomes = await Promise.allSettled(batches.map((batch) => append(stream, batch, expectedVersion)));

                const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
                expect(winners).toHaveLength(1);
                for (const outcome of outcomes) {
                  if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(VersionConflict);
                }
                const winner = batches[winners[0]];
                const read = await store.readStream(stream, { from: expectedVersion === 'no_stream' ? 0n : expectedVersion + 1n });
                expect(read.events.map((e) => e.id)).toEqual(winner.map((e) => e.id));
                version = read.version;
              }
            }),
            { seed: 20_260_302, numRuns: 6, endOnFailure: true },
          );
        },
        60_000,
      );

      contractCase("'exists' appends from many concurrent writers all land, one after another", async () => {
        const stream = newStream();
        await append(stream, sampleEvents(1), 'no_stream');
        const batches = Array.from({ length: 8 }, (_, i) => sampleEvents(2, 1 + 2 * i));

        await Promise.all(batches.map((batch) => append(stream, batch, 'exists')));

        const read = await store.readStream(stream);
        expect(read.events.map((e) => e.streamPosition)).toEqual(Array.from({ length: 17 }, (_, i) => BigInt(i)));
        expect(new Set(read.events.map((e) => e.id)).size).toBe(17);
      });
    });

    describe('retried appends (same event ids)', () => {
      contractCase('store nothing twice and answer appended: false with the version of the first', async () => {
        const stream = newStream();
        const events = sampleEvents(2);
        await append(stream, events, 'no_stream');

        expect(await append(stream, events, 'no_stream')).toEqual({ nextExpectedVersion: 1n, appended: false });
        expect((await store.readStream(stream)).events.map((e) => e.id)).toEqual(events.map((e) => e.id));
      });

      contractCase('are still a no-op after the stream has moved on', async () => {
        const stream = newStream();
        const first = sampleEvents(2);
        await append(stream, first, 'no_stream');
        await append(stream, sampleEvents(3, 2), 1n);

        expect(await append(stream, first, 'no_stream')).toEqual({ nextExpectedVersion: 1n, appended: false });
        expect((await store.readStream(stream)).version).toBe(4n);
      });

      contractCase('racing each other store the batch once', async () => {
        const stream = newStream();
        const events = sampleEvents(3);

        const results = await Promise.all(Array.from({ length: 5 }, () => append(stream, events, 'no_stream')));

        // At least one: EventStoreDB answers a racing duplicate exactly as the first, so it cannot
        // always tell which racer wrote. A sequential retry is always told (the cases above).
        expect(results.filter((r) => r.appended).length).toBeGreaterThanOrEqual(1);
        expect(results.every((r) => r.nextExpectedVersion === 2n)).toBe(true);
        expect((await store.readStream(stream)).events).toHaveLength(3);
      });
    });

    describe('the global log', () => {
      contractCase('reads every stream in global order, page by page with after and limit', async () => {
        const start = await endOfLog(store);
        const [a, b, c] = [newStream(), newStream(), newStream()];
        const ours = new Set([a, b, c]);
        const appended: NewEvent[] = [];
        for (const [stream, count, expected] of [[a, 2, 'no_stream'], [b, 1, 'no_stream'], [a, 1, 1n], [c, 3, 'no_stream'], [b, 1, 0n]] as const) {
          const events = sampleEvents(count);
          await append(stream, events, expected);
          appended.push(...events);
        }

        const read: RecordedEvent[] = [];
        let position = start;
        for (const deadline = Date.now() + 15_000; read.length < appended.length && Date.now() < deadline; ) {
          const page = await store.readAll({ after: position, limit: 2 });
          expect(page.events.length).toBeLessThanOrEqual(2);
          if (page.events.length > 0) expect(page.position >= page.events[page.events.length - 1].globalPosition).toBe(true);
          // Events of earlier cases may surface late (xmin held back by another transaction).
          read.push(...page.events.filter((e) => ours.has(e.streamId)));
          position = page.position;
          if (page.events.length === 0) await pause(20);
        }

        expect(read.map((e) => e.id)).toEqual(appended.map((e) => e.id));
        expect(read.map(asAppended)).toEqual(appended.map(asAppended));
        expect(read.every((e, i) => i === 0 || read[i - 1].globalPosition < e.globalPosition)).toBe(true);
        expect(await store.readAll({ after: position, limit: 10 })).toEqual({ events: [], position });
      });

      contractCase('gives every event the same global position in a stream read as in the log', async () => {
        const start = await endOfLog(store);
        const stream = newStream();
        await append(stream, sampleEvents(3), 'no_stream');
        const fromLog = await readLogUntil(store, start, new Set([stream]), 3);
        const fromStream = (await store.readStream(stream)).events;
        expect(fromLog.map((e) => [e.id, e.globalPosition, e.streamPosition])).toEqual(
          fromStream.map((e) => [e.id, e.globalPosition, e.streamPosition]),
        );
      });

      hookedCase('appendHeldOpen', 'never skips an event whose transaction commits after later events are visible', async (appendHeldOpen) => {
        const start = await endOfLog(store);
        const early = newStream();
        await append(early, sampleEvents(1), 'no_stream');
        const seen = await readLogUntil(store, start, new Set([early]), 1);
        let position = seen[0].globalPosition;
        const poll = async () => {
          const page = await store.readAll({ after: position, limit: 2 });
          seen.push(...page.events);
          position = page.position;
        };

        const late = newStream();
        const lateEvents = sampleEvents(3);
        const held = await appendHeldOpen(store, late, lateEvents, { expectedVersion: 'no_stream' });
        const after: NewEvent[] = [];
        try {
          for (let i = 0; i < 3; i++) {
            const events = sampleEvents(2);
            await append(newStream(), events, 'no_stream');
            after.push(...events);
            await poll();
          }
          for (let i = 0; i < 5; i++) await Promise.all([poll(), pause(20)]);
        } finally {
          await held.commit();
        }
        const expected = new Set([...lateEvents, ...after].map((e) => e.id));
        for (let i = 0; i < 500 && seen.filter((e) => expected.has(e.id)).length < expected.size; i++) {
          await Promise.all([poll(), pause(20)]);
        }

        const ids = seen.slice(1).map((e) => e.id).filter((id) => expected.has(id));
        expect(new Set(ids)).toEqual(expected);
        expect(ids).toHaveLength(expected.size);
        expect(seen.every((e, i) => i === 0 || seen[i - 1].globalPosition < e.globalPosition)).toBe(true);
      });

      contractCase('a reader polling beside many writers sees every event exactly once, in order', async () => {
        const start = await endOfLog(store);
        const streams = Array.from({ length: 4 }, () => newStream());
        const appended = new Map<string, string[]>(streams.map((s) => [s, []]));
        let writing = true;
        const writers = streams.map(async (stream, w) => {
          let version: bigint | 'no_stream' = 'no_stream';
          for (let i = 0; i < 12; i++) {
            const events = sampleEvents(1 + ((i + w) % 3));
            version = (await append(stream, events, version)).nextExpectedVersion;
            appended.get(stream)?.push(...events.map((e) => e.id));
          }
        });
        const seen: RecordedEvent[] = [];
        const reader = (async () => {
          let position = start;
          const total = () => [...appended.values()].reduce((n, ids) => n + ids.length, 0);
          const deadline = Date.now() + 30_000;
          while ((writing || seen.length < total()) && Date.now() < deadline) {
            const page = await store.readAll({ after: position, limit: 7 });
            seen.push(...page.events.filter((e) => appended.has(e.streamId)));
            position = page.position;
            if (page.events.length === 0) await pause(5);
          }
        })();
        await Promise.all(writers);
        writing = false;
        await reader;

        expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
        expect(seen.every((e, i) => i === 0 || seen[i - 1].globalPosition < e.globalPosition)).toBe(true);
        for (const stream of streams) {
          expect(seen.filter((e) => e.streamId === stream).map((e) => e.id)).toEqual(appended.get(stream));
        }
      }, 60_000);
    });

    describe('subscribing', () => {
      contractCase('delivers from a checkpoint in order, then what is appended later, until aborted', async () => {
        const start = await endOfLog(store);
        const stream = newStream();
        const before = sampleEvents(3);
        await append(stream, before, 'no_stream');
        const [checkpoint] = await readLogUntil(store, start, new Set([stream]), 1);

        const delivered: RecordedEvent[] = [];
        const positions: bigint[] = [];
        const abort = new AbortController();
        const subscription = store.subscribe({
          after: checkpoint.globalPosition,
          batchSize: 2,
          idleMs: 20,
          signal: abort.signal,
          onEvents: async (events, position) => {
            delivered.push(...events.filter((e) => e.streamId === stream));
            positions.push(position);
            expect(position >= events[events.length - 1].globalPosition).toBe(true);
          },
        });
        const later = sampleEvents(2, 3);
        await append(stream, later, 2n);
        for (let i = 0; i < 500 && delivered.length < 4; i++) await pause(20);
        abort.abort();
        await subscription;

        expect(delivered.map((e) => e.id)).toEqual([...before.slice(1), ...later].map((e) => e.id));
        expect(positions.every((p, i) => i === 0 || positions[i - 1] < p)).toBe(true);
      });

      contractCase('stops with the error when the handler fails', async () => {
        const stream = newStream();
        const start = await endOfLog(store);
        await append(stream, sampleEvents(1), 'no_stream');
        const abort = new AbortController();
        const failing = store.subscribe({
          after: start,
          idleMs: 20,
          signal: abort.signal,
          onEvents: async () => {
            throw new Error('projection failed');
          },
        });
        await expect(failing).rejects.toThrow('projection failed');
        abort.abort();
      });
    });

    describe('batches and limits', () => {
      contractCase(
        'appends 10,000 events in one append, all or nothing, in order',
        async () => {
          const stream = newStream();
          const events = sampleEvents(10_000);

          expect(await append(stream, events, 'no_stream')).toEqual({ nextExpectedVersion: 9_999n, appended: true });
          await expect(append(stream, sampleEvents(10_000), 'no_stream')).rejects.toBeInstanceOf(VersionConflict);

          const read = await store.readStream(stream);
          expect(read.version).toBe(9_999n);
          expect(read.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
          expect(read.events[9_999].streamPosition).toBe(9_999n);
          expect(read.events.every((e, i) => i === 0 || read.events[i - 1].globalPosition < e.globalPosition)).toBe(true);
        },
        120_000,
      );

      contractCase(`refuses an event over ${MAX_EVENT_BYTES} bytes with EventTooLarge naming it and the limit, appending nothing`, async () => {
        const stream = newStream();
        const huge = sampleEvent(1, { note: 'x'.repeat(MAX_EVENT_BYTES) });
        const batch = [sampleEvent(0), huge, sampleEvent(2)];

        const refusal = append(stream, batch, 'no_stream');

        await expect(refusal).rejects.toBeInstanceOf(EventTooLarge);
        await expect(refusal).rejects.toMatchObject({ eventId: huge.id, stream, limit: MAX_EVENT_BYTES });
        await expect(refusal).rejects.toThrow(new RegExp(`${huge.id}.*${MAX_EVENT_BYTES}`));
        expect(await store.streamExists(stream)).toBe(false);
      });

      contractCase('keeps an event just under the limit whole, multi-byte characters included', async () => {
        const stream = newStream();
        const note = 'é'.repeat((MAX_EVENT_BYTES - 4096) / 2);
        const event = sampleEvent(0, { note });

        await append(stream, [event], 'no_stream');

        expect((await store.readStream(stream)).events[0].data).toEqual(event.data);
      });
    });

    describe('schema evolution', () => {
      contractCase('upcasts stored events to their latest shape on every read', async () => {
        type MinutesV1 = Event<'AttendanceRecorded', { n: number; minutes: number }>;
        const upcasters = new UpcasterRegistry(
          { AttendanceRecorded: 2 },
          { 'AttendanceRecorded@1': (e) => ({ type: e.type, data: { ...(e as MinutesV1).data, billableUnits: Math.floor((e as MinutesV1).data.minutes / 15) } }) },
        );
        const upcasting = await factory({ upcasters });
        try {
          const stream = newStream();
          const old = { ...sampleEvent(0, { minutes: 50 }), metadata: sampleMetadata(1) };
          const current = { ...sampleEvent(1, { minutes: 30, billableUnits: 1 }), metadata: sampleMetadata(2) };
          await upcasting.store.appendToStream(stream, [old, current], { expectedVersion: 'no_stream' });

          const fromStream = (await upcasting.store.readStream(stream)).events;
          const fromLog = await readLogUntil(upcasting.store, 0n, new Set([stream]), 2);

          for (const events of [fromStream, fromLog]) {
            expect(events.map((e) => [e.data, e.metadata.schemaVersion])).toEqual([
              [{ ...(old.data as object), billableUnits: 3 }, 2],
              [current.data, 2],
            ]);
          }
        } finally {
          await upcasting.cleanup();
        }
      });
    });
  });
};

