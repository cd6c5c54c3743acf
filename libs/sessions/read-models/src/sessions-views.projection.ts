import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { Projection } from '@alongside/platform/projections';
import type { SessionsEventOf, SessionsEventType } from '@alongside/sessions/contracts';
import type { EntityManager } from 'typeorm';
import { AttendanceRow } from './attendance-row.entity';
import { GroupRow } from './group-row.entity';
import { MemberRow } from './member-row.entity';
import { SessionRow } from './session-row.entity';

export const SESSIONS_VIEWS = 'sessions-views';
export const SESSIONS_VIEW_ENTITIES = [GroupRow, MemberRow, SessionRow, AttendanceRow] as const;

type Apply<T extends SessionsEventType> = (event: SessionsEventOf<T>, siteId: string, tx: EntityManager) => Promise<void>;
type Appliers = { [T in SessionsEventType]?: Apply<T> };

const ATTENDED = ['present', 'late', 'left-early'];

const setMember = async (tx: EntityManager, siteId: string, groupId: string, participantId: string, status: MemberRow['status'], at: string, position: number | null = null) => {
  await tx.getRepository(MemberRow).upsert({ siteId, groupId, participantId, status, position, since: new Date(at) }, ['siteId', 'groupId', 'participantId']);
};

// Upserts and guarded updates: a batch applied twice leaves the same rows.
const appliers: Appliers = {
  GroupCreated: async ({ data }, siteId, tx) => {
    await tx.getRepository(GroupRow).upsert(
      {
        siteId,
        groupId: data.groupId,
        name: data.name,
        kind: data.kind,
        facilitatorKind: data.facilitator.kind,
        facilitatorId: data.facilitator.id,
        capacity: data.capacity,
        venue: data.venue,
        schedule: data.schedule,
        timeZone: data.timeZone,
        createdAt: new Date(data.createdAt),
      },
      ['siteId', 'groupId'],
    );
  },
  MemberEnrolled: ({ data }, siteId, tx) => setMember(tx, siteId, data.groupId, data.participantId, 'member', data.enrolledAt),
  MemberWaitlisted: ({ data }, siteId, tx) => setMember(tx, siteId, data.groupId, data.participantId, 'waitlisted', data.waitlistedAt, data.position),
  MemberPromoted: ({ data }, siteId, tx) => setMember(tx, siteId, data.groupId, data.participantId, 'member', data.promotedAt),
  MemberWithdrawn: ({ data }, siteId, tx) => setMember(tx, siteId, data.groupId, data.participantId, 'withdrawn', data.withdrawnAt),
  SessionScheduled: async ({ data }, siteId, tx) => {
    await tx.getRepository(SessionRow).upsert(
      {
        siteId,
        sessionId: data.sessionId,
        groupId: data.groupId,
        groupKind: data.groupKind,
        facilitatorId: data.facilitator.id,
        startsAt: new Date(data.startsAt),
        endsAt: new Date(data.endsAt),
        startsAtLocal: data.startsAt,
        localDate: data.localDate,
        status: 'scheduled',
        origin: data.origin,
      },
      ['siteId', 'sessionId'],
    );
  },
  SessionCancelled: async ({ data }, siteId, tx) => {
    await tx.getRepository(SessionRow).update({ siteId, sessionId: data.sessionId }, { status: 'cancelled', cancelReason: data.reason });
  },
  SessionHeld: async ({ data }, siteId, tx) => {
    await tx
      .getRepository(SessionRow)
      .update({ siteId, sessionId: data.sessionId }, { status: 'held', startedAt: new Date(data.startedAt), endedAt: new Date(data.endedAt), topic: data.topic });
  },
  AttendanceRecorded: async ({ data }, siteId, tx) => {
    const repository = tx.getRepository(AttendanceRow);
    const existed = await repository.existsBy({ siteId, sessionId: data.sessionId, participantId: data.participantId });
    await repository.upsert(
      {
        siteId,
        sessionId: data.sessionId,
        participantId: data.participantId,
        groupId: data.groupId,
        groupKind: data.groupKind,
        status: data.status,
        minutes: data.minutesAttended,
        localDate: data.localDate,
        groupNoteId: data.groupNoteId,
      },
      ['siteId', 'sessionId', 'participantId'],
    );
    if (existed) return;
    const column = ATTENDED.includes(data.status) ? 'attended' : 'notAttended';
    await tx.getRepository(SessionRow).increment({ siteId, sessionId: data.sessionId }, column, 1);
  },
  // Set, not incremented: the counts follow from the rows, so a batch applied twice counts once.
  AttendanceCorrected: async ({ data }, siteId, tx) => {
    await tx.getRepository(AttendanceRow).update({ siteId, sessionId: data.sessionId, participantId: data.participantId }, { status: data.status, minutes: data.minutesAttended });
    const rows = await tx.getRepository(AttendanceRow).findBy({ siteId, sessionId: data.sessionId });
    const attended = rows.filter((row) => ATTENDED.includes(row.status)).length;
    await tx.getRepository(SessionRow).update({ siteId, sessionId: data.sessionId }, { attended, notAttended: rows.length - attended });
  },
  UnitsCorrected: async ({ data }, siteId, tx) => {
    await tx
      .getRepository(AttendanceRow)
      .update(
        { siteId, sessionId: data.sessionId, participantId: data.participantId },
        { billingCode: data.code, units: data.units, uncappedUnits: data.uncappedUnits, payerRulesRef: data.payerRulesRef },
      );
  },
  UnitsComputed: async ({ data }, siteId, tx) => {
    await tx
      .getRepository(AttendanceRow)
      .update(
        { siteId, sessionId: data.sessionId, participantId: data.participantId },
        { billingCode: data.code, units: data.units, uncappedUnits: data.uncappedUnits, payerRulesRef: data.payerRulesRef },
      );
  },
};

/** Groups, members, sessions and attendance with units: what the sessions API reads. */
export const sessionsViewsProjection: Projection = {
  name: SESSIONS_VIEWS,
  version: 1,
  entities: [...SESSIONS_VIEW_ENTITIES],
  handles: Object.keys(appliers),
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      const apply = appliers[event.type as SessionsEventType] as Apply<SessionsEventType> | undefined;
      await apply?.(event as never, event.metadata.siteId, tx);
    }
  },
};
