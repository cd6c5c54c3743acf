import type { CohortDimension } from '@alongside/outcomes/contracts';

/** The SQL expression (over episode rows `e`) that puts an episode in its cohort. */
export const cohortColumn: Readonly<Record<CohortDimension, string>> = {
  site: 'e.site_id',
  admissionMonth: 'e.admission_month',
  programme: 'e.programme',
  levelOfCare: 'e.level_of_care',
  mentored: "case when e.mentored then 'mentored' else 'not-mentored' end",
};
