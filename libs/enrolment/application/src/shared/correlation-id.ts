import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { correlationIdOf, type SecuredRequest } from '@alongside/platform/security';

/** The request's correlation id, as logs, events and error answers carry it. */
export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  correlationIdOf(context.switchToHttp().getRequest<SecuredRequest>()),
);
