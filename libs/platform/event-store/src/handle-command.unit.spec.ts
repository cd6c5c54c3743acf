import {
  eventIdFor,
  RuleViolated,
  siteId,
  UpcasterRegistry,
  VersionConflict,
  type Decider,
  type Event,
} from '@alongside/platform/event-sourcing';
import { aggregateStream } from './aggregate-stream';
import { handleCommand, type CommandContext, type FoldCache } from './handle-command';
import { InMemoryEventStore } from './in-memory-event-store';

// A small group session: scheduled with a capacity, then seats booked until it is full.
type SessionEvent =
  | Event<'SessionScheduled', { capacity: number }>
  | Event<'SeatBooked', { participantId: string }>;
type SessionCommand =
  | Event<'ScheduleSession', { capacity: number }>
  | Event<'BookSeat', { participantId: string }>
  | Event<'ConfirmSession', Record<string, never>>;
type Session = { capacity: number; booked: string[] };

class SessionFull extends RuleViolated {
  constructor() {
    super('This session is full');
  }
}

const session: Decider<SessionCommand, SessionEvent, Session> = {
  initialState: () => ({ capacity: 0, booked: [] }),
  decide: (command, state) => {
    switch (command.type) {
      case 'ScheduleSession':
        return [{ type: 'SessionScheduled', data: command.data }];
      case 'BookSeat':
        if (state.booked.includes(command.data.participantId)) return [];
        if (state.booked.length >= state.capacity) throw new SessionFull();
        return [{ type: 'SeatBooked', data: command.data }];
      case 'ConfirmSession':
        return [];
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'SessionScheduled':
        return { ...state, capacity: event.data.capacity };
      case 'SeatBooked':
        return { ...state, booked: [...state.booked, event.data.participantId] };
    }
  },
};

const stream = 'sessions.session-north-6f1c2a3b-0000-4000-8000-000000000001';
const schemaVersions = new UpcasterRegistry({ SeatBooked: 2 });
const context = (commandId: string): CommandContext => ({
  commandId,
  siteId: siteId('north'),
  correlationId: `correlation-of-${commandId}`,
  actor: { sub: 'facilitator-1', role: 'facilitator' },
  occurredAt: '2026-03-02T09:30:00+01:00',
});
const schedule = (capacity: number): SessionCommand => ({ type: 'ScheduleSession', data: { capacity } });
const book = (participantId: string): SessionCommand => ({ type: 'BookSeat', data: { participantId } });

describe('Handling a command', () => {
  let store: InMemoryEventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  describe('on a new stream', () => {
    it('appends the decided events with ids derived from the command and full metadata', async () => {
      const result = await handleCommand(store, stream, session, schedule(2), context('cmd-1'), { schemaVersions });

      expect(result).toMatchObject({ appended: true, version: 0n, state: { capacity: 2, booked: [] } });
      expect(store.log).toHaveLength(1);
      expect(store.log[0]).toMatchObject({
        id: eventIdFor('cmd-1', stream, 0),
        type: 'SessionScheduled',
        data: { capacity: 2 },
        streamPosition: 0n,
        metadata: {
          siteId: 'north',
          schemaVersion: 1,
          correlationId: 'correlation-of-cmd-1',
          causationId: 'cmd-1',
          actor: { sub: 'facilitator-1', role: 'facilitator' },
          occurredAt: '2026-03-02T09:30:00+01:00',
        },
      });
    });
  });

  describe('on an existing stream', () => {
    beforeEach(() => handleCommand(store, stream, session, schedule(1), context('cmd-1'), { schemaVersions }));

    it('decides on the folded state and appends at the version it read', async () => {
      const result = await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions });

      expect(result).toMatchObject({ appended: true, version: 1n, state: { capacity: 1, booked: ['p-1'] } });
      expect(store.log.map((e) => [e.type, e.streamPosition])).toEqual([['SessionScheduled', 0n], ['SeatBooked', 1n]]);
    });

    it('writes the schema version the registry holds for each type', async () => {
      await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions });
      expect(store.log[1].metadata.schemaVersion).toBe(2);
    });

    it('takes schema versions from a plain map too, 1 for a type it does not name', async () => {
      await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions: { SeatBooked: 3 } });
      expect(store.log[1].metadata.schemaVersion).toBe(3);
    });

    it('keeps the causation id it is given (a consumer passes the message id)', async () => {
      await handleCommand(store, stream, session, book('p-1'), { ...context('cmd-2'), causationId: 'message-9' }, { schemaVersions });
      expect(store.log[1].metadata).toMatchObject({ causationId: 'message-9', correlationId: 'correlation-of-cmd-2' });
    });

    it('lets a domain error through and appends nothing', async () => {
      await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions });
      await expect(handleCommand(store, stream, session, book('p-2'), context('cmd-3'), { schemaVersions })).rejects.toThrow(SessionFull);
      expect(store.log).toHaveLength(2);
    });

    it('appends nothing when the decider decides nothing', async () => {
      const result = await handleCommand(store, stream, session, { type: 'ConfirmSession', data: {} }, context('cmd-2'), { schemaVersions });
      expect(result).toMatchObject({ appended: false, events: [], version: 0n });
      expect(store.log).toHaveLength(1);
    });
  });

  describe('repeated with the same command id (Idempotency-Key)', () => {
    it('returns the first result and appends nothing, even after later commands', async () => {
      await handleCommand(store, stream, session, schedule(3), context('cmd-1'), { schemaVersions });
      const first = await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions });
      await handleCommand(store, stream, session, book('p-2'), context('cmd-3'), { schemaVersions });

      const repeat = await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions });

      expect(repeat).toEqual({ ...first, appended: false, events: [expect.objectContaining(first.events[0])] });
      expect(repeat.state.booked).toEqual(['p-1']);
      expect(store.log).toHaveLength(3);
    });

    it('appends nothing twice when the repeat races the first handling', async () => {
      await handleCommand(store, stream, session, schedule(3), context('cmd-1'), { schemaVersions });
      let raced = false;
      store.beforeAppend = async () => {
        if (raced) return;
        raced = true;
        await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions });
      };

      const slower = await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions });

      expect(slower).toMatchObject({ appended: false, version: 1n });
      expect(store.log.filter((e) => e.type === 'SeatBooked')).toHaveLength(1);
    });
  });

  describe('when another writer appends between the read and the append', () => {
    const interleave = (times: number) => {
      let left = times;
      store.beforeAppend = async (s) => {
        if (left <= 0) return;
        left--;
        const { version } = await store.readStream(s);
        const hook = store.beforeAppend;
        store.beforeAppend = undefined; // the other writer's own append is not interleaved
        await store.appendToStream(s, [{ type: 'SeatBooked', data: { participantId: `other-${left}` }, id: `other-${left}`, metadata: store.log[0].metadata }], { expectedVersion: version });
        store.beforeAppend = hook;
      };
    };
    beforeEach(() => handleCommand(store, stream, session, schedule(5), context('cmd-1'), { schemaVersions }));

    it('lets the VersionConflict through (a 409) by default', async () => {
      interleave(1);
      await expect(handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions })).rejects.toThrow(VersionConflict);
      expect(store.log.map((e) => e.id)).toEqual([eventIdFor('cmd-1', stream, 0), 'other-0']);
    });

    it('re-runs load-decide-append when the command is safe to retry', async () => {
      interleave(2);
      const result = await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions, retriesOnConflict: 2 });
      expect(result).toMatchObject({ appended: true, version: 3n, state: { booked: ['other-1', 'other-0', 'p-1'] } });
    });

    it('gives up after the retries it was allowed', async () => {
      interleave(3);
      await expect(
        handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions, retriesOnConflict: 2 }),
      ).rejects.toThrow(VersionConflict);
      expect(store.log).toHaveLength(4);
    });
  });

  describe('with a fold cache (the demo generator)', () => {
    const options = () => ({ schemaVersions, foldCache: new Map() as FoldCache });
    const counting = () => {
      let evolved = 0;
      return { decider: { ...session, evolve: (state: Session, event: SessionEvent) => (evolved++, session.evolve(state, event)) }, evolved: () => evolved };
    };

    it('resumes each fold where the last command left it, deciding as a full fold would', async () => {
      const cached = options();
      const { decider, evolved } = counting();
      await handleCommand(store, stream, decider, schedule(3), context('cmd-1'), cached);
      for (const p of ['p-1', 'p-2', 'p-3']) await handleCommand(store, stream, decider, book(p), context(`book-${p}`), cached);
      // One evolve per event decided, none replayed: a full fold per command would have made 1+2+3+4.
      expect(evolved()).toBe(4);
      expect(cached.foldCache.get(stream)).toEqual({ state: { capacity: 3, booked: ['p-1', 'p-2', 'p-3'] }, folded: 4 });
      await expect(handleCommand(store, stream, decider, book('p-4'), context('book-p-4'), cached)).rejects.toThrow(SessionFull);
    });

    it('folds the events another writer appended after its cached state', async () => {
      const cached = options();
      await handleCommand(store, stream, session, schedule(2), context('cmd-1'), cached);
      await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions }); // not through the cache
      await expect(handleCommand(store, stream, session, book('p-2'), context('cmd-3'), cached)).resolves.toMatchObject({ state: { booked: ['p-1', 'p-2'] } });
      await expect(handleCommand(store, stream, session, book('p-3'), context('cmd-4'), cached)).rejects.toThrow(SessionFull);
    });

    it('folds from the start when its cached state is of more events than the stream holds', async () => {
      const cached = options();
      cached.foldCache.set(stream, { state: { capacity: 0, booked: ['someone-else'] }, folded: 9 });
      await handleCommand(store, stream, session, schedule(1), context('cmd-1'), cached);
      await expect(handleCommand(store, stream, session, book('p-1'), context('cmd-2'), cached)).resolves.toMatchObject({ state: { booked: ['p-1'] } });
    });
  });
});

describe('Aggregating a stream', () => {
  it("answers 'no_stream' and the initial state for a stream never written", async () => {
    expect(await aggregateStream(new InMemoryEventStore(), stream, session)).toEqual({ state: { capacity: 0, booked: [] }, version: 'no_stream' });
  });

  it('folds every event and answers the last position as the version', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, stream, session, schedule(2), context('cmd-1'), { schemaVersions });
    await handleCommand(store, stream, session, book('p-1'), context('cmd-2'), { schemaVersions });
    expect(await aggregateStream(store, stream, session)).toEqual({ state: { capacity: 2, booked: ['p-1'] }, version: 1n });
  });
});
