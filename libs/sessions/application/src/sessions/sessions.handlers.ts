import { CommandHandler, type ICommand, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@alongside/platform/event-store';
import type { CancellationReason } from '@alongside/sessions/contracts';
import { inZone, localDateOf, PeerNotCertified, scheduledSessionId, sessionDecider, sessionStream, validTime, weeklyOccurrences } from '@alongside/sessions/domain';
import { DateTime } from 'luxon';
import { SessionPlanning } from '../shared/session-planning';
import { SessionsLog } from '../shared/sessions-log';

export type SessionsScheduled = { sessionIds: string[]; scheduled: number; refused: { startsAt: string; reason: string }[] };

/** Materialises the group's schedule for `weeks` weeks from `from`; run again, it schedules only what is missing. */
export class ScheduleSessions implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly groupId: string,
    readonly from: string,
    readonly weeks: number,
  ) {}
}

@CommandHandler(ScheduleSessions)
export class ScheduleSessionsHandler implements ICommandHandler<ScheduleSessions, SessionsScheduled> {
  constructor(
    private readonly log: SessionsLog,
    private readonly planning: SessionPlanning,
  ) {}

  async execute({ context, groupId, from, weeks }: ScheduleSessions): Promise<SessionsScheduled> {
    const group = await this.planning.openGroup(context.siteId, groupId);
    const peerRecord = await this.planning.peerRecordOf(context.siteId, group.facilitator);
    const outcome: SessionsScheduled = { sessionIds: [], scheduled: 0, refused: [] };
    for (const occurrence of weeklyOccurrences(group.schedule, group.timeZone, from, weeks)) {
      const sessionId = scheduledSessionId(groupId, occurrence.localStart);
      const { localStart: _, ...when } = occurrence;
      try {
        const result = await this.log.handle(
          sessionStream(context.siteId, sessionId),
          sessionDecider,
          {
            type: 'ScheduleSession',
            data: { sessionId, groupId, groupKind: group.kind, facilitator: group.facilitator, ...when, timeZone: group.timeZone, origin: 'schedule', peerRecord, at: context.occurredAt },
          },
          // Keyed by the session, not the request: two requests materialising the same week agree.
          { ...context, commandId: `schedule/${sessionId}` },
        );
        outcome.sessionIds.push(sessionId);
        if (result.appended) outcome.scheduled++;
      } catch (error) {
        // One date without a certified facilitator does not stop the weeks around it.
        if (!(error instanceof PeerNotCertified)) throw error;
        outcome.refused.push({ startsAt: occurrence.startsAt, reason: error.message });
      }
    }
    return outcome;
  }
}

export class ScheduleAdHocSession implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly groupId: string,
    readonly sessionId: string,
    readonly startsAt: string,
    readonly durationMinutes: number,
  ) {}
}

@CommandHandler(ScheduleAdHocSession)
export class ScheduleAdHocSessionHandler implements ICommandHandler<ScheduleAdHocSession, string[]> {
  constructor(
    private readonly log: SessionsLog,
    private readonly planning: SessionPlanning,
  ) {}

  async execute({ context, groupId, sessionId, startsAt, durationMinutes }: ScheduleAdHocSession): Promise<string[]> {
    const group = await this.planning.openGroup(context.siteId, groupId);
    const peerRecord = await this.planning.peerRecordOf(context.siteId, group.facilitator);
    const start = inZone(startsAt, group.timeZone);
    const end = validTime(DateTime.fromISO(start, { setZone: true }).plus({ minutes: durationMinutes }).toISO({ suppressMilliseconds: true }), `${durationMinutes} minutes after ${start}`);
    const result = await this.log.handle(
      sessionStream(context.siteId, sessionId),
      sessionDecider,
      {
        type: 'ScheduleSession',
        data: {
          sessionId,
          groupId,
          groupKind: group.kind,
          facilitator: group.facilitator,
          startsAt: start,
          endsAt: end,
          localDate: localDateOf(start, group.timeZone),
          timeZone: group.timeZone,
          origin: 'ad-hoc',
          peerRecord,
          at: context.occurredAt,
        },
      },
      context,
    );
    return result.events.map((e) => e.type);
  }
}

export class ChangeSession implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly sessionId: string,
    readonly change: { type: 'CancelSession'; reason: CancellationReason } | { type: 'MarkSessionHeld'; startedAt: string; endedAt: string; topic: string },
  ) {}
}

@CommandHandler(ChangeSession)
export class ChangeSessionHandler implements ICommandHandler<ChangeSession, string[]> {
  constructor(private readonly log: SessionsLog) {}

  async execute({ context, sessionId, change }: ChangeSession): Promise<string[]> {
    const { type, ...data } = change;
    const command =
      type === 'CancelSession'
        ? { type, data: { reason: (data as { reason: CancellationReason }).reason, at: context.occurredAt } }
        : { type, data: { ...(data as { startedAt: string; endedAt: string; topic: string }), at: context.occurredAt } };
    const result = await this.log.handle(sessionStream(context.siteId, sessionId), sessionDecider, command, context);
    return result.events.map((e) => e.type);
  }
}
