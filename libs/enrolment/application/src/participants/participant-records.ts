import { Inject, Injectable } from '@nestjs/common';
import { CURRENT_REFERENCE_DATA_VERSION, enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import {
  participantDecider,
  participantStream,
  type Participant,
  type ParticipantCommand,
  type ParticipantEvent,
} from '@alongside/enrolment/domain';
import { VersionConflict, type SiteId } from '@alongside/platform/event-sourcing';
import {
  aggregateStream,
  EVENT_STORE,
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@alongside/platform/event-store';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import type { ClientBase } from 'pg';

/** Rows the events of a decision name (sealed details), written beside them: in the store's transaction when it has one. */
export type WrittenAlongside = (transaction?: ClientBase) => Promise<void>;

type DecideOptions = { retriesOnConflict?: number };

/** The reference data new decisions are made under. */
export const referenceDataVersion = CURRENT_REFERENCE_DATA_VERSION;

/** One participant's record at one site: the load-decide-append loop over their stream. */
@Injectable()
export class ParticipantRecords {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  decide(
    siteId: SiteId,
    participantId: string,
    command: ParticipantCommand,
    context: CommandContext,
    options: DecideOptions = {},
  ): Promise<CommandResult<ParticipantEvent, Participant>> {
    return handleCommand(this.store, participantStream(siteId, participantId), participantDecider, command, context, {
      schemaVersions: enrolmentUpcasterRegistry,
      ...options,
    });
  }

  /**
   * Decides, and writes the rows its events name (`alongside`). On Postgres both go in one
   * transaction, the rows after the append (which must be its first write) and only when it
   * appended: a refused append, a failure or a crash leaves neither, and one commit does both.
   * EventStoreDB cannot join a Postgres transaction: there the rows go first and stay unreferenced
   * if the append then fails.
   */
  async decideWith(
    siteId: SiteId,
    participantId: string,
    command: ParticipantCommand,
    context: CommandContext,
    alongside: WrittenAlongside,
    { retriesOnConflict = 0 }: DecideOptions = {},
  ): Promise<CommandResult<ParticipantEvent, Participant>> {
    const store = this.store;
    if (!(store instanceof PostgresEventStore)) {
      await alongside();
      return this.decide(siteId, participantId, command, context, { retriesOnConflict });
    }
    // An aborted transaction cannot be re-run inside itself: each attempt is a transaction of its own.
    for (let attempt = 0; ; attempt++) {
      try {
        return await store.transaction(async (transaction) => {
          const result = await handleCommand(transaction, participantStream(siteId, participantId), participantDecider, command, context, {
            schemaVersions: enrolmentUpcasterRegistry,
          });
          if (result.appended) await alongside(transaction.connection);
          return result;
        });
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= retriesOnConflict) throw error;
      }
    }
  }

  /**
   * Decides without appending, on the current state: for handlers that must read something outside
   * the log first (the current details) only if the decision allows it. The real decision still follows.
   */
  async check(siteId: SiteId, participantId: string, command: ParticipantCommand): Promise<Participant> {
    const state = await this.state(siteId, participantId);
    participantDecider.decide(command, state);
    return state;
  }

  async state(siteId: SiteId, participantId: string): Promise<Participant> {
    return (await aggregateStream(this.store, participantStream(siteId, participantId), participantDecider)).state;
  }
}
