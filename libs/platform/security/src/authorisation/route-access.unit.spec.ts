import fc from 'fast-check';
import { ROLES, type Role } from '../authentication/role';
import { personReach } from './person-reach';
import { actingRole, grantingRoles, PERSON_SCOPED_ROLES } from './route-access';

const roles = fc.subarray([...ROLES]);

describe('Which roles grant a route', () => {
  it('are exactly the roles held that the route accepts', () =>
    fc.assert(
      fc.property(roles, roles, (held, accepted) => {
        const granting = grantingRoles(held, accepted);
        expect(granting.every((role) => held.includes(role) && accepted.includes(role))).toBe(true);
        expect(accepted.filter((role) => held.includes(role))).toEqual(granting);
      }),
    ));

  it('record the broadest granting role as the actor', () => {
    expect(actingRole(['peer-mentor', 'clinician'])).toBe('clinician');
    expect(actingRole(['peer-mentor'])).toBe('peer-mentor');
    expect(actingRole([])).toBeUndefined();
  });
});

describe('Which participants a request reaches', () => {
  const principal = { sub: 'x', roles: [] as Role[], sites: [], participantId: 'p-1', mentorId: 'm-1' };

  it('is the whole site as soon as one granting role is not person-scoped', () =>
    fc.assert(
      fc.property(roles, (granting) => {
        const siteWide = granting.some((role) => !PERSON_SCOPED_ROLES.includes(role));
        expect(personReach(principal, granting).kind === 'site-wide').toBe(siteWide);
      }),
    ));

  it('is oneself for a participant and the caseload for a peer mentor', () => {
    expect(personReach(principal, ['participant'])).toEqual({ kind: 'narrowed', self: 'p-1' });
    expect(personReach(principal, ['peer-mentor'])).toEqual({ kind: 'narrowed', caseloadOf: 'm-1' });
  });

  it('is no one for a peer mentor whose token names no mentor id', () => {
    expect(personReach({ sub: 'x', roles: ['peer-mentor'], sites: [] }, ['peer-mentor'])).toEqual({ kind: 'narrowed' });
  });
});
