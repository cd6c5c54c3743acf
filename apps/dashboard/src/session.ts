/**
 * The signed-in user, from the token they pasted. The page reads the token's claims only to offer
 * the right sites and say who is signed in; the API checks the signature and every claim itself.
 */
export type Session = Readonly<{ token: string; sub: string; roles: readonly string[]; sites: readonly string[]; expiresAt: Date | null }>;

const KEY = 'alongside.dashboard.token';
const DASHBOARD_ROLES = ['clinician', 'site-manager'];

export class SignInRefused extends Error {}

const claimsOf = (token: string): Record<string, unknown> => {
  const parts = token.split('.');
  if (parts.length !== 3) throw new SignInRefused('That is not a token: a token has three parts separated by dots.');
  try {
    const binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    // atob gives one character per byte, and claims are UTF-8: decoded, a name in any script reads as written.
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new SignInRefused('The token could not be read. Copy it again, whole.');
  }
};

export const sessionFrom = (raw: string): Session => {
  const token = raw.trim();
  const claims = claimsOf(token);
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  const sites = Array.isArray(claims.sites) ? claims.sites.map(String) : [];
  const expiresAt = typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  if (expiresAt && expiresAt.getTime() < Date.now()) throw new SignInRefused('This token has expired. Ask for a new one.');
  if (!roles.some((role) => DASHBOARD_ROLES.includes(role))) {
    throw new SignInRefused('Dashboards are for clinicians and site managers; this token has neither role.');
  }
  if (sites.length === 0) throw new SignInRefused('This token names no site.');
  return { token, sub: String(claims.sub ?? 'unknown'), roles, sites, expiresAt };
};

export const storedSession = (): Session | null => {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  try {
    return sessionFrom(token);
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
};

export const keep = (session: Session): void => sessionStorage.setItem(KEY, session.token);
export const forget = (): void => sessionStorage.removeItem(KEY);
