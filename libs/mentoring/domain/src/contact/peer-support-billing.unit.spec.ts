import fc from 'fast-check';
import { CONTACT_KINDS } from '@alongside/mentoring/contracts';
import { billableUnitsOf, PEER_SUPPORT_BILLING } from './peer-support-billing';

const unitsOf = (minutes: number, kind: (typeof CONTACT_KINDS)[number] = 'in-person') =>
  billableUnitsOf(kind, minutes)?.units ?? 0;

describe('Peer support billable units (H0038, per 15 minutes)', () => {
  it.each([
    [7, 0],
    [8, 1],
    [15, 1],
    [22, 1],
    [23, 2],
    [50, 3],
    [60, 4],
  ])('%i minutes bill %i units', (minutes, units) => expect(unitsOf(minutes)).toBe(units));

  it('names the code and the reference version it was billed under', () =>
    expect(billableUnitsOf('video', 30)).toEqual({ code: 'H0038', units: 2, referenceVersion: PEER_SUPPORT_BILLING.version }));

  it('bills nothing for a text message however long', () =>
    fc.assert(fc.property(fc.integer({ min: 1, max: 720 }), (m) => billableUnitsOf('text', m) === null)));

  it('never bills more time than was spent plus under half a unit', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 240 }), (minutes) => {
        const units = unitsOf(minutes);
        return units * 15 - minutes < 8 && minutes - units * 15 < 8;
      }),
    ));

  it('never bills fewer units for a longer contact', () =>
    fc.assert(fc.property(fc.integer({ min: 1, max: 720 }), fc.integer({ min: 0, max: 720 }), (m, extra) => unitsOf(m + extra) >= unitsOf(m))));

  it('caps the units of one contact', () => expect(unitsOf(720)).toBe(PEER_SUPPORT_BILLING.maxUnitsPerContact));
});
