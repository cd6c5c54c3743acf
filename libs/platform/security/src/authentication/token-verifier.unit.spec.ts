import { SignJWT, generateKeyPair } from 'jose';
import { unsignedToken } from '../test-kit/forged-tokens';
import { mintDevToken } from './dev-token';
import { InvalidToken } from './invalid-token';
import { TokenVerifier } from './token-verifier';

const SECRET = 'token-verifier-spec-secret-0123456789abcdef';
const verifier = new TokenVerifier({
  kind: 'secret',
  secret: new TextEncoder().encode(SECRET),
  issuer: 'alongside',
  audience: 'alongside',
  clockToleranceSeconds: 0,
});
const claims = { roles: ['clinician'], sites: ['north'] } as const;

const refusal = async (token: string) => {
  const error = await verifier.verify(token).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidToken);
  return error as InvalidToken;
};

describe('Token verification with a shared secret (HS256)', () => {
  it('reads the principal of a valid token', async () => {
    expect(await verifier.verify(await mintDevToken({ ...claims, sub: 'dr-hale' }, { secret: SECRET }))).toEqual({
      sub: 'dr-hale',
      roles: ['clinician'],
      sites: ['north'],
    });
  });

  it('refuses a token signed with a wrong key', async () => {
    expect((await refusal(await mintDevToken(claims, { secret: 'w'.repeat(40) }))).reason).toBe('invalid');
  });

  it('refuses an expired token, saying so', async () => {
    expect((await refusal(await mintDevToken(claims, { secret: SECRET, ttl: -1 }))).reason).toBe('expired');
  });

  it('refuses a token for another audience or from another issuer', async () => {
    await refusal(await mintDevToken(claims, { secret: SECRET, audience: 'billing' }));
    await refusal(await mintDevToken(claims, { secret: SECRET, issuer: 'elsewhere' }));
  });

  it('refuses alg none', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    await refusal(unsignedToken({ ...claims, sub: 'x', iss: 'alongside', aud: 'alongside', exp }));
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('alongside')
      .setAudience('alongside')
      .sign(new TextEncoder().encode(SECRET));
    await refusal(token);
  });

  it('refuses an asymmetric algorithm where a secret is configured', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer('alongside')
      .setAudience('alongside')
      .setExpirationTime('1h')
      .sign(privateKey);
    await refusal(token);
  });

  it('refuses garbage', async () => {
    await refusal('not.a.token');
    await refusal('');
  });

  it('refuses a validly signed token with malformed claims', async () => {
    const token = await new SignJWT({ roles: ['participant'], sites: ['north'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('alongside')
      .setAudience('alongside')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(token)).reason).toBe('malformed-claims');
  });
});
