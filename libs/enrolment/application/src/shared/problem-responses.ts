import { commandResponses, queryResponses, type ServiceProblems } from '@alongside/platform/service-runtime';

/** What the enrolment service's problem+json answers say that another service's would not. */
const enrolment: ServiceProblems = {
  notFound: "Absent, or another site's",
  ruleRefused: 'An enrolment rule refused it; the detail says why, in words a clinician understands',
};

export const CommandResponses = () => commandResponses(enrolment);
export const QueryResponses = () => queryResponses(enrolment);
