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

/** Decides the plan and appends it to the four services' stores (schemas of `connectionString`), a site at a time. */
export const appendPlanToStores = (plan: NetworkPlan, options: StoreRunOptions): Promise<EventTally> =>
  appendSitesToStores(
    plan.sites.map((site) => ({ ...plan, sites: [site] })),
    options,
  );

/**
 * Decides each site's plan and appends it to the four services' stores. Memory holds two sites at
 * most: the next site is decided (node's CPU) while this one is appended (mostly Postgres's).
 */
export const appendSitesToStores = async (sitePlans: Iterable<NetworkPlan>, options: StoreRunOptions): Promise<EventTally> => {
  const tally = new EventTally();
  const stores = await Promise.all(STORE_ORDER.map((schema) => PostgresEventStore.connect({ connectionString: options.connectionString, schema })));
  try {
    const plans = sitePlans[Symbol.iterator]();
    const decideNext = () => {
      const next = plans.next();
      if (next.done) return undefined;
      const deciding = decideNetwork(next.value).then((decided) => ({ site: next.value.sites.map((s) => s.siteId).join(', '), decided }));
      deciding.catch(() => undefined); // rejects again where it is awaited
      return deciding;
    };
    for (let deciding = decideNext(); deciding; ) {
      const { site, decided } = await deciding;
      deciding = decideNext();
      for (const [i, service] of STORE_ORDER.entries()) {
        options.log?.(`appending ${service}'s streams of ${site}`);
        await appendStreams(stores[i], decided[service], tally, options);
      }
    }
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
  return tally;
};
