import { Inject, Injectable } from '@nestjs/common';
import { CURRENT_REFERENCE_DATA_VERSION, enrolmentUpcasterRegistry } from '@alongside/enrolment/contracts';
import {
  participantDecider,
  participantStream,
  type Participant,
  type ParticipantCommand,
  type ParticipantEvent,
} from '@alongside/enrolment/domain';
import type { SiteId } from '@alongside/platform/event-sourcing';
import {
  aggregateStream,
  EVENT_STORE,
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@alongside/platform/event-store';

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
    options: { retriesOnConflict?: number } = {},
  ): Promise<CommandResult<ParticipantEvent, Participant>> {
    return handleCommand(this.store, participantStream(siteId, participantId), participantDecider, command, context, {
      schemaVersions: enrolmentUpcasterRegistry,
      ...options,
    });
  }

  /**
   * Decides without appending, on the current state: for handlers that must do something outside
   * the log first (seal details) only if the decision allows it. The real decision still follows.
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
