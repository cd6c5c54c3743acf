import { siteId, type Event } from '@alongside/platform/event-sourcing';
import type { CommandContext } from '@alongside/platform/event-store';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';

/**
 * The context of a command a consumer gives for an event it heard. The command id is the event's
 * (with `part` when one event leads to several commands), so the event ids derived from it are the
 * same on every redelivery and the store turns a repeat into a no-op; the event is its cause, its
 * site and time are the command's, and the consumer acts as a system actor.
 */
export const heardEventContext = (
  event: ConsumedEvent<Event>,
  consumer: string,
  part?: string,
): CommandContext => ({
  commandId: part ? `${event.id}/${part}` : event.id,
  correlationId: event.metadata.correlationId,
  causationId: event.id,
  siteId: siteId(event.metadata.siteId),
  actor: { sub: consumer, role: 'system' },
  occurredAt: event.metadata.occurredAt,
});
