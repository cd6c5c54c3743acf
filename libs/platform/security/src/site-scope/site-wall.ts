import { ALL_SITES, SITE_SCOPE_SETTING } from './site-scope';

/** The policy's name on every policed table, so that applying it twice is recognised. */
export const SITE_WALL_POLICY = 'site_wall';

// `true` as the second argument: an unset setting reads as NULL (no site), never an error.
const visible = `(current_setting('${SITE_SCOPE_SETTING}', true) = '${ALL_SITES}'
  or site_id = any (string_to_array(nullif(current_setting('${SITE_SCOPE_SETTING}', true), ''), ',')))`;

/**
 * The row-level security that makes a table with a `site_id` column show and accept only the
 * rows of the sites in SITE_SCOPE_SETTING: the second wall behind the application's own site
 * filters. FORCE binds the table's owner too, which is the role the service runs as; only a
 * superuser (migrations, operators) passes through.
 *
 * `table` is a quoted, schema-qualified name.
 */
export const siteWallStatements = (table: string): string[] => [
  `alter table ${table} enable row level security`,
  `alter table ${table} force row level security`,
  `create policy ${SITE_WALL_POLICY} on ${table} using ${visible} with check ${visible}`,
];

const scopedDataSources = new WeakSet<object>();

/**
 * Marks a DataSource whose connections carry the site scope (the service runs as its own role).
 * Only such a DataSource's tables get the wall: on one without the scope, a service that is not a
 * superuser (every service in deploy/) would see no rows at all.
 */
export const markSiteScoped = (dataSource: object): void => {
  scopedDataSources.add(dataSource);
};

export const isSiteScoped = (dataSource: object): boolean => scopedDataSources.has(dataSource);
