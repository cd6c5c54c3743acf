import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A mentor–participant match as heard from mentoring: caseloads count the open ones. */
@Entity({ name: 'outcome_mentor_match_v6' })
export class MentorMatchRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'match_id', type: 'uuid' }) matchId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ name: 'mentor_id', type: 'uuid' }) mentorId!: string;
  @Column({ name: 'matched_at', type: 'timestamptz' }) matchedAt!: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}
