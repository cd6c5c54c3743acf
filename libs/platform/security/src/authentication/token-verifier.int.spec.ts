import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { unsignedToken } from '../test-kit/forged-tokens';
import { InvalidToken } from './invalid-token';
import { TokenVerifier } from './token-verifier';

type KeyPair = { publicKey: CryptoKey; privateKey: CryptoKey };

let server: Server;
let verifier: TokenVerifier;
let rsa: KeyPair;
let ec: KeyPair;
let jwksRequests = 0;

const claims = { roles: ['clinician'], sites: ['north'] };
const sign = (key: CryptoKey, alg: string, kid: string, build = (jwt: SignJWT) => jwt) =>
  build(new SignJWT(claims).setProtectedHeader({ alg, kid }).setSubject('dr-hale').setIssuer('https://idp.example').setAudience('alongside').setExpirationTime('5m')).sign(key);

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  ec = await generateKeyPair('ES256', { extractable: true });
  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  // A stand-in identity provider: the verifier fetches its keys over HTTP, as from a real one.
  server = createServer((req, res) => {
    jwksRequests++;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  verifier = new TokenVerifier({
    kind: 'jwks',
    jwksUrl: new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`),
    issuer: 'https://idp.example',
    audience: 'alongside',
    clockToleranceSeconds: 0,
  });
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const refused = async (token: string) => expect(await verifier.verify(token).catch((e: unknown) => e)).toBeInstanceOf(InvalidToken);

describe('Token verification against a JWKS (production)', () => {
  it('accepts RS256 and ES256 tokens signed by the identity provider', async () => {
    expect(await verifier.verify(await sign(rsa.privateKey, 'RS256', 'rsa-1'))).toMatchObject({ sub: 'dr-hale', roles: ['clinician'] });
    expect(await verifier.verify(await sign(ec.privateKey, 'ES256', 'ec-1'))).toMatchObject({ sub: 'dr-hale' });
  });

  it('caches the key set rather than fetching it per request', async () => {
    const before = jwksRequests;
    for (let i = 0; i < 5; i++) await verifier.verify(await sign(ec.privateKey, 'ES256', 'ec-1'));
    expect(jwksRequests - before).toBeLessThanOrEqual(1);
  });

  it('refuses a token signed with a key that is not in the set', async () => {
    const stranger = await generateKeyPair('ES256');
    await refused(await sign(stranger.privateKey, 'ES256', 'ec-1'));
    await refused(await sign(stranger.privateKey, 'ES256', 'unknown-kid'));
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const pem = await exportSPKI(rsa.publicKey);
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setSubject('forger')
      .setIssuer('https://idp.example')
      .setAudience('alongside')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    await refused(forged);
  });

  it('refuses expired tokens and tokens for another audience', async () => {
    await refused(await sign(rsa.privateKey, 'RS256', 'rsa-1', (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 10)));
    await refused(await sign(rsa.privateKey, 'RS256', 'rsa-1', (jwt) => jwt.setAudience('billing')));
  });

  it('refuses alg none', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    await refused(unsignedToken({ ...claims, sub: 'x', iss: 'https://idp.example', aud: 'alongside', exp }, { kid: 'rsa-1' }));
  });
});
