import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { outcomesUpcasters, type ParticipantRecordEvent } from '@alongside/outcomes/contracts';
import { participantRecordDecider } from '@alongside/outcomes/domain';
import { EVENT_STORE, handleCommand, type EventStore } from '@alongside/platform/event-store';
import { ChangeParticipantRecord, type ParticipantRecordChanged } from './change-participant-record.command';
import { participantStream } from './participant-stream';

@CommandHandler(ChangeParticipantRecord)
export class ChangeParticipantRecordHandler implements ICommandHandler<ChangeParticipantRecord, ParticipantRecordChanged> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, context, retriesOnConflict }: ChangeParticipantRecord): Promise<ParticipantRecordChanged> {
    const stream = participantStream(context.siteId, command.data.participantId);
    const result = await handleCommand(this.store, stream, participantRecordDecider, command, context, {
      schemaVersions: outcomesUpcasters,
      retriesOnConflict,
    });
    return { events: result.events as readonly ParticipantRecordEvent[], appended: result.appended };
  }
}
