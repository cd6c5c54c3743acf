import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, SiteId } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';

/** Where a command came from: its idempotency key (or a fresh id) and the request's correlation id. */
export type CommandOrigin = Readonly<{ commandId: string; correlationId: string }>;

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export const CommandOriginOf = createParamDecorator((_: unknown, context: ExecutionContext): CommandOrigin => {
  const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; id?: string }>();
  const key = request.headers['idempotency-key'];
  if (key !== undefined && !KEY.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 8 to 128 letters, digits or . _ : -');
  }
  const correlationId = request.headers['x-correlation-id'] ?? (typeof request.id === 'string' ? request.id : randomUUID());
  return { commandId: key ?? randomUUID(), correlationId };
});

export const commandContext = (origin: CommandOrigin, siteId: SiteId, actor: Actor, now: Date): CommandContext => ({
  commandId: origin.commandId,
  correlationId: origin.correlationId,
  siteId,
  actor,
  occurredAt: now.toISOString(),
});

const NEW_IDS = '3c9e1f70-52a4-5b8d-9e61-7a0f2d4c8b19';

/** The id of what a command creates: derived from the command id, so a retried request names the same thing. */
export const newIdFor = (origin: CommandOrigin, what: string): string => uuidv5(`${origin.commandId}/${what}`, NEW_IDS);
