import { Command } from '@nestjs/cqrs';
import type { CheckInEvent } from '@alongside/outcomes/contracts';
import type { CheckInLogCommand } from '@alongside/outcomes/domain';
import type { CommandContext } from '@alongside/platform/event-store';

export type CheckInLogChanged = Readonly<{ events: readonly CheckInEvent[]; appended: boolean }>;

/** A participant's own entry in their companion log (a check-in, or a request for contact). */
export class ChangeCheckInLog extends Command<CheckInLogChanged> {
  constructor(
    readonly command: CheckInLogCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}
