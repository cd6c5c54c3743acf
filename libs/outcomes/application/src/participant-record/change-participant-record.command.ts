import { Command } from '@nestjs/cqrs';
import type { ParticipantRecordEvent } from '@alongside/outcomes/contracts';
import type { ParticipantRecordCommand } from '@alongside/outcomes/domain';
import type { CommandContext } from '@alongside/platform/event-store';

/** The events a change decided (on a repeat: those of its first handling). */
export type ParticipantRecordChanged = Readonly<{ events: readonly ParticipantRecordEvent[]; appended: boolean }>;

/**
 * Any change to a participant's outcome record: the decider command plus who, when and why.
 * Heard facts may retry on a conflict (their decision holds on a newer state); a clinician's
 * command never does (it was decided looking at the old one).
 */
export class ChangeParticipantRecord extends Command<ParticipantRecordChanged> {
  constructor(
    readonly command: ParticipantRecordCommand,
    readonly context: CommandContext,
    readonly retriesOnConflict = 0,
  ) {
    super();
  }
}
