import fc from 'fast-check';
import { mayDisclose } from './may-disclose';
import type { Part2Consent } from './part2-consent';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const toSouth: Part2Consent = {
  consentId: 'c-1',
  recipient: 'south',
  purpose: 'treatment',
  information: ['enrolment', 'attendance'],
  expiry: { kind: 'date', on: '2026-12-31T00:00:00Z' },
  signedAt: '2026-01-10T09:00:00Z',
};
const request = { recipient: 'south', purpose: 'treatment', at: '2026-03-01T12:00:00Z' };

describe('mayDisclose', () => {
  it('allows a disclosure a valid consent covers, naming the consent', () => {
    expect(mayDisclose([toSouth], request)).toEqual({ allowed: true, consentId: 'c-1' });
    expect(mayDisclose([toSouth], { ...request, recipient: ' South ', information: ['attendance'] })).toEqual({ allowed: true, consentId: 'c-1' });
  });

  it('refuses when no consent names the recipient', () => {
    expect(mayDisclose([toSouth], { ...request, recipient: 'county court' })).toEqual({
      allowed: false,
      reason: 'No consent on file names county court as a recipient.',
    });
  });

  it('refuses another purpose', () => {
    expect(mayDisclose([toSouth], { ...request, purpose: 'research' })).toEqual({
      allowed: false,
      reason: 'The consent for south allows treatment, not research.',
    });
  });

  it('refuses information the consent does not cover', () => {
    expect(mayDisclose([toSouth], { ...request, information: ['attendance', 'assessments'] })).toEqual({
      allowed: false,
      reason: 'The consent for south covers enrolment and attendance only, not assessments.',
    });
    expect(mayDisclose([{ ...toSouth, information: ['all'] }], { ...request, information: ['assessments'] }).allowed).toBe(true);
  });

  it('refuses a revoked consent from the moment of revocation', () => {
    const revoked = { ...toSouth, revokedAt: '2026-02-15T16:30:00Z' };
    expect(mayDisclose([revoked], { ...request, at: '2026-02-15T16:29:59Z' }).allowed).toBe(true);
    expect(mayDisclose([revoked], request)).toEqual({
      allowed: false,
      reason: 'The participant revoked the consent for south on 15 February 2026.',
    });
  });

  it('refuses an expired consent', () => {
    expect(mayDisclose([toSouth], { ...request, at: '2027-01-05T00:00:00Z' })).toEqual({
      allowed: false,
      reason: 'The consent for south expired on 31 December 2026.',
    });
  });

  it('refuses a consent ended by its expiry event once the event happened', () => {
    const untilDischarge: Part2Consent = { ...toSouth, expiry: { kind: 'event', event: 'discharge from the programme' } };
    expect(mayDisclose([untilDischarge], request).allowed).toBe(true);
    const discharged: Part2Consent = { ...untilDischarge, expiry: { ...untilDischarge.expiry, occurredAt: '2026-02-20T10:00:00Z' } as Part2Consent['expiry'] };
    expect(mayDisclose([discharged], request)).toEqual({
      allowed: false,
      reason: 'The consent for south ended with discharge from the programme on 20 February 2026.',
    });
  });

  it('refuses a disclosure dated before the consent was signed', () => {
    expect(mayDisclose([toSouth], { ...request, at: '2026-01-09T00:00:00Z' })).toEqual({
      allowed: false,
      reason: 'The consent for south was signed on 10 January 2026, after the date of this disclosure.',
    });
  });

  it('finds a still-valid consent beside a revoked one', () => {
    const renewed = { ...toSouth, consentId: 'c-2', signedAt: '2026-02-20T00:00:00Z' };
    expect(mayDisclose([{ ...toSouth, revokedAt: '2026-02-15T00:00:00Z' }, renewed], request)).toEqual({ allowed: true, consentId: 'c-2' });
  });

  it('gives dates in the site time zone', () => {
    const revoked = { ...toSouth, revokedAt: '2026-02-16T03:00:00Z' };
    expect(mayDisclose([revoked], { ...request, timeZone: 'America/Los_Angeles' })).toMatchObject({
      reason: 'The participant revoked the consent for south on 15 February 2026.',
    });
  });

  describe('windows (property)', () => {
    const dayOffset = fc.integer({ min: 0, max: 2000 });

    it('allows exactly from signature until expiry or revocation, whichever comes first', () =>
      fc.assert(
        fc.property(dayOffset, dayOffset, fc.option(dayOffset, { nil: undefined }), dayOffset, (signed, length, revokedAfter, atOffset) => {
          const signedAt = T0 + signed * DAY;
          const expiresAt = signedAt + (length + 1) * DAY;
          const revokedAt = revokedAfter === undefined ? undefined : signedAt + revokedAfter * DAY;
          const at = T0 + atOffset * DAY + DAY / 2;
          const consent: Part2Consent = {
            ...toSouth,
            signedAt: iso(signedAt),
            expiry: { kind: 'date', on: iso(expiresAt) },
            revokedAt: revokedAt === undefined ? null : iso(revokedAt),
          };
          const expected = signedAt <= at && at < expiresAt && (revokedAt === undefined || at < revokedAt);
          const decision = mayDisclose([consent], { ...request, at: iso(at) });
          expect(decision.allowed).toBe(expected);
          if (!decision.allowed) expect(decision.reason).toMatch(/^(The consent for south|The participant revoked)/);
        }),
      ));

    it('never refuses what it allowed once more consents are added', () =>
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              recipient: fc.constantFrom('south', 'county court'),
              purpose: fc.constantFrom('treatment', 'payment'),
              signed: dayOffset,
              length: dayOffset,
              revoked: fc.option(dayOffset, { nil: undefined }),
            }),
            { maxLength: 6 },
          ),
          fc.nat({ max: 6 }),
          dayOffset,
          (drafts, split, atOffset) => {
            const consents: Part2Consent[] = drafts.map((d, i) => ({
              ...toSouth,
              consentId: `c-${i}`,
              recipient: d.recipient,
              purpose: d.purpose,
              signedAt: iso(T0 + d.signed * DAY),
              expiry: { kind: 'date', on: iso(T0 + (d.signed + d.length + 1) * DAY) },
              revokedAt: d.revoked === undefined ? null : iso(T0 + (d.signed + d.revoked) * DAY),
            }));
            const at = iso(T0 + atOffset * DAY);
            const some = mayDisclose(consents.slice(0, split), { ...request, at });
            const all = mayDisclose(consents, { ...request, at });
            if (some.allowed) expect(all.allowed).toBe(true);
            if (all.allowed) expect(consents.find((c) => c.consentId === all.consentId)?.recipient).toBe('south');
          },
        ),
      ));

    it('allows only information within the consent', () =>
      fc.assert(
        fc.property(
          fc.subarray(['enrolment', 'attendance', 'assessments', 'screens']),
          fc.subarray(['enrolment', 'attendance', 'assessments', 'screens']),
          (covered, wanted) => {
            const decision = mayDisclose([{ ...toSouth, information: covered }], { ...request, information: wanted });
            expect(decision.allowed).toBe(wanted.every((w) => covered.includes(w)));
          },
        ),
      ));
  });
});
