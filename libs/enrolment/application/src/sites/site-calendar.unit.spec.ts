import { nowIn } from './site-calendar';

describe("Now at a site", () => {
  it("is the calendar day in the site's time zone, not in UTC", () => {
    const lateEvening = new Date('2025-03-21T03:30:00Z');
    expect(nowIn(lateEvening, 'America/Chicago')).toEqual({ at: '2025-03-21T03:30:00.000Z', today: '2025-03-20' });
    expect(nowIn(lateEvening, 'Europe/London')).toEqual({ at: '2025-03-21T03:30:00.000Z', today: '2025-03-21' });
    expect(nowIn(new Date('2025-03-20T11:00:00Z'), 'Pacific/Kiritimati').today).toBe('2025-03-21');
  });

  it('follows daylight-saving changes', () => {
    expect(nowIn(new Date('2025-03-09T06:30:00Z'), 'America/Chicago').today).toBe('2025-03-09');
    expect(nowIn(new Date('2025-11-02T05:30:00Z'), 'America/Chicago').today).toBe('2025-11-02');
    expect(nowIn(new Date('2025-11-02T04:30:00Z'), 'America/Chicago').today).toBe('2025-11-01');
  });
});
