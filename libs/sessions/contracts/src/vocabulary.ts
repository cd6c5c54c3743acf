/** The kinds of group a site runs (DESIGN §5 Sessions). */
export const GROUP_KINDS = ['peer-support', 'group-therapy', 'workshop', 'community', 'volunteer', 'online'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Who leads a group: a clinician, a certified peer (a mentor in mentoring's records), or other staff. */
export const FACILITATOR_KINDS = ['clinician', 'peer', 'staff'] as const;
export type FacilitatorKind = (typeof FACILITATOR_KINDS)[number];
export type Facilitator = { kind: FacilitatorKind; id: string };

export const ATTENDANCE_STATUSES = ['present', 'late', 'left-early', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * Why an attendance entry was corrected. Codes, not free text: the event leaves the service, and
 * words typed about a person in a group belong in the group note, which does not.
 */
export const CORRECTION_REASONS = ['entered-in-error', 'minutes-mistyped', 'late-arrival-missed', 'early-departure-missed', 'marked-absent-in-error', 'marked-present-in-error', 'excuse-received-later'] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

export const CANCELLATION_REASONS = ['facilitator-unavailable', 'venue-unavailable', 'low-enrolment', 'holiday', 'weather', 'safety', 'other'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One weekly slot, read in the site's time zone: `startTime` is a wall-clock `HH:mm`. */
export type WeeklySlot = { weekday: Weekday; startTime: string; durationMinutes: number };

/** A recurring weekly schedule; `exceptions` are local dates (`yyyy-MM-dd`) on which no session is held. */
export type WeeklySchedule = { slots: WeeklySlot[]; startsOn: string; endsOn: string | null; exceptions: string[] };

export type Venue = { kind: 'place'; location: string } | { kind: 'online'; link: string };

export const SESSION_ORIGINS = ['schedule', 'ad-hoc'] as const;
export type SessionOrigin = (typeof SESSION_ORIGINS)[number];
