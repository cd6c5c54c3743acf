/**
 * The one open match a participant may have, held for a proposal on the participant's own
 * `mentee` stream with the version read, so that two proposals for the same person at once cannot
 * both be written (one gets 409). Like a caseload place, it is free again once the match's own
 * stream says it ended.
 */
export type MenteeMatchHeld = Readonly<{
  type: 'MenteeMatchHeld';
  data: { participantId: string; matchId: string; mentorId: string; heldAt: string };
}>;

export type MenteeEvent = MenteeMatchHeld;
