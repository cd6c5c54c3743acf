import { Inject, Injectable } from '@nestjs/common';
import type { Decider, Event } from '@alongside/platform/event-sourcing';
import { aggregateStream, EVENT_STORE, handleCommand, type CommandContext, type CommandResult, type EventStore } from '@alongside/platform/event-store';
import { sessionsUpcasters } from '@alongside/sessions/contracts';

/** The sessions log: load-decide-append with derived ids, and plain folds for what a command needs to know. */
@Injectable()
export class SessionsLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  handle<C, E extends Event, S>(stream: string, decider: Decider<C, E, S>, command: C, context: CommandContext, retriesOnConflict = 0): Promise<CommandResult<E, S>> {
    return handleCommand(this.store, stream, decider, command, context, { schemaVersions: sessionsUpcasters, retriesOnConflict });
  }

  async load<E extends Event, S>(stream: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>): Promise<S> {
    return (await aggregateStream(this.store, stream, decider)).state;
  }
}
