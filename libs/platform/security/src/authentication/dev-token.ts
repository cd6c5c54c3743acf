import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, jwtSecretFromEnv } from './jwt-config';
import { principalFromClaims } from './principal';
import type { Role } from './role';

export type DevTokenClaims = Readonly<{
  roles: readonly Role[];
  sites: readonly string[];
  sub?: string;
  participantId?: string;
  mentorId?: string;
}>;

export type DevTokenOptions = Readonly<{
  /** Seconds (negative for an already expired token) or `30s`, `15m`, `8h`, `7d`. Default 8h. */
  ttl?: number | string;
  /** Default JWT_SECRET, else the documented development secret. */
  secret?: string;
  issuer?: string;
  audience?: string;
  now?: Date;
}>;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

export const ttlSeconds = (ttl: number | string): number => {
  if (typeof ttl === 'number') return ttl;
  const match = /^(-?\d+)\s*([smhd])?$/.exec(ttl.trim());
  if (!match) throw new TypeError(`"${ttl}" is not a duration like 30s, 15m, 8h or 7d`);
  return Number(match[1]) * UNIT_SECONDS[(match[2] ?? 's') as keyof typeof UNIT_SECONDS];
};

/**
 * Signs an HS256 token for development, tests and the demo. The claims are checked exactly as the
 * guard will check them, so a token the guard would refuse is never printed.
 */
export const mintDevToken = async (claims: DevTokenClaims, options: DevTokenOptions = {}): Promise<string> => {
  const payload = {
    sub: claims.sub ?? `dev-${claims.roles[0] ?? 'nobody'}`,
    roles: [...claims.roles],
    sites: [...claims.sites],
    ...(claims.participantId !== undefined && { participantId: claims.participantId }),
    ...(claims.mentorId !== undefined && { mentorId: claims.mentorId }),
  };
  principalFromClaims(payload);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer ?? (process.env['JWT_ISSUER'] || DEFAULT_ISSUER))
    .setAudience(options.audience ?? (process.env['JWT_AUDIENCE'] || DEFAULT_AUDIENCE))
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds(options.ttl ?? '8h'))
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(options.secret ?? jwtSecretFromEnv()));
};
