// Mode (b): the plan decided by the services' own deciders in memory (so the events have exactly the
// shapes and metadata the services write, ids derived from deterministic command ids), then appended
// to each service's store a stream at a time, in batches. The relays publish them like any other
// event and each service's projections build their read models the usual way.
//
// Order matters while the services run: outcomes' record of what it hears is written first, then
// sessions and mentoring, and enrolment last. By the time a consumer hears an event, the fact it
// would record is already in its stream under the id it would give it, so it appends nothing.
import type { Event, NewEvent } from '@alongside/platform/event-sourcing';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { decideEnrolment } from './decide-enrolment';
import { decideMentoring } from './decide-mentoring';
import { decideOutcomes } from './decide-outcomes';
import { decideSessions } from './decide-sessions';
import { EventTally, forEachLimited } from './event-tally';
import type { NetworkPlan } from './plan';
import { StreamBuffer, VersionConflictOr, type EventStore } from './store-buffer';

export { decideEnrolment } from './decide-enrolment';
export { StreamBuffer } from './store-buffer';

export type StoreRunOptions = Readonly<{ connectionString: string; onEvents?: (count: number) => void; concurrency?: number; log?: (line: string) => void }>;

/** The services whose stores mode (b) writes, in the order they are written. */
export const STORE_ORDER = ['outcomes', 'sessions', 'mentoring', 'enrolment'] as const;
export type DecidedNetwork = Readonly<Record<(typeof STORE_ORDER)[number], StreamBuffer>>;

/** The whole plan decided by the four services' deciders, nothing written yet. */
export const decideNetwork = async (plan: NetworkPlan): Promise<DecidedNetwork> => {
  const [enrolment, sessions, mentoring] = await Promise.all([decideEnrolment(plan), decideSessions(plan), decideMentoring(plan)]);
  return { enrolment, sessions, mentoring, outcomes: await decideOutcomes(plan, { enrolment, sessions, mentoring }) };
};

/** Appends decided streams to a service's store; a stream already there (a rerun) is left alone. */
export const appendStreams = async (store: Pick<EventStore, 'appendToStream'>, buffer: StreamBuffer, tally: EventTally, options: { concurrency?: number; onEvents?: (n: number) => void } = {}) => {
  await forEachLimited([...buffer.streams.entries()], options.concurrency ?? 4, async ([stream, recorded]) => {
    const events = recorded.map(({ streamId: _s, streamPosition: _p, globalPosition: _g, recordedAt: _r, ...event }) => event as NewEvent<Event>);
    try {
      // Same seed, same event ids: the store turns a rerun's append into a no-op (appended: false).
      const { appended } = await store.appendToStream(stream, events, { expectedVersion: 'no_stream' });
      if (!appended) return;
      tally.add(events.map((e) => e.type));
      options.onEvents?.(events.length);
    } catch (error) {
      if (!VersionConflictOr(error)) throw error;
      tally.fail(`${stream.split('-')[0]} already there (rerun)`);
    }
  });
};

/** Decides the plan and appends it to the four services' stores (schemas of `connectionString`). */
export const appendPlanToStores = async (plan: NetworkPlan, options: StoreRunOptions): Promise<EventTally> => {
  const tally = new EventTally();
  const decided = await decideNetwork(plan);
  for (const service of STORE_ORDER) {
    options.log?.(`appending ${service}'s streams`);
    const store = await PostgresEventStore.connect({ connectionString: options.connectionString, schema: service });
    try {
      await appendStreams(store, decided[service], tally, options);
    } finally {
      await store.close();
    }
  }
  return tally;
};
