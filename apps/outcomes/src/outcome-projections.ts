import { outcomeViewsProjection } from '@alongside/outcomes/read-models';
import { InProcessProjections, inProcessProjections } from '@alongside/platform/service-runtime';

/** The outcome views, kept from outcomes' own log in-process (ROLE=all|projections). */
export const outcomeProjections = inProcessProjections([outcomeViewsProjection]);

/** Its token by name, for what waits on the runner (bench/scale: `app.get(OutcomeProjections).runner`). */
export const OutcomeProjections = InProcessProjections;
