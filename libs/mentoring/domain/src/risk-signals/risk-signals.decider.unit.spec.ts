import { DeciderSpecification, fold } from '@alongside/platform/event-sourcing';
import { EXPLANATIONS, riskSignalsDecider, type CheckInNoted, type RiskSignalEvent, type NoteCheckIn } from './risk-signals.decider';

const given = DeciderSpecification.for(riskSignalsDecider);
const participantId = '6f1c2f4e-8a36-4a55-9d1e-0c4b1e6f2a10';
let n = 0;
const note = (checkedInOn: string, craving: number, usedToday: 'yes' | 'no' | 'rather-not-say' = 'no'): NoteCheckIn => ({
  type: 'NoteCheckIn',
  data: { participantId, checkInId: `c-${checkedInOn}-${n++}`, checkedInOn, craving, usedToday, heardAt: `${checkedInOn}T20:00:00Z` },
});
const noted = (command: NoteCheckIn): CheckInNoted => {
  const { heardAt: _heardAt, ...data } = command.data;
  return { type: 'CheckInNoted', data };
};
/** The history a run of check-ins leaves, signals included. */
const history = (...commands: NoteCheckIn[]): RiskSignalEvent[] =>
  commands.reduce<RiskSignalEvent[]>((events, command) => [...events, ...riskSignalsDecider.decide(command, fold(riskSignalsDecider, events))], []);
const reasons = (events: RiskSignalEvent[]) => events.flatMap((e) => (e.type === 'RiskSignalRaised' ? [e.data.reason] : []));

describe('Risk signals from check-ins', () => {
  describe('craving', () => {
    it('raises a flag on the third day in a row of craving 7 or more', () => {
      const third = note('2026-05-03', 7);
      given(history(note('2026-05-01', 8), note('2026-05-02', 9)))
        .when(third)
        .then([
          noted(third),
          { type: 'RiskSignalRaised', data: { participantId, reason: 'craving-high-three-days', onDay: '2026-05-03', raisedAt: '2026-05-03T20:00:00Z', explanation: EXPLANATIONS['craving-high-three-days'] } },
        ]);
    });

    it('raises nothing for two high days around a calmer one', () =>
      expect(reasons(history(note('2026-05-01', 8), note('2026-05-02', 6), note('2026-05-03', 9)))).toEqual([]));

    it('raises nothing when a day is missing in between', () =>
      expect(reasons(history(note('2026-05-01', 8), note('2026-05-02', 8), note('2026-05-04', 9)))).toEqual([]));

    it('raises once per run, not again on the fourth day', () =>
      expect(reasons(history(note('2026-05-01', 8), note('2026-05-02', 8), note('2026-05-03', 8), note('2026-05-04', 10)))).toEqual(['craving-high-three-days']));

    it('raises again for a new run after a calmer day', () =>
      expect(
        reasons(history(...['01', '02', '03'].map((d) => note(`2026-05-${d}`, 8)), note('2026-05-04', 2), ...['05', '06', '07'].map((d) => note(`2026-05-${d}`, 8)))),
      ).toEqual(['craving-high-three-days', 'craving-high-three-days']));

    it('counts a day by its highest craving, whatever the order of check-ins', () =>
      expect(reasons(history(note('2026-05-01', 8), note('2026-05-02', 9), note('2026-05-02', 1), note('2026-05-03', 7)))).toEqual(['craving-high-three-days']));
  });

  describe('use', () => {
    it('raises a flag when they say they used', () => expect(reasons(history(note('2026-05-01', 2, 'yes')))).toEqual(['used-today']));
    it('raises it once for the day', () => expect(reasons(history(note('2026-05-01', 2, 'yes'), note('2026-05-01', 3, 'yes')))).toEqual(['used-today']));
    it('takes "rather not say" as an answer, not as use', () => expect(reasons(history(note('2026-05-01', 2, 'rather-not-say')))).toEqual([]));
  });

  describe('a quiet week (clock in the command)', () => {
    const daily = history(note('2026-05-01', 2), note('2026-05-02', 3), note('2026-05-03', 1));
    const look = (today: string) => ({ type: 'LookForQuietWeek' as const, data: { participantId, today, at: `${today}T09:00:00Z` } });

    it('raises nothing six days after the last daily check-in', () => given(daily).when(look('2026-05-09')).then([]));

    it('raises a flag seven days after a run of daily check-ins', () =>
      given(daily)
        .when(look('2026-05-10'))
        .then([{ type: 'RiskSignalRaised', data: { participantId, reason: 'quiet-week-after-daily', onDay: '2026-05-03', raisedAt: '2026-05-10T09:00:00Z', explanation: EXPLANATIONS['quiet-week-after-daily'] } }]));

    it('raises it once for the same silence', () => {
      const raised = [...daily, ...riskSignalsDecider.decide(look('2026-05-10'), fold(riskSignalsDecider, daily))];
      given(raised).when(look('2026-05-20')).then([]);
    });

    it('raises nothing for someone who never checked in daily', () =>
      given(history(note('2026-05-01', 2), note('2026-05-03', 2))).when(look('2026-05-20')).then([]));

    it('raises nothing before any check-in', () => given([]).when(look('2026-05-20')).then([]));
  });

  it('notes a request for contact once, and raises no flag for it (the request speaks for itself)', () => {
    const ask = { type: 'NoteContactRequest' as const, data: { participantId, requestId: 'r-1', requestedAt: '2026-05-01T10:00:00Z' } };
    given([]).when(ask).then([{ type: 'ContactRequestNoted', data: ask.data }]);
    given([{ type: 'ContactRequestNoted', data: ask.data }]).when(ask).then([]);
  });

  it('notes a check-in heard twice once', () => {
    const once = note('2026-05-01', 9, 'yes');
    given(history(once)).when(once).then([]);
  });
});
