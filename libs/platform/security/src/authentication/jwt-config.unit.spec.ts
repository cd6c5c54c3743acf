import { DEV_JWT_SECRET, jwtConfigFromEnv } from './jwt-config';

describe('JWT configuration from the environment', () => {
  it('uses the development secret and the default issuer and audience outside production', () => {
    const config = jwtConfigFromEnv({});
    expect(config).toMatchObject({ kind: 'secret', issuer: 'alongside', audience: 'alongside' });
    expect(config.kind === 'secret' && new TextDecoder().decode(config.secret)).toBe(DEV_JWT_SECRET);
  });

  it('takes JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE', () => {
    const config = jwtConfigFromEnv({ JWT_SECRET: 's'.repeat(32), JWT_ISSUER: 'idp', JWT_AUDIENCE: 'enrolment' });
    expect(config).toMatchObject({ kind: 'secret', issuer: 'idp', audience: 'enrolment' });
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => jwtConfigFromEnv({ JWT_SECRET: 'short' })).toThrow(/32 bytes/);
  });

  it('prefers a JWKS URL', () => {
    expect(jwtConfigFromEnv({ JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_SECRET: 's'.repeat(32) })).toMatchObject({ kind: 'jwks' });
  });

  it('requires a JWKS URL in production, over https', () => {
    expect(() => jwtConfigFromEnv({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) })).toThrow(/JWT_JWKS_URL/);
    expect(() => jwtConfigFromEnv({ NODE_ENV: 'production', JWT_JWKS_URL: 'http://idp.example/jwks.json' })).toThrow(/https/);
    expect(jwtConfigFromEnv({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json' }).kind).toBe('jwks');
  });
});
