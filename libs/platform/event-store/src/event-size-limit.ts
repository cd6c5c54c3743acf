/**
 * The most JSON one event may carry (data and metadata together). Events are facts, not documents:
 * a bigger payload belongs in a document store with the event referring to it. The same limit for
 * every adapter keeps a service portable between them.
 */
export const MAX_EVENT_BYTES = 1024 * 1024;

export class EventTooLarge extends Error {
  constructor(
    readonly stream: string,
    readonly eventId: string,
    readonly type: string,
    readonly bytes: number,
    readonly limit: number = MAX_EVENT_BYTES,
  ) {
    super(
      `Event ${eventId} (${type}) for stream ${stream} is ${bytes} bytes of JSON, ` +
        `over the limit of ${limit} bytes per event; nothing was appended.`,
    );
    this.name = 'EventTooLarge';
  }
}

/**
 * Throws EventTooLarge when the serialised data and metadata exceed the limit. A UTF-16 unit is at
 * most 3 UTF-8 bytes, so the exact count is only needed for payloads near the limit.
 */
export const checkEventSize = (
  stream: string,
  event: Readonly<{ id: string; type: string }>,
  dataJson: string,
  metadataJson: string,
): void => {
  if ((dataJson.length + metadataJson.length) * 3 <= MAX_EVENT_BYTES) return;
  const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
  if (bytes > MAX_EVENT_BYTES) throw new EventTooLarge(stream, event.id, event.type, bytes);
};
