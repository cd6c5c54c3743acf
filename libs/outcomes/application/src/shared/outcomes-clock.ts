/** The service's clock, injected so that tests decide what "now" is. */
export type OutcomesClock = () => Date;
export const OUTCOMES_CLOCK = Symbol.for('alongside.outcomes.Clock');
export const systemClock: OutcomesClock = () => new Date();
