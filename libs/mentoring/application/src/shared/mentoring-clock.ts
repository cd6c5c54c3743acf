/** The service's clock, injected so that tests (and the sweepers) decide what "now" is. */
export type MentoringClock = () => Date;
export const MENTORING_CLOCK = Symbol.for('alongside.mentoring.Clock');
export const systemClock: MentoringClock = () => new Date();
