import { DataKeyCache } from './data-key-cache';

const entry = (keyId: string) => ({ keyId, key: Buffer.alloc(32, 1) });

describe('Data key cache', () => {
  it('forgets a key after its time to live', () => {
    let now = 0;
    const cache = new DataKeyCache({ ttlMs: 1000, now: () => now });
    cache.set('p-1', entry('k-1'));
    now = 999;
    expect(cache.get('p-1')?.keyId).toBe('k-1');
    now = 1000;
    expect(cache.get('p-1')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const cache = new DataKeyCache({ maxEntries: 2 });
    cache.set('a', entry('ka'));
    cache.set('b', entry('kb'));
    cache.get('a');
    cache.set('c', entry('kc'));
    expect([cache.get('a')?.keyId, cache.get('b'), cache.get('c')?.keyId]).toEqual(['ka', undefined, 'kc']);
    expect(cache.size).toBe(2);
  });

  it('can be turned off', () => {
    const cache = new DataKeyCache({ maxEntries: 0 });
    cache.set('a', entry('ka'));
    expect(cache.get('a')).toBeUndefined();
  });
});
