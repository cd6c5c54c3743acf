import type { Command } from '@alongside/platform/event-sourcing';
import type { ContactKind, MatchEndReason } from '@alongside/mentoring/contracts';
import type { PeerSupportBilling } from '../contact/peer-support-billing';
import type { Certification } from '../mentor/mentor.state';
import type { MentoringPolicy } from '../programme/mentoring-policy';

/** What the handler read about the mentor (their stream, and their open matches from the caseload). */
export type MentorStanding = Readonly<{
  mentorId: string;
  certifications: readonly Certification[];
  maxCaseload: number;
  /** Proposed, active and aftercare matches: a proposal holds a place. */
  openMatches: number;
}>;

export type PeerContactConsent = Readonly<{ consentId: string }>;

export type ProposeMatch = Command<
  'ProposeMatch',
  {
    matchId: string;
    participantId: string;
    /** Null when no mentor with that id is onboarded at the site. */
    mentor: MentorStanding | null;
    /** The participant's consent for peer contact in force at `at`, or null. */
    consent: PeerContactConsent | null;
    /** The participant's other open match, if any. */
    openMatchId: string | null;
    proposedBy: string;
    at: string;
  }
>;

export type AcceptMatch = Command<
  'AcceptMatch',
  { mentor: MentorStanding | null; consent: PeerContactConsent | null; at: string }
>;

export type EndMatch = Command<'EndMatch', { reason: MatchEndReason; at: string }>;

/** Heard from enrolment: the participant was discharged; peer support goes on as aftercare. */
export type StartAftercare = Command<
  'StartAftercare',
  { dischargedAt: string; policy: Pick<MentoringPolicy, 'aftercareCheckInDays' | 'checkInMissedAfterDays'>; at: string }
>;

/** Given by the aftercare sweeper with its clock's `now`. */
export type SweepAftercare = Command<'SweepAftercare', { now: string }>;

export type RecordAftercareCheckIn = Command<
  'RecordAftercareCheckIn',
  { day: number; heldAt: string; contactId: string | null; byMentorId: string | null; at: string }
>;

export type LogContact = Command<
  'LogContact',
  {
    contactId: string;
    kind: ContactKind;
    minutes: number;
    contactAt: string;
    hasNote: boolean;
    /** The mentor logging it (a peer mentor's token), or null for a site manager recording on their behalf. */
    byMentorId: string | null;
    billing: PeerSupportBilling;
    at: string;
  }
>;

export type MatchCommand =
  | ProposeMatch
  | AcceptMatch
  | EndMatch
  | StartAftercare
  | SweepAftercare
  | RecordAftercareCheckIn
  | LogContact;
