import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@alongside/platform/event-store';
import type { AttendanceCorrected, CorrectionReason } from '@alongside/sessions/contracts';
import { sessionDecider, sessionStream, type AttendanceEntry } from '@alongside/sessions/domain';
import { AttendanceBilling, type StoredCorrection } from '../billing/attendance-billing';
import { SessionsLog } from '../shared/sessions-log';

/** Corrects one participant's entry in a session's attendance, with a reason; the entry as taken stays in the log. */
export class CorrectAttendance implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly sessionId: string,
    readonly entry: AttendanceEntry,
    readonly reason: CorrectionReason,
  ) {}
}

export type CorrectionOutcome = { revision: number; previous: AttendanceCorrected['data']['previous']; units: number };

@CommandHandler(CorrectAttendance)
export class CorrectAttendanceHandler implements ICommandHandler<CorrectAttendance, CorrectionOutcome> {
  constructor(
    private readonly log: SessionsLog,
    private readonly billing: AttendanceBilling,
  ) {}

  async execute({ context, sessionId, entry, reason }: CorrectAttendance): Promise<CorrectionOutcome> {
    const result = await this.log.handle(sessionStream(context.siteId, sessionId), sessionDecider, { type: 'CorrectAttendance', data: { ...entry, reason, at: context.occurredAt } }, context);
    const [corrected] = result.events as unknown as readonly StoredCorrection[];
    // Billed here for the answer; the BillableUnitsReactor bills it from the log should this process die first.
    return { revision: corrected.data.revision, previous: corrected.data.previous, units: await this.billing.billCorrection(corrected) };
  }
}
