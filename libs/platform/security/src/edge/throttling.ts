import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { SecuredRequest } from '../authentication/secured-request';
import type { ThrottleOptions } from '../security-options';

export const DEFAULT_THROTTLE = { ttlMs: 60_000, limit: 300 } as const;

type Env = Readonly<Record<string, string | undefined>>;

/** THROTTLE_LIMIT (requests per window, `off` to disable) and THROTTLE_TTL_MS (the window). */
export const throttleFromEnv = (env: Env = process.env): ThrottleOptions | false => {
  if (env['THROTTLE_LIMIT'] === 'off') return false;
  const limit = Number(env['THROTTLE_LIMIT'] || DEFAULT_THROTTLE.limit);
  const ttlMs = Number(env['THROTTLE_TTL_MS'] || DEFAULT_THROTTLE.ttlMs);
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(ttlMs) || ttlMs < 1) {
    throw new Error('THROTTLE_LIMIT and THROTTLE_TTL_MS must be positive integers (or THROTTLE_LIMIT=off)');
  }
  return { limit, ttlMs };
};

/**
 * Limits count per signed-in person, not per address: behind an ingress every clinic shares one
 * address, and the risk worth limiting is one account (or a runaway client) pulling records fast.
 * Routes open without a token (health, metrics) count per address.
 */
export const throttlerOptions = (throttle: ThrottleOptions): ThrottlerModuleOptions => ({
  throttlers: [{ name: 'default', ttl: throttle.ttlMs ?? DEFAULT_THROTTLE.ttlMs, limit: throttle.limit ?? DEFAULT_THROTTLE.limit }],
  getTracker: (request) => {
    const { principal, ip } = request as SecuredRequest & { ip?: string };
    return principal ? `principal:${principal.sub}` : `address:${ip ?? 'unknown'}`;
  },
});
