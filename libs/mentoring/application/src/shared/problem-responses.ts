import { commandResponses, queryResponses, type ServiceProblems } from '@alongside/platform/service-runtime';

/** What the mentoring service's problem+json answers say that another service's would not. */
const mentoring: ServiceProblems = {
  notFound: "Absent, or another site's, or outside the mentor's caseload",
  ruleRefused: 'A mentoring rule refused it; the detail says why',
};

export const CommandResponses = () => commandResponses(mentoring);
export const QueryResponses = () => queryResponses(mentoring);
