import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isDomainError, type DomainErrorKind } from '@alongside/platform/event-sourcing';
import { EventTooLarge } from '@alongside/platform/event-store';
import type { SecuredRequest } from '../authentication/secured-request';
import { CORRELATION_HEADER, correlationIdOf } from './correlation-id';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseOutage } from './database-outage';
import { InvalidInput } from './invalid-input';
import { PROBLEM_JSON, problemTitle, problemType, type ProblemDetails } from './problem-details';

const STATUS_OF: Readonly<Record<DomainErrorKind, number>> = { 'not-found': 404, conflict: 409, 'rule-violated': 422 };

const INTERNAL_DETAIL = 'Something went wrong on our side. It was logged with this correlation id.';

type Mapped = Readonly<{ status: number; detail?: string; errors?: ProblemDetails['errors']; retryAfterSeconds?: number }>;

const httpDetail = (exception: HttpException): string | undefined => {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
};

/** body-parser and other http-errors: a 4xx they mark as safe to show. */
const exposedClientError = (exception: unknown): Mapped | undefined => {
  const { status, expose, message } = (exception ?? {}) as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    return { status, detail: typeof message === 'string' ? message : undefined };
  }
  return undefined;
};

// The store's own message names the stream, which carries a participant id: the client gets the sizes only.
const tooLarge = ({ type, bytes, limit }: EventTooLarge): Mapped => ({
  status: 413,
  detail: `What this request would record (${type}) is ${bytes} bytes of JSON, over the limit of ${limit} bytes per event; nothing was recorded.`,
});

export const mapException = (exception: unknown): Mapped => {
  if (isDomainError(exception)) return { status: STATUS_OF[exception.kind], detail: exception.message };
  if (exception instanceof EventTooLarge) return tooLarge(exception);
  if (exception instanceof InvalidInput) return { status: 400, detail: httpDetail(exception), errors: exception.errors };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return { status, detail: INTERNAL_DETAIL };
    if (status === 429) return { status, detail: 'Too many requests. Wait a moment and try again.' };
    return { status, detail: httpDetail(exception) };
  }
  if (isDatabaseOutage(exception)) {
    return { status: 503, detail: 'The database cannot be reached just now. Nothing was recorded; retry with the same Idempotency-Key.', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS };
  }
  // Anything else may carry SQL, file paths or PII in its message: only the log sees it.
  return exposedClientError(exception) ?? { status: 500, detail: INTERNAL_DETAIL };
};

/** The one place where errors become RFC 9457 `application/problem+json` answers. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = this.adapterHost.httpAdapter;
    const request = host.switchToHttp().getRequest<SecuredRequest & { originalUrl?: string }>();
    const response = host.switchToHttp().getResponse<unknown>();
    const correlationId = correlationIdOf(request);
    const { status, detail, errors, retryAfterSeconds } = mapException(exception);

    // An outage is expected and says so; it is logged as a warning, without the stack.
    if (retryAfterSeconds !== undefined) {
      this.logger.warn(`Database unreachable, answered 503, correlation id ${correlationId}: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (status >= 500) {
      this.logger.error(`Unhandled error, correlation id ${correlationId}`, exception instanceof Error ? exception.stack : String(exception));
    }
    if (http.isHeadersSent(response)) return;

    const problem: ProblemDetails = {
      type: problemType(status),
      title: problemTitle(status),
      status,
      ...(detail !== undefined && { detail }),
      // The path only: a query string may carry a name or a date of birth.
      instance: (request.originalUrl ?? request.url).split('?')[0],
      correlationId,
      ...(errors !== undefined && { errors }),
    };
    http.setHeader(response, 'Content-Type', PROBLEM_JSON);
    http.setHeader(response, CORRELATION_HEADER, correlationId);
    if (status === 401) http.setHeader(response, 'WWW-Authenticate', 'Bearer realm="alongside"');
    if (retryAfterSeconds !== undefined) http.setHeader(response, 'Retry-After', String(retryAfterSeconds));
    http.reply(response, problem, status);
  }
}
