import { randomUUID } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { accessOf, correlationIdOf, type SecuredRequest } from '@alongside/platform/security';
import { ALONGSIDE_EVENTS, type Actor, type SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import { v5 as uuidv5 } from 'uuid';

/** Where a command came from: its idempotency key (or a fresh id), the request's correlation id, who. */
export type CommandOrigin = Readonly<{ commandId: string; correlationId: string; actor: Actor }>;

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** `@Origin() origin: CommandOrigin` in a controller: reads `Idempotency-Key`, refuses a malformed one. */
export const Origin = createParamDecorator((_: unknown, context: ExecutionContext): CommandOrigin => {
  const request = context.switchToHttp().getRequest<SecuredRequest>();
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !KEY.test(key))) {
    throw new BadRequestException('Idempotency-Key must be 8 to 128 letters, digits or . _ : -');
  }
  return { commandId: key ?? randomUUID(), correlationId: correlationIdOf(request), actor: accessOf(request).actor };
});

export const commandContext = (origin: CommandOrigin, siteId: SiteId, now: Date): CommandContext => ({
  commandId: origin.commandId,
  correlationId: origin.correlationId,
  siteId,
  actor: origin.actor,
  occurredAt: now.toISOString(),
});

/**
 * The id of what a command creates (a participant, an episode, a consent…): derived from the
 * command id, so a retried request with the same Idempotency-Key names the same thing.
 */
export const newIdFor = (origin: Pick<CommandOrigin, 'commandId'>, what: string): string =>
  uuidv5(`enrolment/${origin.commandId}/${what}`, ALONGSIDE_EVENTS);
