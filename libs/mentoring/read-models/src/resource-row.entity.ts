import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The site's directory of community resources (reference data kept as events). */
@Entity({ name: 'mentoring_resource_v1' })
export class ResourceRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'resource_id', type: 'uuid' }) resourceId!: string;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) fellowship!: string | null;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) contact!: string;
  @Column({ type: 'boolean', default: false }) withdrawn!: boolean;
  @Column({ name: 'listed_at', type: 'timestamptz' }) listedAt!: Date;
}
