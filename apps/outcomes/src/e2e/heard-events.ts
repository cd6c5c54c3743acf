import { randomUUID } from 'node:crypto';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { enrolmentEventExamples } from '@alongside/enrolment/contracts';
import { sessionsEventExamples } from '@alongside/sessions/contracts';

/** What a consumer would hand a listener: an enrolment event as heard from Kafka. */
export const heard = (site: SiteId, type: string, data: Record<string, unknown>, id: string = randomUUID()): ConsumedEvent =>
  ({
    id,
    type,
    data,
    metadata: { siteId: site, schemaVersion: 1, correlationId: id, causationId: id, actor: { sub: 'enrolment', role: 'clinician' }, occurredAt: '2026-01-01T10:00:00Z' },
    streamId: `enrolment.participant-${site}-${String(data.participantId ?? randomUUID())}`,
    streamPosition: 0n,
    globalPosition: 1n,
    origin: { topic: 'test', partition: 0, offset: '0' },
  }) as ConsumedEvent;

const example = (type: string) => (enrolmentEventExamples as Record<string, { data: Record<string, unknown> }>)[type].data;

export const enrolled = (site: SiteId, participantId: string, admittedOn: string, extra: Record<string, unknown> = {}) =>
  heard(site, 'Enrolled', { ...example('Enrolled'), siteId: site, participantId, episodeId: randomUUID(), admittedOn, transferredFrom: null, ...extra });

export const discharged = (site: SiteId, participantId: string, episodeId: string, admittedOn: string, dischargedOn: string, reason = 'completed') =>
  heard(site, 'Discharged', { ...example('Discharged'), siteId: site, participantId, episodeId, admittedOn, dischargedOn, reason, transferId: null });

/** A participant's attendance at a session, as heard from sessions. */
export const attended = (site: SiteId, participantId: string, sessionId: string, groupKind: string, localDate: string, status: 'present' | 'late' | 'absent') =>
  heard(site, 'AttendanceRecorded', { ...sessionsEventExamples.AttendanceRecorded.data, participantId, sessionId, groupKind, localDate, status, minutesAttended: status === 'absent' ? 0 : 60 });
