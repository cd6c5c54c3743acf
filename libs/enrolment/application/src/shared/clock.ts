/** The clock of the service, injected so that tests can fix "now". Deciders never read it. */
export type Clock = () => Date;

export const ENROLMENT_CLOCK = Symbol.for('alongside.EnrolmentClock');
