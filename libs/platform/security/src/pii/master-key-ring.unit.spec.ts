import { randomBytes } from 'node:crypto';
import { DEV_PII_MASTER_KEY_ID, MasterKeyRing, masterKeyRingFromEnv } from './master-key-ring';

const key = () => randomBytes(32).toString('base64');

describe('Master key ring', () => {
  it('wraps with the current key and unwraps with the key recorded', () => {
    const old = key();
    const before = new MasterKeyRing({ 'mk-1': old }, 'mk-1');
    const dataKey = randomBytes(32);
    const wrapped = before.wrap(dataKey, 'p/k');
    expect(wrapped.masterKeyId).toBe('mk-1');

    const during = new MasterKeyRing({ 'mk-1': old, 'mk-2': key() }, 'mk-2');
    expect(during.unwrap(wrapped, 'p/k').equals(dataKey)).toBe(true);
    expect(during.wrap(dataKey, 'p/k').masterKeyId).toBe('mk-2');
  });

  it('does not unwrap a key moved to another participant', () => {
    const ring = new MasterKeyRing({ 'mk-1': key() }, 'mk-1');
    expect(() => ring.unwrap(ring.wrap(randomBytes(32), 'alice/k'), 'bob/k')).toThrow();
  });

  it('says which master key is missing', () => {
    const wrapped = new MasterKeyRing({ 'mk-1': key() }, 'mk-1').wrap(randomBytes(32), 'p/k');
    expect(() => new MasterKeyRing({ 'mk-2': key() }, 'mk-2').unwrap(wrapped, 'p/k')).toThrow(/"mk-1" is not configured/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new MasterKeyRing({ short: randomBytes(16).toString('base64') }, 'short')).toThrow(/32 bytes/);
  });

  describe('from the environment', () => {
    it('takes PII_MASTER_KEY as the current key and PII_MASTER_KEYS as the others', () => {
      const ring = masterKeyRingFromEnv({ PII_MASTER_KEY: key(), PII_MASTER_KEY_ID: 'mk-2', PII_MASTER_KEYS: `mk-1:${key()}` });
      expect(ring.currentId).toBe('mk-2');
      expect(ring.ids.sort()).toEqual(['mk-1', 'mk-2']);
    });

    it('can pick the current key among PII_MASTER_KEYS', () => {
      expect(masterKeyRingFromEnv({ PII_MASTER_KEYS: `a:${key()},b:${key()}`, PII_MASTER_KEY_ID: 'b' }).currentId).toBe('b');
    });

    it('needs an id for the master key', () => {
      expect(() => masterKeyRingFromEnv({ PII_MASTER_KEY: key() })).toThrow(/PII_MASTER_KEY_ID/);
    });

    it('uses the development key outside production only', () => {
      expect(masterKeyRingFromEnv({}).currentId).toBe(DEV_PII_MASTER_KEY_ID);
      expect(() => masterKeyRingFromEnv({ NODE_ENV: 'production' })).toThrow(/required in production/);
    });
  });
});
