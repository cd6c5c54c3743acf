import type { Command, Decider } from '@alongside/platform/event-sourcing';
import type { MenteeEvent } from '@alongside/mentoring/contracts';
import { ParticipantAlreadyMatched } from '../match/match.errors';

export type HeldMatch = Readonly<{ matchId: string; heldAt: string }>;

/** The matches held for a participant, oldest first: open until the match's own stream says it ended. */
export type Mentee = Readonly<{ held: readonly HeldMatch[] }>;

/**
 * Holds the participant's one open match for a proposal. `released` names the held matches the
 * caller found ended (or never written); any other held match, including one held since the caller
 * looked, refuses the new one.
 */
export type HoldMenteeMatch = Command<
  'HoldMenteeMatch',
  { participantId: string; matchId: string; mentorId: string; released: readonly string[]; at: string }
>;

export const initialState = (): Mentee => ({ held: [] });

export const decide = (command: HoldMenteeMatch, mentee: Mentee): MenteeEvent[] => {
  const { participantId, matchId, mentorId, released, at } = command.data;
  // A retried proposal already holds its match.
  if (mentee.held.some((match) => match.matchId === matchId)) return [];
  if (mentee.held.some((match) => !released.includes(match.matchId))) throw new ParticipantAlreadyMatched();
  return [{ type: 'MenteeMatchHeld', data: { participantId, matchId, mentorId, heldAt: at } }];
};

export const evolve = (mentee: Mentee, event: MenteeEvent): Mentee => ({
  held: [...mentee.held, { matchId: event.data.matchId, heldAt: event.data.heldAt }],
});

export const menteeDecider: Decider<HoldMenteeMatch, MenteeEvent, Mentee> = { decide, evolve, initialState };
