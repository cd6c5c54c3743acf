import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ParticipantRecordCommand } from '@alongside/outcomes/domain';
import type { Event } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { heardEventContext } from '@alongside/platform/service-runtime';
import { ChangeParticipantRecord } from '../participant-record/change-participant-record.command';

/**
 * Records what another service decided as outcomes' own event. The command id is the incoming
 * event's id (plus the participant, when one message concerns several), so the event ids derived
 * from it are the same on every redelivery and the store turns a repeat into a no-op.
 */
@Injectable()
export class HeardFactRecorder {
  constructor(private readonly commands: CommandBus) {}

  contextOf(event: ConsumedEvent<Event>, consumer: string, part?: string): CommandContext {
    return heardEventContext(event, `outcomes.${consumer}`, part);
  }

  // A heard fact stays true on a newer state, so a concurrent clinician's append is simply retried.
  record(command: ParticipantRecordCommand, context: CommandContext): Promise<unknown> {
    return this.commands.execute(new ChangeParticipantRecord(command, context, 3));
  }
}
