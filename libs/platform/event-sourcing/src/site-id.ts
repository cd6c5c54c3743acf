/** A site's id: lower-case words joined by hyphens (`north`, `site-042`). Branded so it is never a stray string. */
export type SiteId = string & { readonly __brand: 'SiteId' };

const SITE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const isSiteId = (value: unknown): value is SiteId =>
  typeof value === 'string' && value.length <= 40 && SITE_ID.test(value);

export const siteId = (value: string): SiteId => {
  if (!isSiteId(value)) throw new TypeError(`"${value}" is not a site id (lower-case words joined by hyphens)`);
  return value;
};
