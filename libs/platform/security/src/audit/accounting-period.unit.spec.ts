import fc from 'fast-check';
import { accountingPeriodStart } from './accounting-period';

const DAY = 86_400_000;

describe('The accounting period of disclosures', () => {
  it('starts at the same moment three years earlier', () => {
    expect(accountingPeriodStart(new Date('2026-03-15T10:20:30Z')).toISOString()).toBe('2023-03-15T10:20:30.000Z');
  });

  it('starts on 28 February when it ends on 29 February', () => {
    expect(accountingPeriodStart(new Date('2028-02-29T08:00:00Z')).toISOString()).toBe('2025-02-28T08:00:00.000Z');
  });

  it('is never shorter than three years nor longer than three years and a day', () =>
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (at) => {
        const length = at.getTime() - accountingPeriodStart(at).getTime();
        expect(length).toBeGreaterThanOrEqual(3 * 365 * DAY);
        expect(length).toBeLessThanOrEqual((3 * 365 + 2) * DAY);
      }),
    ));
});
