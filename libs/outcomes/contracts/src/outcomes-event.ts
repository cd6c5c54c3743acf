import type { AssessmentEvent } from './events/assessment-events';
import type { CareEvent } from './events/care-events';
import type { HeardEvent } from './events/heard-events';
import type { SiteEvent } from './events/site-events';
import type { SubstanceUseEvent } from './events/substance-use-events';

/** Every event in the outcomes log (and on `alongside.outcomes.events`), latest shape. */
export type OutcomesEvent = AssessmentEvent | SubstanceUseEvent | CareEvent | HeardEvent | SiteEvent;

export type OutcomesEventType = OutcomesEvent['type'];

export type OutcomesEventOf<T extends OutcomesEventType> = Extract<OutcomesEvent, { type: T }>;

/** The participant record's events (everything but the site policy). */
export type ParticipantRecordEvent = Exclude<OutcomesEvent, SiteEvent>;
