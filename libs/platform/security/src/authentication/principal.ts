import { isSiteId, type SiteId } from '@alongside/platform/event-sourcing';
import { InvalidToken } from './invalid-token';
import { isRole, type Role } from './role';

/** Who is calling, as the verified token says. Attached to the request by the JWT guard. */
export type Principal = Readonly<{
  sub: string;
  roles: readonly Role[];
  sites: readonly SiteId[];
  /** Set for the role `participant` only: the one person the companion app acts for. */
  participantId?: string;
  /** A peer mentor's own mentor id, to look up their caseload. */
  mentorId?: string;
}>;

const malformed = (why: string) => new InvalidToken('malformed-claims', `The token's claims are not valid: ${why}`);

const optionalId = (value: unknown, claim: string): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 100) throw malformed(`${claim} must be a non-empty string`);
  return value;
};

/**
 * Reads the claims of a verified token. Malformed claims refuse the token rather than being
 * guessed at: a token is either exactly what we expect or it grants nothing.
 */
export const principalFromClaims = (claims: Readonly<Record<string, unknown>>): Principal => {
  const { sub, roles, sites } = claims;
  if (typeof sub !== 'string' || sub.length === 0) throw malformed('sub is missing');
  if (!Array.isArray(roles)) throw malformed('roles must be an array');
  if (!Array.isArray(sites)) throw malformed('sites must be an array');
  if (!sites.every(isSiteId)) throw malformed('sites must hold site ids');
  // Unknown roles are ignored so that an identity provider may carry roles of other systems.
  const known = [...new Set(roles.filter(isRole))];
  const participantId = optionalId(claims['participantId'], 'participantId');
  const mentorId = optionalId(claims['mentorId'], 'mentorId');

  if (known.includes('participant')) {
    if (known.length !== 1) throw malformed('a participant token carries no other role');
    if (!participantId) throw malformed('a participant token names its participantId');
    if (sites.length !== 1) throw malformed('a participant token names exactly one site');
  } else if (participantId !== undefined) {
    throw malformed('participantId belongs to participant tokens only');
  }

  return {
    sub,
    roles: known,
    sites: [...new Set(sites)],
    ...(participantId !== undefined && { participantId }),
    ...(mentorId !== undefined && { mentorId }),
  };
};
