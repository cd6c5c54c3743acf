import { Injectable } from '@nestjs/common';
import type { EventMetadata } from '@alongside/platform/event-sourcing';
import type { AttendanceRecorded } from '@alongside/sessions/contracts';
import { billingDayDecider, billingDayStream, payerRuleSetOf } from '@alongside/sessions/domain';
import { SessionPlanning } from '../shared/session-planning';
import { SessionsLog } from '../shared/sessions-log';

/** An attendance as stored: its id is what makes billing it idempotent. */
export type StoredAttendance = Readonly<{ id: string; data: AttendanceRecorded['data']; metadata: EventMetadata }>;

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
  async bill({ id, data, metadata }: StoredAttendance): Promise<number> {
    const ruleSet = payerRuleSetOf((await this.planning.settingsOf(metadata.siteId))?.payerRulesRef);
    const rule = ruleSet.rules[data.groupKind];
    if (rule === undefined || data.minutesAttended === 0) return 0;
    const result = await this.log.handle(
      billingDayStream(metadata.siteId, data.participantId, data.localDate, rule.code),
      billingDayDecider,
      {
        type: 'ComputeUnits',
        data: { participantId: data.participantId, sessionId: data.sessionId, groupId: data.groupId, serviceDate: data.localDate, minutes: data.minutesAttended, rule, payerRulesRef: ruleSet.ref, at: metadata.occurredAt },
      },
      { commandId: `${id}/units`, siteId: metadata.siteId, correlationId: metadata.correlationId, causationId: id, actor: metadata.actor, occurredAt: metadata.occurredAt },
      // Other sessions of the same day may append concurrently; the decision stays right on a newer day.
      3,
    );
    return result.state.unitsBySession[data.sessionId] ?? 0;
  }
}
