/**
 * A decider is the whole behaviour of one stream, with no I/O: `decide` turns a command and the
 * current state into new events (or throws a DomainError), `evolve` folds one event into the state.
 * Time and ids arrive inside the command, so the same inputs always give the same events.
 */
export type Decider<Command, Event, State> = Readonly<{
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}>;

export const fold = <Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
