import { randomUUID } from 'node:crypto';
import { siteId, streamName, type NewEvent } from '@alongside/platform/event-sourcing';

/**
 * The one event every store case writes (DESIGN §9: ≈300-byte data, ≈150-byte metadata), so ours,
 * Emmett and raw pg carry the same bytes. Shaped like an attendance record, with a quote and a
 * backslash in the note: escaping is part of the real cost.
 */
const NORTH = siteId('north');
const NOTE = 'arrived "late" after the bus\\train; stayed for the check-in round and the relapse-prevention exercise with her mentor';

export const benchEvent = (n: number, participantId: string): NewEvent => ({
  id: randomUUID(),
  type: 'AttendanceRecorded',
  data: {
    sessionId: 'c2f1a3a4-5b6c-4d7e-8f90-a1b2c3d4e5f6',
    participantId,
    n,
    status: 'late',
    minutesAttended: 45,
    billableUnits: 3,
    note: NOTE,
  },
  // Request ids, not UUIDs, for correlation and causation keep the metadata near the 150 bytes of §9.
  metadata: {
    siteId: NORTH,
    schemaVersion: 1,
    correlationId: 'r8f2c4',
    causationId: 'r8f2c4',
    actor: { sub: 'c1', role: 'clinician' },
    occurredAt: '2026-03-02T09:30Z',
  },
});

export const benchEvents = (count: number, participantId = randomUUID()): NewEvent[] =>
  Array.from({ length: count }, (_, i) => benchEvent(i, participantId));

/** A readable stream name, as the services write them (`sessions.attendance-north-<id>`). */
export const benchStream = (): string => streamName('sessions', 'attendance', NORTH, randomUUID());

/** The serialised sizes, reported beside the results so the shape is on record. */
export const eventShape = (): { dataBytes: number; metadataBytes: number } => {
  const event = benchEvent(123, randomUUID());
  return { dataBytes: Buffer.byteLength(JSON.stringify(event.data)), metadataBytes: Buffer.byteLength(JSON.stringify(event.metadata)) };
};
