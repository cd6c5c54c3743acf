/** The service's clock, injected so that tests decide what "now" is. */
export type SessionsClock = () => Date;
export const SESSIONS_CLOCK = Symbol.for('alongside.sessions.Clock');
export const systemClock: SessionsClock = () => new Date();
