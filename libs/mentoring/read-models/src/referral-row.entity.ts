import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'mentoring_referral_v1' })
@Index(['siteId', 'participantId'])
export class ReferralRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'referral_id', type: 'uuid' }) referralId!: string;
  @Column({ name: 'match_id', type: 'uuid' }) matchId!: string;
  @Column({ name: 'mentor_id', type: 'uuid' }) mentorId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ type: 'text' }) category!: string;
  @Column({ name: 'resource_id', type: 'uuid', nullable: true }) resourceId!: string | null;
  @Column({ name: 'made_at', type: 'timestamptz' }) madeAt!: Date;
  @Column({ name: 'follow_up_due_at', type: 'timestamptz', nullable: true }) followUpDueAt!: Date | null;
  @Column({ name: 'last_followed_up_at', type: 'timestamptz', nullable: true }) lastFollowedUpAt!: Date | null;
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true }) outcomeAt!: Date | null;
}
