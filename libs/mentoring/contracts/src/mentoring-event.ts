import type { EscalationEvent } from './events/escalation-events';
import type { MatchEvent } from './events/match-events';
import type { MenteeEvent } from './events/mentee-events';
import type { MentorEvent } from './events/mentor-events';
import type { ParticipantEvent } from './events/participant-events';
import type { ProgrammeEvent } from './events/programme-events';
import type { ReferralEvent } from './events/referral-events';

/** Every event on `alongside.mentoring.events`, latest shape. */
export type MentoringEvent =
  | MentorEvent
  | MatchEvent
  | ParticipantEvent
  | ReferralEvent
  | EscalationEvent
  | ProgrammeEvent
  | MenteeEvent;

export type MentoringEventType = MentoringEvent['type'];

export type MentoringEventOf<T extends MentoringEventType> = Extract<MentoringEvent, { type: T }>;
