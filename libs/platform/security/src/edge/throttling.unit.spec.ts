import { throttleFromEnv, throttlerOptions } from './throttling';

describe('Throttling configuration', () => {
  it('defaults to 300 requests a minute', () => {
    expect(throttleFromEnv({})).toEqual({ limit: 300, ttlMs: 60_000 });
  });

  it('reads THROTTLE_LIMIT and THROTTLE_TTL_MS, and can be turned off', () => {
    expect(throttleFromEnv({ THROTTLE_LIMIT: '50', THROTTLE_TTL_MS: '1000' })).toEqual({ limit: 50, ttlMs: 1000 });
    expect(throttleFromEnv({ THROTTLE_LIMIT: 'off' })).toBe(false);
    expect(() => throttleFromEnv({ THROTTLE_LIMIT: 'lots' })).toThrow(/positive integers/);
  });

  it('tracks a signed-in person by subject and anyone else by address', async () => {
    const options = throttlerOptions({ limit: 5, ttlMs: 1000 });
    const track = !Array.isArray(options) && options.getTracker;
    if (!track) throw new Error('no tracker');
    const context = {} as never;
    expect(await track({ principal: { sub: 'dr-hale' }, ip: '10.0.0.1' }, context)).toBe('principal:dr-hale');
    expect(await track({ ip: '10.0.0.1' }, context)).toBe('address:10.0.0.1');
  });
});
