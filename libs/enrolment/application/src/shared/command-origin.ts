import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { accessOf, type SecuredRequest } from '@alongside/platform/security';
import { ALONGSIDE_EVENTS, type Actor, type SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import {
  commandContext as platformCommandContext,
  commandOriginOf,
  type CommandOrigin as RequestOrigin,
} from '@alongside/platform/service-runtime';
import { v5 as uuidv5 } from 'uuid';

/** Where a command came from, and who: enrolment's controllers take the actor with the origin. */
export type CommandOrigin = RequestOrigin & Readonly<{ actor: Actor }>;

/** `@Origin() origin: CommandOrigin` in a controller: reads `Idempotency-Key`, refuses a malformed one. */
export const Origin = createParamDecorator((_: unknown, context: ExecutionContext): CommandOrigin => {
  const request = context.switchToHttp().getRequest<SecuredRequest>();
  return { ...commandOriginOf(request), actor: accessOf(request).actor };
});

export const commandContext = (origin: CommandOrigin, siteId: SiteId, now: Date): CommandContext =>
  platformCommandContext(origin, siteId, origin.actor, now);

/**
 * The id of what a command creates (a participant, an episode, a consent…): derived from the
 * command id, so a retried request with the same Idempotency-Key names the same thing. Enrolment
 * prefixes the name and uses the events' namespace, as it did before the other services chose
 * namespaces of their own; changing it would rename what a retry of an older request creates.
 */
export const newIdFor = (origin: Pick<CommandOrigin, 'commandId'>, what: string): string =>
  uuidv5(`enrolment/${origin.commandId}/${what}`, ALONGSIDE_EVENTS);
