import { AsyncLocalStorage } from 'node:async_hooks';
import { isSiteId, type SiteId } from '@alongside/platform/event-sourcing';

/**
 * The Postgres setting the row-level policies read (DESIGN §7): a comma-separated list of site ids,
 * or `*` for work that must see every site. Unset or empty, a policed table shows no rows at all.
 */
export const SITE_SCOPE_SETTING = 'alongside.site_ids';
export const ALL_SITES = '*';

type Scope = { sites: readonly SiteId[] | typeof ALL_SITES | null };

const scopes = new AsyncLocalStorage<Scope>();

// A value that is not a site id (a comma, a `*`) would widen the list the policies split: dropped.
const onlySiteIds = (sites: readonly SiteId[]): SiteId[] => sites.filter((site) => isSiteId(site));

/**
 * Which sites the database may show to the work in progress, carried across awaits. A request
 * starts with an empty scope that only the verified token fills in; background work that must see
 * every site (projections, sagas) says so out loud with `allSites`.
 */
export const siteScope = {
  run<T>(sites: readonly SiteId[], work: () => T): T {
    return scopes.run({ sites: onlySiteIds(sites) }, work);
  },

  allSites<T>(work: () => T): T {
    return scopes.run({ sites: ALL_SITES }, work);
  },

  /** An empty scope for one request: until `admit` runs, nothing of any site is visible. */
  openRequest<T>(work: () => T): T {
    return scopes.run({ sites: null }, work);
  },

  /** Called once the token is verified: the request may see the token's sites, and no others. */
  admit(sites: readonly SiteId[]): void {
    const scope = scopes.getStore();
    if (scope && scope.sites === null) scope.sites = onlySiteIds(sites);
  },

  /** The value for SITE_SCOPE_SETTING: '' (no site) outside any scope or before admission. */
  setting(): string {
    const sites = scopes.getStore()?.sites ?? null;
    if (sites === null) return '';
    return sites === ALL_SITES ? ALL_SITES : sites.join(',');
  },
};
