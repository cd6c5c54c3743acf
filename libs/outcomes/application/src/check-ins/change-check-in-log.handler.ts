import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkInSchemaVersions, type CheckInEvent } from '@alongside/outcomes/contracts';
import { checkInLogDecider } from '@alongside/outcomes/domain';
import { EVENT_STORE, handleCommand, type EventStore } from '@alongside/platform/event-store';
import { ChangeCheckInLog, type CheckInLogChanged } from './change-check-in-log.command';
import { checkInStream } from './check-in-stream';

@CommandHandler(ChangeCheckInLog)
export class ChangeCheckInLogHandler implements ICommandHandler<ChangeCheckInLog, CheckInLogChanged> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, context }: ChangeCheckInLog): Promise<CheckInLogChanged> {
    const stream = checkInStream(context.siteId, command.data.participantId);
    // Two phones of one person racing is the only conflict; both check-ins stand, so one retry is right.
    const result = await handleCommand(this.store, stream, checkInLogDecider, command, context, { schemaVersions: checkInSchemaVersions, retriesOnConflict: 2 });
    return { events: result.events as readonly CheckInEvent[], appended: result.appended };
  }
}
