import { Inject, Injectable } from '@nestjs/common';
import type { Decider, Event } from '@alongside/platform/event-sourcing';
import {
  aggregateStream,
  EVENT_STORE,
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@alongside/platform/event-store';
import { mentoringUpcasters } from '@alongside/mentoring/contracts';

/** The mentoring log: load-decide-append with derived ids, and plain folds for what a command needs to know. */
@Injectable()
export class MentoringLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  handle<C, E extends Event, S>(stream: string, decider: Decider<C, E, S>, command: C, context: CommandContext): Promise<CommandResult<E, S>> {
    return handleCommand(this.store, stream, decider, command, context, { schemaVersions: mentoringUpcasters });
  }

  /** Read from the log itself, not a read model: whether this site knows the mentor or participant now. */
  exists(stream: string): Promise<boolean> {
    return this.store.streamExists(stream);
  }

  async load<E extends Event, S>(stream: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>): Promise<S> {
    return (await aggregateStream(this.store, stream, decider)).state;
  }
}
