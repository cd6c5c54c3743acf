import type { Role } from '../authentication/role';

/** Roles whose reach is narrowed to some people: a participant to themselves, a peer mentor to their caseload. */
export const PERSON_SCOPED_ROLES: readonly Role[] = ['participant', 'peer-mentor'];

/** The caller's roles that the route accepts, in the route's order. */
export const grantingRoles = (held: readonly Role[], accepted: readonly Role[]): Role[] =>
  accepted.filter((role) => held.includes(role));

/**
 * The role recorded as the actor's (events, audit): the broadest one that granted the request, so
 * a clinician who is also a peer mentor is audited as a clinician when that is what let them in.
 */
export const actingRole = (granting: readonly Role[]): Role | undefined =>
  granting.find((role) => !PERSON_SCOPED_ROLES.includes(role)) ?? granting[0];
