import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import type { Actor, SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import { correlationIdOf, InvalidInput, type SecuredRequest } from '@alongside/platform/security';

/** Where a command came from: its idempotency key (or a fresh id) and the request's correlation id. */
export type CommandOrigin = Readonly<{ commandId: string; correlationId: string }>;

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** Reads `Idempotency-Key`; a malformed one (or one sent twice) is a 400 naming the header. */
export const commandOriginOf = (request: SecuredRequest): CommandOrigin => {
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !KEY.test(key))) {
    throw new InvalidInput([
      {
        field: 'Idempotency-Key',
        rule: 'isIdempotencyKey',
        message: 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -',
      },
    ]);
  }
  return { commandId: key ?? randomUUID(), correlationId: correlationIdOf(request) };
};

/** `@CommandOriginOf() origin: CommandOrigin` in a controller. */
export const CommandOriginOf = createParamDecorator((_: unknown, context: ExecutionContext): CommandOrigin =>
  commandOriginOf(context.switchToHttp().getRequest<SecuredRequest>()),
);

export const commandContext = (
  origin: CommandOrigin,
  siteId: SiteId,
  actor: Actor,
  now: Date,
): CommandContext => ({
  commandId: origin.commandId,
  correlationId: origin.correlationId,
  siteId,
  actor,
  occurredAt: now.toISOString(),
});

/**
 * Ids for what a service's commands create, derived from the command id in the service's own
 * namespace: a retried request with the same Idempotency-Key names the same thing.
 */
export const newIdsIn =
  (namespace: string) =>
  (origin: Pick<CommandOrigin, 'commandId'>, what: string): string =>
    uuidv5(`${origin.commandId}/${what}`, namespace);
