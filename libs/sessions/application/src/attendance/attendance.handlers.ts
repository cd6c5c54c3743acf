import { CommandHandler, QueryHandler, type ICommand, type ICommandHandler, type IQuery, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import { NotFoundHere, PiiVault } from '@alongside/platform/security';
import { sessionDecider, sessionStream, type AttendanceEntry } from '@alongside/sessions/domain';
import type { Repository } from 'typeorm';
import { AttendanceBilling, type StoredAttendance } from '../billing/attendance-billing';
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
    private readonly billing: AttendanceBilling,
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
    const recorded = result.events as unknown as readonly StoredAttendance[];
    // Written after the decision: a note is never kept for an attendance the rules refused.
    if (note !== null && recorded.length > 0) {
      const sealed = await this.vault.encryptFields(sessionId, context.siteId, { text: note.text }, ['text']);
      await this.notes.upsert(
        { siteId: context.siteId, noteId: note.noteId, sessionId, sealed: sealed.text, writtenBy: context.actor.sub, writtenAt: new Date(context.occurredAt) },
        ['siteId', 'noteId'],
      );
    }
    return { recorded: recorded.length, groupNoteId: recorded[0]?.data.groupNoteId ?? null, units: await this.billAll(recorded) };
  }

  /**
   * Billed here too, so the facilitator sees the units at once. Should this process die before or
   * during it, the BillableUnitsReactor bills the same attendances from the log, with the same ids.
   */
  private async billAll(recorded: readonly StoredAttendance[]): Promise<Record<string, number>> {
    const units: Record<string, number> = {};
    for (const attendance of recorded) units[attendance.data.participantId] = await this.billing.bill(attendance);
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
