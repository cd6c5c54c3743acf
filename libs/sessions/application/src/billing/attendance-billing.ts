import { Injectable } from '@nestjs/common';
import type { EventMetadata } from '@alongside/platform/event-sourcing';
import type { AttendanceCorrected, AttendanceRecorded } from '@alongside/sessions/contracts';
import { billingDayDecider, billingDayStream, payerRuleSetOf, type BillingCommand } from '@alongside/sessions/domain';
import { SessionPlanning } from '../shared/session-planning';
import { SessionsLog } from '../shared/sessions-log';

/** An attendance as stored: its id is what makes billing it idempotent. */
export type StoredAttendance = Readonly<{ id: string; data: AttendanceRecorded['data']; metadata: EventMetadata }>;
export type StoredCorrection = Readonly<{ id: string; data: AttendanceCorrected['data']; metadata: EventMetadata }>;

/**
 * Turns one stored attendance into its UnitsComputed, on the billing-day stream that holds the
 * payer's daily maximum. Everything about the units derives from the attendance event (the command
 * id from its id, the time and actor from its metadata), so whoever bills it — the request that
 * recorded it, or the reactor after a crash — writes the same event once, and a repeat writes nothing.
 */
@Injectable()
export class AttendanceBilling {
  constructor(
    private readonly log: SessionsLog,
    private readonly planning: SessionPlanning,
  ) {}

  /** The units this attendance was billed (0 when its kind of group or its minutes bill nothing). */
  bill(attendance: StoredAttendance): Promise<number> {
    return this.billAs(attendance, attendance.data.minutesAttended, null);
  }

  /** The units of the corrected entry; an older correction than the one already billed changes nothing. */
  billCorrection(correction: StoredCorrection): Promise<number> {
    return this.billAs(correction, correction.data.minutesAttended, correction.data.revision);
  }

  private async billAs({ id, data, metadata }: StoredAttendance | StoredCorrection, minutes: number, revision: number | null): Promise<number> {
    const ruleSet = payerRuleSetOf((await this.planning.settingsOf(metadata.siteId))?.payerRulesRef);
    const rule = ruleSet.rules[data.groupKind];
    // A correction to no minutes still bills: it takes back what the entry had.
    if (rule === undefined || (revision === null && minutes === 0)) return 0;
    const attendance = { participantId: data.participantId, sessionId: data.sessionId, groupId: data.groupId, serviceDate: data.localDate, minutes, rule, payerRulesRef: ruleSet.ref, at: metadata.occurredAt };
    const command: BillingCommand = revision === null ? { type: 'ComputeUnits', data: attendance } : { type: 'CorrectUnits', data: { ...attendance, revision } };
    const result = await this.log.handle(
      billingDayStream(metadata.siteId, data.participantId, data.localDate, rule.code),
      billingDayDecider,
      command,
      { commandId: `${id}/units`, siteId: metadata.siteId, correlationId: metadata.correlationId, causationId: id, actor: metadata.actor, occurredAt: metadata.occurredAt },
      // Other sessions of the same day may append concurrently; the decision stays right on a newer day.
      3,
    );
    return result.state.bySession[data.sessionId]?.units ?? 0;
  }
}
