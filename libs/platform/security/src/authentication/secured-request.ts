import type { Role } from './role';
import type { Principal } from './principal';

/**
 * What the security guards learn about a request and keep on it. Only the fields the guards,
 * interceptors and filters read are typed, so the lib does not depend on Express's types.
 */
export type SecuredRequest = {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string | undefined>;
  method: string;
  url: string;
  route?: { path?: string };
  /** Set by pino-http when the service runtime installs it. */
  id?: unknown;
  principal?: Principal;
  /** The principal's roles that this route accepts, set by the roles guard. */
  grantingRoles?: readonly Role[];
  correlationId?: string;
};
