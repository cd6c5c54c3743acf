import { InvalidToken } from './invalid-token';
import { principalFromClaims } from './principal';

const refused = (claims: Record<string, unknown>) => expect(() => principalFromClaims(claims)).toThrow(InvalidToken);

describe('Principal from token claims', () => {
  it('reads sub, roles and sites', () => {
    expect(principalFromClaims({ sub: 'dr-hale', roles: ['clinician', 'site-manager'], sites: ['north', 'south'] })).toEqual({
      sub: 'dr-hale',
      roles: ['clinician', 'site-manager'],
      sites: ['north', 'south'],
    });
  });

  it('ignores roles of other systems', () => {
    expect(principalFromClaims({ sub: 'x', roles: ['clinician', 'billing-admin'], sites: ['north'] }).roles).toEqual(['clinician']);
  });

  it("keeps a peer mentor's mentor id", () => {
    expect(principalFromClaims({ sub: 'x', roles: ['peer-mentor'], sites: ['north'], mentorId: 'm-1' }).mentorId).toBe('m-1');
  });

  it('accepts a participant with exactly one participant and one site', () => {
    expect(principalFromClaims({ sub: 'p', roles: ['participant'], sites: ['north'], participantId: 'abc' })).toMatchObject({
      participantId: 'abc',
    });
  });

  it.each([
    ['without sub', { roles: ['clinician'], sites: ['north'] }],
    ['with roles not an array', { sub: 'x', roles: 'clinician', sites: ['north'] }],
    ['without sites', { sub: 'x', roles: ['clinician'] }],
    ['with a site that is not a site id', { sub: 'x', roles: ['clinician'], sites: ['North Site'] }],
    ['for a participant without participantId', { sub: 'x', roles: ['participant'], sites: ['north'] }],
    ['for a participant at two sites', { sub: 'x', roles: ['participant'], sites: ['north', 'south'], participantId: 'p' }],
    ['for a participant with staff roles too', { sub: 'x', roles: ['participant', 'clinician'], sites: ['north'], participantId: 'p' }],
    ['with participantId on a staff token', { sub: 'x', roles: ['clinician'], sites: ['north'], participantId: 'p' }],
    ['with a mentorId that is not a string', { sub: 'x', roles: ['peer-mentor'], sites: ['north'], mentorId: 7 }],
  ])('refuses claims %s', (_, claims) => refused(claims));
});
