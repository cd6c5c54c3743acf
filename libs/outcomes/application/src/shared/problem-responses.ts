import { commandResponses, queryResponses, type ServiceProblems } from '@alongside/platform/service-runtime';

/** What the outcomes service's problem+json answers say that another service's would not. */
const outcomes: ServiceProblems = {
  notFound: "No admission of this participant at this site (absent, or another site's)",
  queryNotFound: "Another site's, or not one of the token's sites",
  ruleRefused: 'A clinical rule refused it; the detail says why',
};

export const CommandResponses = () => commandResponses(outcomes);
export const QueryResponses = () => queryResponses(outcomes);
