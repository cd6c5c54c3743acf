import { NotFoundHere, personReach, type Access } from '@alongside/platform/security';

/**
 * A peer mentor (with no broader role granting the route) acts only on their own matches; anyone
 * else granted the route acts for the site. Returns the mentor id the decider must check, or null.
 */
export const actingMentorOf = (access: Pick<Access, 'principal' | 'grantingRoles'>): string | null => {
  const reach = personReach(access.principal, access.grantingRoles);
  if (reach.kind === 'site-wide') return null;
  if (reach.caseloadOf === undefined) throw new NotFoundHere();
  return reach.caseloadOf;
};

/** Another mentor's match answers exactly as an absent one: 404. */
export const assertOwnMatch = (access: Pick<Access, 'principal' | 'grantingRoles'>, match: { status: string; mentorId?: string }): void => {
  const mentorId = actingMentorOf(access);
  if (mentorId !== null && (match.status === 'none' || match.mentorId !== mentorId)) throw new NotFoundHere();
};
