import { randomBytes } from 'node:crypto';
import type { DevTokenClaims, DevTokenOptions } from '../authentication/dev-token';

/** Signs a token as `mintDevToken` does; services pass `mintDevToken` or a wrapper of it. */
export type TokenMinter = (claims: DevTokenClaims, options?: DevTokenOptions) => Promise<string>;

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT with `alg: none` and no signature: whatever it claims, it must grant nothing. */
export const unsignedToken = (payload: object, header: object = {}): string => `${part({ alg: 'none', typ: 'JWT', ...header })}.${part(payload)}.`;

/** Tokens that must all be refused with 401, each carrying otherwise acceptable claims. */
export const refusedTokens = (mint: TokenMinter, claims: DevTokenClaims): ReadonlyArray<readonly [string, () => Promise<string>]> => [
  ['signed with another key', () => mint(claims, { secret: randomBytes(32).toString('base64url') })],
  ['expired', () => mint(claims, { ttl: -120 })],
  ['for another audience', () => mint(claims, { audience: 'another-audience' })],
  [
    'unsigned (alg none)',
    async () => {
      const now = Math.floor(Date.now() / 1000);
      const payload = { ...claims, sub: claims.sub ?? 'forger', iss: 'alongside', aud: 'alongside', iat: now, exp: now + 600 };
      return unsignedToken(payload);
    },
  ],
];
