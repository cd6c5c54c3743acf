import { randomUUID } from 'node:crypto';
import type { SecuredRequest } from '../authentication/secured-request';

export const CORRELATION_HEADER = 'x-correlation-id';

// A caller's id is echoed into logs and events: accept only short, plain tokens.
const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's correlation id: pino-http's request id when the service runtime set one (so logs,
 * events and error answers agree), else the caller's `X-Correlation-Id` when well-formed, else a new
 * UUID. Computed once and kept on the request.
 */
export const correlationIdOf = (request: SecuredRequest): string => {
  if (request.correlationId) return request.correlationId;
  const header = request.headers[CORRELATION_HEADER];
  const candidate = typeof request.id === 'string' ? request.id : typeof header === 'string' ? header : undefined;
  request.correlationId = candidate !== undefined && SAFE.test(candidate) ? candidate : randomUUID();
  return request.correlationId;
};
