import fc from 'fast-check';
import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { mentoringEventExamples as ex, type MentorEvent } from '@alongside/mentoring/contracts';
import { CaseloadFull } from '../match/match.errors';
import { mentorDecider } from './mentor.decider';
import type { Mentor } from './mentor.state';

const given = DeciderSpecification.for(mentorDecider);
const mentorId = ex.MentorOnboarded.data.mentorId;
const at = '2025-03-10T09:00:00-05:00';
const onboardedWith = (maxCaseload: number): MentorEvent => ({ type: 'MentorOnboarded', data: { ...ex.MentorOnboarded.data, maxCaseload } });
const taken = (matchId: string): MentorEvent => ({ type: 'CaseloadPlaceTaken', data: { mentorId, matchId, participantId: `p-${matchId}`, takenAt: at } });
const take = (matchId: string, released: string[] = []) => ({ type: 'TakeCaseloadPlace' as const, data: { matchId, participantId: `p-${matchId}`, released, at } });

describe('Mentor caseload places', () => {
  it('takes a free place for a proposed match', () =>
    given([onboardedWith(2), taken('m1')]).when(take('m2')).then([taken('m2')]));

  it('refuses the place past the limit', () =>
    given([onboardedWith(2), taken('m1'), taken('m2')]).when(take('m3')).thenThrows(CaseloadFull));

  it('gives a place back once the caller found its match ended', () =>
    given([onboardedWith(2), taken('m1'), taken('m2')]).when(take('m3', ['m1'])).then([taken('m3')]));

  it('takes nothing twice for a retried proposal', () =>
    given([onboardedWith(1), taken('m1')]).when(take('m1')).then([]));

  it('never holds more unreleased places than the limit, whatever is taken and released (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.record({ matchId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), release: fc.subarray(['a', 'b', 'c', 'd', 'e', 'f', 'g']) }), { maxLength: 30 }),
        (maxCaseload, steps) => {
          let state: Mentor = mentorDecider.evolve(mentorDecider.initialState(), onboardedWith(maxCaseload) as never);
          const released = new Set<string>();
          for (const step of steps) {
            step.release.forEach((id) => released.add(id));
            try {
              const events = mentorDecider.decide(take(step.matchId, [...released]), state);
              state = events.reduce((s, e) => mentorDecider.evolve(s, e), state);
            } catch (error) {
              if (!(error instanceof CaseloadFull)) throw error;
            }
            const held = state.status === 'onboarded' ? state.caseload.filter((place) => !released.has(place.matchId)).length : 0;
            expect(held).toBeLessThanOrEqual(maxCaseload);
          }
        },
      ),
      { seed: 1304 },
    );
  });
});
