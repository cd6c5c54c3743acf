import { ALL_SITES, SITE_SCOPE_SETTING } from './site-scope';

/**
 * The policy's name on every policed table, so that applying it twice is recognised. Versioned:
 * a table still carrying an older policy gets the new one and loses the old (permissive policies
 * are OR-ed, so leaving it would keep its cost).
 */
export const SITE_WALL_POLICY = 'site_wall_v3';
export const SUPERSEDED_SITE_WALL_POLICIES = ['site_wall', 'site_wall_v2'] as const;

// `true` as the second argument: an unset setting reads as NULL (no site), never an error. The
// setting is read in subqueries, so Postgres evaluates it once per statement instead of splitting
// the site list again for every row it scans: 62 ms → 15 ms on an analyst query over 338k events
// (bench/README.md). The list is a set (`in (select unnest(…))`), not an array (`= any (…)`):
// Postgres hashes the rows of a subquery but compares an array built by one entry by entry, so
// with 100 sites in the scope every row cost 100 comparisons: counting 34,500 episodes as the
// service, 57–60 ms as an array, 9–11 ms as a set, 4 ms with no wall (v2 → v3, bench/README.md).
const setting = `current_setting('${SITE_SCOPE_SETTING}', true)`;
const visible = `((select ${setting}) = '${ALL_SITES}'
  or site_id in (select unnest(string_to_array(nullif(${setting}, ''), ','))))`;

/**
 * The transaction-level advisory lock under which a service's schema is changed: its role's
 * grants and ownership (service runtime) and its tables' walls (projections). Two processes of a
 * service starting together would otherwise update the same catalog rows at once, and Postgres
 * refuses the second with "tuple concurrently updated".
 */
export const schemaChangeLockKey = (schema: string): string => `alongside.service-role.${schema}`;

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
  ...SUPERSEDED_SITE_WALL_POLICIES.map((old) => `drop policy if exists ${old} on ${table}`),
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
