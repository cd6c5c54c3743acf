import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Discharged episodes counted per cohort cell and discharge reason, kept as the episodes change:
 * the analysts' discharge-reasons table sums these (`CohortCellRow` for why a table of cells).
 */
@Entity({ name: 'outcome_cohort_discharge_v6' })
export class CohortDischargeRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'admission_month', type: 'text' }) admissionMonth!: string;
  @PrimaryColumn({ type: 'text' }) programme!: string;
  @PrimaryColumn({ name: 'level_of_care', type: 'text' }) levelOfCare!: string;
  @PrimaryColumn({ type: 'boolean' }) mentored!: boolean;
  /** '' for a discharge that gave no reason. */
  @PrimaryColumn({ name: 'discharge_reason', type: 'text' }) dischargeReason!: string;
  @Column({ type: 'int' }) episodes!: number;
}
