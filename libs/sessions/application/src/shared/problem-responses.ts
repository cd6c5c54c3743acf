import { commandResponses, queryResponses, type ServiceProblems } from '@alongside/platform/service-runtime';

/** What the sessions service's problem+json answers say that another service's would not. */
const sessions: ServiceProblems = {
  notFound: "Absent, or another site's",
  ruleRefused: 'A sessions rule refused it; the detail says why',
};

export const CommandResponses = () => commandResponses(sessions);
export const QueryResponses = () => queryResponses(sessions);
