/** The bounded context: the first part of every stream name of this service and of its topic. */
export const ENROLMENT_CONTEXT = 'enrolment';

/** Where the relay publishes every published enrolment event; key = stream id, so one participant's events stay in order. */
export const ENROLMENT_EVENTS_TOPIC = 'alongside.enrolment.events';
