import { bool, eventSchema, instant, day, integer, oneOf, uuid, type JsonSchema } from '../schemas/schema-parts';

/** The participant's own answer to "did you use today?"; "rather not say" is a full answer, not a gap. */
export const USED_TODAY = ['yes', 'no', 'rather-not-say'] as const;
export type UsedToday = (typeof USED_TODAY)[number];

/**
 * A daily check-in from the companion app. A self-report: it never becomes a clinician-recorded
 * lapse or relapse. The optional line of text is not in the event (it never leaves the service);
 * `noteShared` only says whether the participant let their mentor read it.
 */
export type CheckInRecorded = Readonly<{
  type: 'CheckInRecorded';
  data: {
    checkInId: string;
    participantId: string;
    /** When the participant pressed send (offline check-ins arrive later, with their own time). */
    checkedInAt: string;
    /** That instant's day in the site's calendar. */
    checkedInOn: string;
    mood: number;
    craving: number;
    usedToday: UsedToday;
    hasNote: boolean;
    noteShared: boolean;
  };
}>;

/** The participant pressed "ask my mentor to get in touch". */
export type MentorContactRequested = Readonly<{
  type: 'MentorContactRequested';
  data: { requestId: string; participantId: string; requestedAt: string };
}>;

export type CheckInEvent = CheckInRecorded | MentorContactRequested;

/** `outcomes.check-ins-<site>-<participantId>`: one participant's companion log, beside their record. */
export const CHECK_INS_STREAM_CATEGORY = 'check-ins';

export const checkInSchemaVersions: Readonly<Record<CheckInEvent['type'], number>> = { CheckInRecorded: 1, MentorContactRequested: 1 };

/** For consumers (mentoring) to validate what they hear; data objects forbid anything unnamed. */
export const checkInEventSchemas: Readonly<Record<CheckInEvent['type'], JsonSchema>> = {
  CheckInRecorded: eventSchema('outcomes', 'CheckInRecorded', 1, {
    checkInId: uuid,
    participantId: uuid,
    checkedInAt: instant,
    checkedInOn: day,
    mood: integer(1, 5),
    craving: integer(0, 10),
    usedToday: oneOf(USED_TODAY),
    hasNote: bool,
    noteShared: bool,
  }),
  MentorContactRequested: eventSchema('outcomes', 'MentorContactRequested', 1, { requestId: uuid, participantId: uuid, requestedAt: instant }),
};
