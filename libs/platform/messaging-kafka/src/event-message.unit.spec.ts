import { siteId, type RecordedEvent } from '@alongside/platform/event-sourcing';
import fc from 'fast-check';
import type { KafkaMessage } from 'kafkajs';
import { fromEventMessage, storedEventMessage, toEventMessage, UnreadableMessage } from './event-message';

const origin = { topic: 'alongside.enrolment.events', partition: 2, offset: '41' };

const recorded: RecordedEvent = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  type: 'Enrolled',
  data: { participantId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', programme: 'outpatient' },
  metadata: {
    siteId: siteId('north'),
    schemaVersion: 2,
    correlationId: 'c-1',
    causationId: 'c-0',
    actor: { sub: 'u-1', role: 'clinician' },
    occurredAt: '2026-03-01T09:00:00.000Z',
  },
  streamId: 'enrolment.participant-north-7c9e6679-7425-40de-944b-e07fc1f90ae7',
  streamPosition: 3n,
  globalPosition: 9_007_199_254_740_993n,
  recordedAt: '2026-03-01T09:00:01.000Z',
};

/** What kafkajs hands a consumer for a message the relay produced. */
const delivered = (value: string | null, headers = {}): KafkaMessage =>
  ({ key: Buffer.from(recorded.streamId), value: value === null ? null : Buffer.from(value), headers, offset: origin.offset, timestamp: '0', attributes: 0 }) as KafkaMessage;

describe('Event message', () => {
  describe('when the relay encodes a recorded event', () => {
    it('keys it by stream and puts the routing facts in headers', () => {
      const message = toEventMessage(recorded);
      expect(message.key).toBe(recorded.streamId);
      expect(message.headers).toEqual({
        'event-id': recorded.id,
        'event-type': 'Enrolled',
        'schema-version': '2',
        'site-id': 'north',
        position: '9007199254740993',
        'correlation-id': 'c-1',
        'causation-id': 'c-0',
      });
    });

    it('is read back by a consumer as the same event, positions beyond 2^53 intact', () => {
      const { recordedAt: _notOnTheWire, ...rest } = recorded;
      expect(fromEventMessage(delivered(toEventMessage(recorded).value as string), origin)).toEqual({ ...rest, origin });
    });

    it('survives any JSON data and any position', () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (data, position) => {
          const event = { ...recorded, data, globalPosition: position };
          const read = fromEventMessage(delivered(toEventMessage(event).value as string), origin);
          expect(read.globalPosition).toBe(position);
          expect(read.data).toEqual(JSON.parse(JSON.stringify(data)));
        }),
      );
    });
  });

  describe('when a message is not an event', () => {
    const envelope = JSON.parse(toEventMessage(recorded).value as string);
    it.each([
      ['no value', null, 'the message has no value'],
      ['not JSON', '{"id":', 'the value is not JSON'],
      ['a JSON array', '[]', 'the value is not a JSON object'],
      ['an id that is not a UUID', JSON.stringify({ ...envelope, id: '42' }), 'id is not a UUID'],
      ['no type', JSON.stringify({ ...envelope, type: '' }), 'type is missing'],
      ['a numeric position', JSON.stringify({ ...envelope, globalPosition: 12 }), 'globalPosition is not a decimal string'],
      ['a bad site id', JSON.stringify({ ...envelope, metadata: { ...envelope.metadata, siteId: 'North!' } }), 'metadata.siteId is not a site id'],
      ['no schema version', JSON.stringify({ ...envelope, metadata: { ...envelope.metadata, schemaVersion: 0 } }), 'metadata.schemaVersion is not a positive integer'],
    ])('says why for %s', (_, value, why) => {
      expect(() => fromEventMessage(delivered(value), origin)).toThrow(new UnreadableMessage(why));
    });
  });

  describe('built from the JSON text the store keeps', () => {
    // Postgres hands jsonb back with its own spacing and key order: what matters is the JSON, not the bytes.
    const stored = (event: RecordedEvent) => ({
      id: event.id,
      type: event.type,
      dataJson: JSON.stringify(event.data, null, 1),
      metadataJson: JSON.stringify(event.metadata, null, 1),
      streamId: event.streamId,
      streamPosition: event.streamPosition,
      globalPosition: event.globalPosition,
    });

    it('carries whatever JSON data as the parsed path would, with the same key and headers', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (data) => {
          const event = { ...recorded, data };
          const fromText = storedEventMessage(stored(event));
          const fromParsed = toEventMessage(event);
          expect(JSON.parse(fromText.value as string)).toEqual(JSON.parse(fromParsed.value as string));
          expect(fromText.key).toBe(fromParsed.key);
          expect(fromText.headers).toEqual(fromParsed.headers);
        }),
      );
    });

    it('is read back by consumers as the same event, positions beyond 2^53 exact', () => {
      const read = fromEventMessage(delivered(storedEventMessage(stored(recorded)).value as string), origin);
      const { recordedAt: _, ...withoutRecordedAt } = recorded;
      expect(read).toEqual({ ...withoutRecordedAt, origin });
    });
  });
});
