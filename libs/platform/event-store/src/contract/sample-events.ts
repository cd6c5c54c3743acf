import { randomUUID } from 'node:crypto';
import { siteId, streamName, type EventMetadata, type NewEvent } from '@alongside/platform/event-sourcing';

/** A fresh, valid stream name: contract cases never share a stream. */
export const newStream = (category = 'session'): string => streamName('contract', category, siteId('north'), randomUUID());

export const sampleMetadata = (schemaVersion = 1): EventMetadata => ({
  siteId: siteId('north'),
  schemaVersion,
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actor: { sub: 'facilitator-7', role: 'facilitator' },
  occurredAt: '2026-03-02T09:30:00.000+01:00',
});

/** An attendance record of about the size of a real event, with text that needs escaping. */
export const sampleEvent = (n: number, data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'AttendanceRecorded',
  data: { n, participantId: randomUUID(), status: 'late', minutes: 45, note: 'arrived "late"\tafter the bus\\train', ...data },
  metadata: sampleMetadata(),
});

export const sampleEvents = (count: number, from = 0): NewEvent[] => Array.from({ length: count }, (_, i) => sampleEvent(from + i));

/** What a reader must get back of an appended event (ignoring where the store put it). */
export const asAppended = (event: NewEvent) => ({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
