import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { logRedactPaths } from '@alongside/platform/security';
import type { ServiceConfig } from '../config/service-config';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * JSON logs, one line per request, with the correlation id a caller sent (or a new one, echoed
 * back) so that the on-call engineer can follow one fact from HTTP to Kafka to the dashboard.
 * Tokens and PII fields are redacted before anything is written.
 */
export const serviceLoggerModule = (config: ServiceConfig) =>
  LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      base: { service: config.context },
      redact: { paths: [...logRedactPaths], censor: '[redacted]' },
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const sent = request.headers[CORRELATION_HEADER];
        const id = typeof sent === 'string' && /^[\w-]{8,64}$/.test(sent) ? sent : randomUUID();
        response.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      customProps: (request: IncomingMessage) => ({
        correlationId: (request as IncomingMessage & { id?: string }).id,
        siteId: (request as IncomingMessage & { params?: Record<string, string> }).params?.siteId,
      }),
      autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false },
    },
  });
