import { UpcasterRegistry, type Upcasters } from '@alongside/platform/event-sourcing';
import type { SessionsEventType } from './sessions-event';

/** The schema version each event type is written with today; a changed shape gets +1 and an upcaster. */
export const schemaVersions: Readonly<Record<SessionsEventType, number>> = {
  GroupCreated: 1,
  MemberEnrolled: 1,
  MemberWaitlisted: 1,
  MemberPromoted: 1,
  MemberWithdrawn: 1,
  SessionScheduled: 1,
  SessionCancelled: 1,
  SessionHeld: 1,
  AttendanceRecorded: 1,
  AttendanceCorrected: 1,
  UnitsComputed: 1,
  UnitsCorrected: 1,
  SiteSettingsRecorded: 1,
  PeerCertificationRecorded: 1,
  PeerCertificationExpired: 1,
};

export const sessionsEventTypes = Object.keys(schemaVersions) as SessionsEventType[];

/** One step per `<type>@<fromVersion>`; nothing has changed shape yet. */
export const sessionsUpcasterSteps: Upcasters = {};
export const sessionsUpcasters = new UpcasterRegistry(schemaVersions, sessionsUpcasterSteps);
