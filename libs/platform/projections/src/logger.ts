import pino from 'pino';

/** The part of pino the runner uses; a Nest app passes its own. */
export type Logger = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'debug'>;

export const defaultLogger = (name: string): Logger => pino({ name, level: process.env.LOG_LEVEL ?? 'info' });
