import { certificationStanding, certifiedUntil, supervisionStanding } from './compliance';

describe('Workforce compliance', () => {
  const expiresAt = '2027-02-01T00:00:00-05:00';

  it.each([
    ['2026-12-01T00:00:00-05:00', 'current'],
    ['2027-01-02T00:00:00-05:00', 'due-soon'],
    ['2027-01-31T23:59:00-05:00', 'due-soon'],
    ['2027-02-01T00:00:00-05:00', 'lapsed'],
    ['2027-06-01T00:00:00-05:00', 'lapsed'],
  ])('at %s a certification expiring on 2027-02-01 is %s', (now, standing) =>
    expect(certificationStanding(expiresAt, false, now)).toBe(standing));

  it('treats a recorded expiry as lapsed whatever the clock says', () =>
    expect(certificationStanding(expiresAt, true, '2026-01-01T00:00:00Z')).toBe('lapsed'));

  it('is certified until the latest expiry in force', () =>
    expect(
      certifiedUntil(
        [
          { certificationId: 'a', credential: 'CPRS', expiresAt: '2026-01-01T00:00:00Z', status: 'current' },
          { certificationId: 'b', credential: 'CRPS', expiresAt: '2027-01-01T00:00:00Z', status: 'current' },
          { certificationId: 'c', credential: 'old', expiresAt: '2030-01-01T00:00:00Z', status: 'expired' },
        ],
        '2025-06-01T00:00:00Z',
      ),
    ).toBe('2027-01-01T00:00:00Z'));

  it.each([
    [null, 'overdue'],
    ['2025-03-01T10:00:00Z', 'up-to-date'],
    ['2025-02-01T10:00:00Z', 'overdue'],
  ])('supervision last held %s is %s on 2025-03-20', (last, standing) =>
    expect(supervisionStanding(last, '2025-03-20T10:00:00Z')).toBe(standing));
});
