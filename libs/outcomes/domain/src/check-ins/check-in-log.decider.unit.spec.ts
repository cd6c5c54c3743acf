import type { CheckInRecorded } from '@alongside/outcomes/contracts';
import { DeciderSpecification } from '@alongside/platform/event-sourcing';
import { checkInLogDecider, type RecordCheckIn } from './check-in-log.decider';
import { CheckInInTheFuture, CheckInOutOfRange } from './check-in-log.errors';

const given = DeciderSpecification.for(checkInLogDecider);
const participantId = '6f1c2f4e-8a36-4a55-9d1e-0c4b1e6f2a10';
const checkInId = '0d8a7f0e-5c1b-4f7e-a0a2-2f4c9b6e1d33';

const checkIn = (over: Partial<RecordCheckIn['data']> = {}): RecordCheckIn => ({
  type: 'RecordCheckIn',
  data: {
    now: '2026-05-01T20:00:00Z',
    checkInId,
    participantId,
    checkedInAt: '2026-05-01T19:58:00Z',
    checkedInOn: '2026-05-01',
    mood: 4,
    craving: 2,
    usedToday: 'no',
    hasNote: true,
    noteShared: false,
    ...over,
  },
});

const recorded = (over: Partial<CheckInRecorded['data']> = {}): CheckInRecorded => {
  const { now: _now, ...data } = checkIn().data;
  return { type: 'CheckInRecorded', data: { ...data, ...over } };
};

describe('Companion check-in log', () => {
  it('records a check-in as the participant gave it', () => given([]).when(checkIn()).then([recorded()]));

  it('records a check-in sent twice once (same id, even under another key)', () => given([recorded()]).when(checkIn({ mood: 2 })).then([]));

  it('keeps "rather not say" as an answer', () =>
    given([]).when(checkIn({ usedToday: 'rather-not-say' })).then([recorded({ usedToday: 'rather-not-say' })]));

  it('shares no note that was not written', () =>
    given([]).when(checkIn({ hasNote: false, noteShared: true })).then([recorded({ hasNote: false, noteShared: false })]));

  it('accepts a check-in queued offline hours ago', () =>
    given([]).when(checkIn({ checkedInAt: '2026-05-01T08:00:00Z' })).then([recorded({ checkedInAt: '2026-05-01T08:00:00Z' })]));

  it.each([0, 6, 2.5])('refuses mood %p', (mood) => given([]).when(checkIn({ mood })).thenThrows(CheckInOutOfRange));
  it.each([-1, 11, 7.5])('refuses craving %p', (craving) => given([]).when(checkIn({ craving })).thenThrows(CheckInOutOfRange));

  it('refuses a check-in dated in the future', () =>
    given([]).when(checkIn({ checkedInAt: '2026-05-02T08:00:00Z' })).thenThrows(CheckInInTheFuture));

  it('records a request for contact once', () => {
    const request = { type: 'RequestMentorContact' as const, data: { now: '2026-05-01T20:00:00Z', requestId: checkInId, participantId } };
    const requested = { type: 'MentorContactRequested' as const, data: { requestId: checkInId, participantId, requestedAt: '2026-05-01T20:00:00Z' } };
    given([]).when(request).then([requested]);
    given([requested]).when(request).then([]);
  });
});
