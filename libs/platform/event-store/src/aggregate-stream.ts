import { fold, type Decider, type Event } from '@alongside/platform/event-sourcing';
import type { EventStore } from './event-store';
import type { StreamVersion } from './expected-version';

export type Aggregate<State> = Readonly<{
  state: State;
  /** Pass it as the expected version of the next append: 'no_stream' for a new stream. */
  version: StreamVersion;
}>;

/** The current state of one stream: its events folded with the decider's `evolve`. */
export const aggregateStream = async <E extends Event, State>(
  store: Pick<EventStore, 'readStream'>,
  stream: string,
  decider: Pick<Decider<unknown, E, State>, 'evolve' | 'initialState'>,
): Promise<Aggregate<State>> => {
  const { events, version } = await store.readStream(stream);
  // The store upcasts on read, so what it returns is the decider's latest event shape.
  return { state: fold(decider, events as unknown as E[]), version };
};
