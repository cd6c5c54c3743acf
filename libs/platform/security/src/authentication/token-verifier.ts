import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyOptions } from 'jose';
import { InvalidToken } from './invalid-token';
import type { JwtConfig } from './jwt-config';
import { principalFromClaims, type Principal } from './principal';

type Verify = (token: string, options: JWTVerifyOptions) => Promise<Readonly<Record<string, unknown>>>;

/**
 * Verifies a bearer token and reads its principal. The accepted algorithms are pinned per key kind
 * (HS256 for a secret, RS256/ES256 for a JWKS), so `alg: none` and algorithm confusion (an RS256
 * public key used as an HMAC secret) are refused; expiry, issuer and audience are always checked.
 */
export class TokenVerifier {
  private readonly verifyWithKey: Verify;
  private readonly options: JWTVerifyOptions;

  constructor(config: JwtConfig) {
    this.options = {
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: config.clockToleranceSeconds,
      requiredClaims: ['exp', 'sub'],
      algorithms: config.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
    };
    if (config.kind === 'secret') {
      this.verifyWithKey = async (token, options) => (await jwtVerify(token, config.secret, options)).payload;
    } else {
      const keys = createRemoteJWKSet(config.jwksUrl, { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
      this.verifyWithKey = async (token, options) => (await jwtVerify(token, keys, options)).payload;
    }
  }

  async verify(token: string): Promise<Principal> {
    let claims: Readonly<Record<string, unknown>>;
    try {
      claims = await this.verifyWithKey(token, this.options);
    } catch (error) {
      throw asInvalidToken(error);
    }
    return principalFromClaims(claims);
  }
}

const asInvalidToken = (error: unknown): unknown => {
  if (error instanceof errors.JWTExpired) return new InvalidToken('expired', 'The token has expired; sign in again.');
  // An unreachable identity provider is our fault, not the caller's: let it surface as a 5xx.
  if (error instanceof errors.JWKSTimeout) return error;
  if (error instanceof errors.JOSEError) {
    return new InvalidToken('invalid', 'The token could not be verified.');
  }
  return error;
};
