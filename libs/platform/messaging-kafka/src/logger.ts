import pino from 'pino';

/** The part of pino the relay and consumers use; a Nest app passes its own (nestjs-pino) logger. */
export type Logger = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'debug'>;

export const defaultLogger = (name: string): Logger => pino({ name, level: process.env.LOG_LEVEL ?? 'info' });
