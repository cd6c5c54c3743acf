import type { RecordedEvent, UpcasterRegistry } from '@alongside/platform/event-sourcing';

/**
 * Lifts a stored event to the latest shape of its type, so that `evolve` and consumers only ever
 * see one shape. The metadata then states the version the data now has, not the one stored.
 */
export const upcastOnRead = (registry: UpcasterRegistry | undefined, event: RecordedEvent): RecordedEvent => {
  if (!registry) return event;
  const stored = event.metadata.schemaVersion;
  const current = registry.versionOf(event.type);
  if (stored >= current) return event;
  const lifted = registry.upcast({ type: event.type, data: event.data }, stored);
  return { ...event, type: lifted.type, data: lifted.data, metadata: { ...event.metadata, schemaVersion: current } };
};
