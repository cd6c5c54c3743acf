import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import { tableOf, versionedTable, type Projection } from '@alongside/platform/projections';
import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';

/** A simple read model of the bench events: minutes and sessions per participant. */
@Entity(versionedTable('attendance_by_participant', 1))
export class AttendanceByParticipantV1 {
  @PrimaryColumn('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text', { name: 'site_id' }) siteId!: string;
  @Column('int') sessions!: number;
  @Column('int') minutes!: number;
  @Column('bigint', { name: 'last_position' }) lastPosition!: string;
}

type Attendance = { site: string; sessions: number; minutes: number; last: bigint };

/** Folds the batch in memory first: one row per participant per batch, as a real rebuild would. */
const attendanceIn = (events: readonly RecordedEvent[]): Map<string, Attendance> => {
  const byParticipant = new Map<string, Attendance>();
  for (const event of events) {
    const { participantId, minutesAttended } = event.data as { participantId: string; minutesAttended: number };
    const seen = byParticipant.get(participantId);
    if (seen) {
      seen.sessions++;
      seen.minutes += minutesAttended;
      seen.last = event.globalPosition;
    } else {
      byParticipant.set(participantId, { site: event.metadata.siteId, sessions: 1, minutes: minutesAttended, last: event.globalPosition });
    }
  }
  return byParticipant;
};

export const attendanceProjection: Projection = {
  name: 'attendance-by-participant',
  version: 1,
  entities: [AttendanceByParticipantV1],
  handles: ['AttendanceRecorded'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    const rows = [...attendanceIn(events)];
    // The position guard makes a replayed batch a no-op.
    await tx.query(
      `insert into ${tableOf(tx, AttendanceByParticipantV1)} as t (participant_id, site_id, sessions, minutes, last_position)
       select * from unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::bigint[])
       on conflict (participant_id) do update
         set sessions = t.sessions + excluded.sessions, minutes = t.minutes + excluded.minutes, last_position = excluded.last_position
         where t.last_position < excluded.last_position`,
      [
        rows.map(([id]) => id),
        rows.map(([, a]) => a.site),
        rows.map(([, a]) => a.sessions),
        rows.map(([, a]) => a.minutes),
        rows.map(([, a]) => a.last.toString()),
      ],
    );
  },
};
