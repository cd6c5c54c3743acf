import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A group as its pages show it (v1). */
@Entity({ name: 'sessions_group_v1' })
export class GroupRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'facilitator_kind', type: 'text' }) facilitatorKind!: string;
  @Column({ name: 'facilitator_id', type: 'uuid' }) facilitatorId!: string;
  @Column({ type: 'int' }) capacity!: number;
  @Column({ type: 'jsonb' }) venue!: unknown;
  @Column({ type: 'jsonb' }) schedule!: unknown;
  @Column({ name: 'time_zone', type: 'text' }) timeZone!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
