/**
 * How tokens are verified. HS256 with a shared secret is for development and tests; production
 * verifies RS256/ES256 tokens against the identity provider's JWKS, so no signing secret lives in
 * the services.
 */
export type JwtConfig = Readonly<
  { issuer: string; audience: string; clockToleranceSeconds: number } & (
    | { kind: 'secret'; secret: Uint8Array }
    | { kind: 'jwks'; jwksUrl: URL }
  )
>;

/** The development secret, used when JWT_SECRET is unset outside production. Never valid in production. */
export const DEV_JWT_SECRET = 'alongside-development-secret-not-for-production';

export const DEFAULT_ISSUER = 'alongside';
export const DEFAULT_AUDIENCE = 'alongside';

const MIN_SECRET_BYTES = 32;

type Env = Readonly<Record<string, string | undefined>>;

export const jwtSecretFromEnv = (env: Env = process.env): string => env['JWT_SECRET'] || DEV_JWT_SECRET;

/**
 * JWT_JWKS_URL selects JWKS verification; otherwise JWT_SECRET (or the development secret).
 * In production (NODE_ENV=production) a JWKS URL is required: starting without one is refused.
 */
export const jwtConfigFromEnv = (env: Env = process.env): JwtConfig => {
  const common = {
    issuer: env['JWT_ISSUER'] || DEFAULT_ISSUER,
    audience: env['JWT_AUDIENCE'] || DEFAULT_AUDIENCE,
    clockToleranceSeconds: 5,
  };
  const jwksUrl = env['JWT_JWKS_URL'];
  if (jwksUrl) {
    const url = new URL(jwksUrl);
    if (env['NODE_ENV'] === 'production' && url.protocol !== 'https:') {
      throw new Error('JWT_JWKS_URL must be an https URL in production');
    }
    return { ...common, kind: 'jwks', jwksUrl: url };
  }
  if (env['NODE_ENV'] === 'production') {
    throw new Error('In production tokens are verified against JWT_JWKS_URL; HS256 secrets are for development and tests');
  }
  const secret = new TextEncoder().encode(jwtSecretFromEnv(env));
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
  return { ...common, kind: 'secret', secret };
};
