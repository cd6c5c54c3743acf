import type { Principal } from '../authentication/principal';
import type { Role } from '../authentication/role';
import { PERSON_SCOPED_ROLES } from './route-access';

/**
 * Which participants a request may reach. Any granting role other than participant or peer mentor
 * reaches everyone at the site; otherwise only the participant themselves and the mentor's caseload.
 */
export type PersonReach =
  | Readonly<{ kind: 'site-wide' }>
  | Readonly<{ kind: 'narrowed'; self?: string; caseloadOf?: string }>;

export const personReach = (principal: Principal, granting: readonly Role[]): PersonReach => {
  if (granting.some((role) => !PERSON_SCOPED_ROLES.includes(role))) return { kind: 'site-wide' };
  return {
    kind: 'narrowed',
    ...(granting.includes('participant') && principal.participantId !== undefined && { self: principal.participantId }),
    ...(granting.includes('peer-mentor') && principal.mentorId !== undefined && { caseloadOf: principal.mentorId }),
  };
};
