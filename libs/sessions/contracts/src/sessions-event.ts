import type { BillingEvent } from './events/billing-events';
import type { GroupEvent } from './events/group-events';
import type { FacilitatorEvent, SiteEvent } from './events/heard-events';
import type { SessionEvent } from './events/session-events';

/** Every event on `alongside.sessions.events`, latest shape. */
export type SessionsEvent = GroupEvent | SessionEvent | BillingEvent | SiteEvent | FacilitatorEvent;
export type SessionsEventType = SessionsEvent['type'];
export type SessionsEventOf<T extends SessionsEventType> = Extract<SessionsEvent, { type: T }>;
