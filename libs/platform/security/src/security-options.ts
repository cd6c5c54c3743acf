import type { JwtConfig } from './authentication/jwt-config';
import type { MasterKeyRing } from './pii/master-key-ring';

export type ThrottleOptions = Readonly<{ ttlMs?: number; limit?: number }>;

export type SecurityModuleOptions = Readonly<{
  /** The service's name, first part of its stream names: `enrolment`, `mentoring`… */
  context: string;
  /** Default: from JWT_JWKS_URL / JWT_SECRET / JWT_ISSUER / JWT_AUDIENCE. */
  jwt?: JwtConfig;
  /** Per signed-in person; `false` turns it off. Default from THROTTLE_LIMIT / THROTTLE_TTL_MS, else 300 a minute. */
  throttle?: ThrottleOptions | false;
  /** Provides PiiVault over `<schema>.pii_keys`, migrated on start. Master keys default to PII_MASTER_KEY(S). */
  pii?: Readonly<{ connectionString: string; schema: string; masterKeys?: MasterKeyRing; cache?: { maxEntries?: number; ttlMs?: number } }>;
  /** Default: the system clock. */
  clock?: () => Date;
}>;

export const SECURITY_OPTIONS = Symbol.for('alongside.SecurityOptions');
