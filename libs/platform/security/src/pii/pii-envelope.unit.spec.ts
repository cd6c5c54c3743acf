import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { isPiiEnvelope, openValue, parseEnvelope, sealValue } from './pii-envelope';

const key = randomBytes(32);
const keyId = '0b9a4c5e-7f0d-4d6e-9c1a-4b2f6a1d3e70';

describe('PII envelope', () => {
  it('round-trips any JSON value', () =>
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const sealed = sealValue(key, keyId, 'p-1', value);
        expect(openValue(key, 'p-1', parseEnvelope(sealed)!)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    ));

  it('is a JSON-safe string naming its version and key, never the clear value', () => {
    const sealed = sealValue(key, keyId, 'p-1', 'Maria Lopez');
    expect(sealed).toMatch(/^pii\.v1\.0b9a4c5e-7f0d-4d6e-9c1a-4b2f6a1d3e70\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('Maria');
    expect(JSON.parse(JSON.stringify({ name: sealed })).name).toBe(sealed);
    expect(isPiiEnvelope(sealed)).toBe(true);
  });

  it('gives a different ciphertext each time', () => {
    expect(sealValue(key, keyId, 'p-1', 'same')).not.toBe(sealValue(key, keyId, 'p-1', 'same'));
  });

  it('does not open for another participant, with another key, or once tampered with', () => {
    const sealed = sealValue(key, keyId, 'p-1', 'Maria Lopez');
    expect(() => openValue(key, 'p-2', parseEnvelope(sealed)!)).toThrow();
    expect(() => openValue(randomBytes(32), 'p-1', parseEnvelope(sealed)!)).toThrow();
    const parts = sealed.split('.');
    parts[5] = Buffer.from('Mario Lopez').toString('base64url');
    expect(() => openValue(key, 'p-1', parseEnvelope(parts.join('.'))!)).toThrow();
  });

  it('recognises only its own format', () => {
    expect([parseEnvelope('Maria'), parseEnvelope(42), parseEnvelope('pii.v2.a.b.c.d')]).toEqual([undefined, undefined, undefined]);
  });
});
