// What every local server handle says about itself, whoever provides the server.

/**
 * - `env`: an address given in the environment (DATABASE_URL, KAFKA_BROKERS); nothing is started.
 * - `reused`: already running on our port (an earlier `npm start`, CLI `start` or test run).
 * - `started`: this process started it, so this handle's `stop()` stops it.
 */
export type ServerOrigin = 'env' | 'reused' | 'started';

export type Log = (line: string) => void;

export const silent: Log = () => undefined;

export const elapsedSince = (startedAt: number): string => `${Date.now() - startedAt} ms`;
