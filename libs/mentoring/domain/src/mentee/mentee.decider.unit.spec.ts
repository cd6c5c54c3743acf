import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import type { MenteeEvent } from '@alongside/mentoring/contracts';
import { ParticipantAlreadyMatched } from '../match/match.errors';
import { menteeDecider, type HoldMenteeMatch } from './mentee.decider';

const given = DeciderSpecification.for(menteeDecider);
const participantId = '9a0c2f3e-1d5b-4f6a-8b7c-2e3d4f5a6b02';
const mentorId = '3f1b7a52-58a4-4c1e-9a1c-0d7a3c1c2b01';
const at = '2025-03-10T09:00:00-05:00';
const held = (matchId: string): MenteeEvent => ({ type: 'MenteeMatchHeld', data: { participantId, matchId, mentorId, heldAt: at } });
const hold = (matchId: string, released: string[] = []): HoldMenteeMatch => ({ type: 'HoldMenteeMatch', data: { participantId, matchId, mentorId, released, at } });

describe("A participant's one open match", () => {
  it('is held for the first proposal', () => given([]).when(hold('m1')).then([held('m1')]));

  it('refuses a second match while the first is open', () => given([held('m1')]).when(hold('m2')).thenThrows(ParticipantAlreadyMatched));

  it('allows a new match once the first has ended', () => given([held('m1')]).when(hold('m2', ['m1'])).then([held('m2')]));

  it('holds nothing twice for a retried proposal', () => given([held('m1')]).when(hold('m1')).then([]));
});
