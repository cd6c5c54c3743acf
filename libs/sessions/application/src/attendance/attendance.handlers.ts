import { CommandHandler, QueryHandler, type ICommand, type ICommandHandler, type IQuery, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import { NotFoundHere, PiiVault } from '@alongside/platform/security';
import type { AttendanceRecorded } from '@alongside/sessions/contracts';
import { billingDayDecider, billingDayStream, payerRuleSetOf, sessionDecider, sessionStream, type AttendanceEntry } from '@alongside/sessions/domain';
import type { Repository } from 'typeorm';
import { SessionPlanning } from '../shared/session-planning';
import { SessionsLog } from '../shared/sessions-log';
import { GroupNote } from './group-note.entity';

export class RecordAttendance implements ICommand {
  constructor(
    readonly context: CommandContext,
    readonly sessionId: string,
    readonly entries: readonly AttendanceEntry[],
    readonly note: { noteId: string; text: string } | null,
  ) {}
}

export type AttendanceOutcome = { recorded: number; groupNoteId: string | null; units: Record<string, number> };

@CommandHandler(RecordAttendance)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendance, AttendanceOutcome> {
  constructor(
    private readonly log: SessionsLog,
    private readonly planning: SessionPlanning,
    private readonly vault: PiiVault,
    @InjectRepository(GroupNote) private readonly notes: Repository<GroupNote>,
  ) {}

  async execute({ context, sessionId, entries, note }: RecordAttendance): Promise<AttendanceOutcome> {
    const stream = sessionStream(context.siteId, sessionId);
    const session = await this.log.load(stream, sessionDecider);
    const roster = session.status === 'none' ? [] : (await this.planning.openGroup(context.siteId, session.groupId)).members;
    const result = await this.log.handle(
      stream,
      sessionDecider,
      { type: 'RecordAttendance', data: { entries, roster, groupNoteId: note?.noteId ?? null, at: context.occurredAt } },
      context,
    );
    const recorded = result.events as unknown as readonly (AttendanceRecorded & { id: string })[];
    // Written after the decision: a note is never kept for an attendance the rules refused.
    if (note !== null && recorded.length > 0) {
      const sealed = await this.vault.encryptFields(sessionId, context.siteId, { text: note.text }, ['text']);
      await this.notes.upsert(
        { siteId: context.siteId, noteId: note.noteId, sessionId, sealed: sealed.text, writtenBy: context.actor.sub, writtenAt: new Date(context.occurredAt) },
        ['siteId', 'noteId'],
      );
    }
    return { recorded: recorded.length, groupNoteId: recorded[0]?.data.groupNoteId ?? null, units: await this.computeUnits(context, recorded) };
  }

  /** One billing-day stream per participant, day and code holds the payer's daily maximum. */
  private async computeUnits(context: CommandContext, recorded: readonly (AttendanceRecorded & { id: string })[]): Promise<Record<string, number>> {
    const settings = await this.planning.settingsOf(context.siteId);
    const ruleSet = payerRuleSetOf(settings?.payerRulesRef);
    const units: Record<string, number> = {};
    for (const { id, data } of recorded) {
      units[data.participantId] = 0;
      const rule = ruleSet.rules[data.groupKind];
      if (rule === undefined || data.minutesAttended === 0) continue;
      const result = await this.log.handle(
        billingDayStream(context.siteId, data.participantId, data.localDate, rule.code),
        billingDayDecider,
        {
          type: 'ComputeUnits',
          data: { participantId: data.participantId, sessionId: data.sessionId, groupId: data.groupId, serviceDate: data.localDate, minutes: data.minutesAttended, rule, payerRulesRef: ruleSet.ref, at: context.occurredAt },
        },
        // Derived from the attendance event, so a retried request computes nothing twice; other
        // sessions of the same day may append concurrently, and the decision stays right on retry.
        { ...context, commandId: `${id}/units`, causationId: id },
        3,
      );
      units[data.participantId] = result.events.find((e) => e.data.sessionId === data.sessionId)?.data.units ?? 0;
    }
    return units;
  }
}

export class ReadGroupNote implements IQuery {
  constructor(
    readonly siteId: SiteId,
    readonly sessionId: string,
  ) {}
}

@QueryHandler(ReadGroupNote)
export class ReadGroupNoteHandler implements IQueryHandler<ReadGroupNote> {
  constructor(
    private readonly vault: PiiVault,
    @InjectRepository(GroupNote) private readonly notes: Repository<GroupNote>,
  ) {}

  async execute({ siteId, sessionId }: ReadGroupNote) {
    const note = await this.notes.findOneBy({ siteId, sessionId });
    if (!note) throw new NotFoundHere();
    const open = await this.vault.decryptFields(sessionId, { text: note.sealed }, ['text']);
    return { noteId: note.noteId, sessionId, text: typeof open.text === 'string' ? open.text : null, writtenAt: note.writtenAt.toISOString() };
  }
}
