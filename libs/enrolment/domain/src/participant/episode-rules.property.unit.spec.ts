import fc from 'fast-check';
import { DomainError, fold } from '@alongside/platform/event-sourcing';
import { daysBetween, isAfter, isBefore } from '../calendar/calendar-day';
import { DateInTheFuture } from '../calendar/calendar.errors';
import { dischargeAna, enrol, history, on, readmit, registerAna } from '../testing/participant-fixtures';
import { DischargeBeforeAdmission } from './episode.errors';
import type { ParticipantCommand } from './participant.commands';
import { participantDecider } from './participant.decider';
import type { ParticipantEvent } from './participant.events';
import { activeEpisode } from './participant.state';

const dayFrom = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const dayOf = fc.integer({ min: 0, max: 120 }).map(dayFrom);

describe('Episode rules combined', () => {
  it('a discharge is accepted exactly when admission ≤ discharge ≤ today', () =>
    fc.assert(
      fc.property(dayOf, dayOf, dayOf, (admittedOn, dischargedOn, today) => {
        fc.pre(!isAfter(admittedOn, today));
        const given = history(registerAna(), enrol({ admittedOn, now: on(today) }));
        const decide = () => participantDecider.decide(dischargeAna({ dischargedOn, now: on(today) }), fold(participantDecider, given));
        if (isAfter(dischargedOn, today)) expect(decide).toThrow(DateInTheFuture);
        else if (isBefore(dischargedOn, admittedOn)) expect(decide).toThrow(DischargeBeforeAdmission);
        else expect(decide()[0].data).toMatchObject({ lengthOfStayDays: daysBetween(admittedOn, dischargedOn) });
      }),
    ));

  /**
   * Random sequences of admissions, readmissions and discharges on random days: whatever is
   * accepted, a participant never has two active episodes at a site, episodes are dated in order,
   * each readmission links the episode before it, and nothing is dated after the day it was recorded.
   */
  const step = fc.record({
    kind: fc.constantFrom('enrol', 'readmit', 'discharge'),
    day: fc.integer({ min: 0, max: 10 }),
    reason: fc.constantFrom('completed', 'left-against-advice', 'incarcerated', 'death'),
  });

  it('keeps one active enrolment per site, in date order, with linked episodes', () =>
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let events: ParticipantEvent[] = history(registerAna({ now: on(dayFrom(0)) }));
        let clock = 0;
        steps.forEach((s, i) => {
          clock += s.day;
          const now = on(dayFrom(clock));
          const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
          const state = fold(participantDecider, events);
          const active = activeEpisode(state);
          const command: ParticipantCommand =
            s.kind === 'enrol'
              ? enrol({ episodeId: id, admittedOn: dayFrom(clock - (s.day % 3)), now })
              : s.kind === 'readmit'
                ? readmit({ episodeId: id, admittedOn: dayFrom(clock), now })
                : dischargeAna({ episodeId: active?.episodeId ?? id, reason: s.reason, dischargedOn: dayFrom(clock), now });
          try {
            events = [...events, ...participantDecider.decide(command, state)];
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          const after = fold(participantDecider, events);
          expect(after.episodes.filter((e) => e.discharge === null).length).toBeLessThanOrEqual(1);
          after.episodes.forEach((e, n) => {
            if (e.discharge) expect(isBefore(e.discharge.on, e.admittedOn)).toBe(false);
            if (n > 0) {
              const before = after.episodes[n - 1];
              expect(before.discharge).not.toBeNull();
              expect(isBefore(e.admittedOn, before.discharge!.on)).toBe(false);
              expect(e.previousEpisodeId).toBe(before.episodeId);
              expect(before.discharge!.reason).not.toBe('death');
            }
            expect(isAfter(e.admittedOn, dayFrom(clock))).toBe(false);
          });
        });
      }),
      { numRuns: 300 },
    ));
});
