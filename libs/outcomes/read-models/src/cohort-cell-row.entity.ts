import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The episodes of a site counted per cohort cell (admission month, programme, level of care,
 * mentored), kept as the episodes change: the analyst measures sum these cells instead of every
 * episode of the network (345k episodes at 11M events against 9,600 cells; at most 100 sites × 12
 * months × the programmes × the levels of care × 2 a year, however many people). Each column is a
 * sum over the cell's episodes from which the measures follow for any day they are asked on
 * (`analytics/cohort-source`). A cell whose last episode moves away is deleted, so no cohort of
 * nobody is ever listed.
 */
@Entity({ name: 'outcome_cohort_cell_v6' })
export class CohortCellRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'admission_month', type: 'text' }) admissionMonth!: string;
  @PrimaryColumn({ type: 'text' }) programme!: string;
  @PrimaryColumn({ name: 'level_of_care', type: 'text' }) levelOfCare!: string;
  @PrimaryColumn({ type: 'boolean' }) mentored!: boolean;
  @Column({ type: 'int' }) episodes!: number;
  /** Episodes not discharged. */
  @Column({ type: 'int' }) active!: number;
  /** Episodes discharged as completed. */
  @Column({ type: 'int' }) completed!: number;
  /** Episodes still active or that stayed 90 days or more: retained at 90 days once eligible. */
  @Column({ type: 'int' }) stayed90!: number;
  /** Σ (discharged on − admitted on + 1) over discharged episodes: their participant-days. */
  @Column({ name: 'stay_days', type: 'bigint' }) stayDays!: string;
  /** Σ admitted on (days since 1970-01-01) over active episodes: their participant-days on day D are active × (D + 1) − this. */
  @Column({ name: 'admitted_days', type: 'bigint' }) admittedDays!: string;
  @Column({ type: 'int' }) relapses!: number;
  @Column({ type: 'int' }) lapses!: number;
  @Column({ type: 'int' }) screens!: number;
  @Column({ name: 'positive_screens', type: 'int' }) positiveScreens!: number;
}
