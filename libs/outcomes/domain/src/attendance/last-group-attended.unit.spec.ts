import { outcomesEventExamples, type AttendanceStatus } from '@alongside/outcomes/contracts';
import { lastGroupAttendedOn } from './last-group-attended';

const recorded = (sessionId: string, heldOn: string, status: AttendanceStatus) => ({
  ...outcomesEventExamples.SessionAttendanceRecorded,
  data: { ...outcomesEventExamples.SessionAttendanceRecorded.data, sessionId, heldOn, status },
});
const corrected = (sessionId: string, heldOn: string, status: AttendanceStatus, revision: number) => ({
  ...outcomesEventExamples.SessionAttendanceCorrected,
  data: { ...outcomesEventExamples.SessionAttendanceCorrected.data, sessionId, heldOn, status, revision },
});
const monday = '0b0c0d0e-0000-4000-8000-000000000001';
const thursday = '0b0c0d0e-0000-4000-8000-000000000002';

describe("The companion's last group attended", () => {
  it('is the latest day the participant was there, and none before any attendance', () => {
    expect(lastGroupAttendedOn([])).toBeNull();
    expect(lastGroupAttendedOn([recorded(monday, '2026-04-06', 'present'), recorded(thursday, '2026-04-09', 'absent')])).toBe('2026-04-06');
  });

  it('drops a session corrected to absent, and counts one corrected to present', () => {
    expect(lastGroupAttendedOn([recorded(monday, '2026-04-06', 'present'), recorded(thursday, '2026-04-09', 'late'), corrected(thursday, '2026-04-09', 'absent', 1)])).toBe('2026-04-06');
    expect(lastGroupAttendedOn([recorded(thursday, '2026-04-09', 'excused'), corrected(thursday, '2026-04-09', 'left-early', 1)])).toBe('2026-04-09');
  });

  it('keeps the newest revision when an older correction is heard after it', () => {
    expect(lastGroupAttendedOn([recorded(thursday, '2026-04-09', 'absent'), corrected(thursday, '2026-04-09', 'present', 2), corrected(thursday, '2026-04-09', 'absent', 1)])).toBe('2026-04-09');
  });
});
