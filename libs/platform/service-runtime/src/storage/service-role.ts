import { Client } from 'pg';
import { schemaChangeLockKey } from '@alongside/platform/security';
import { ensureDatabaseAndSchema } from './ensure-schema';

/** The login role a service's read side runs as: `alongside_outcomes`, never a superuser. */
export const serviceRoleName = (context: string): string => `alongside_${context}`;

/** The role's password: SERVICE_DATABASE_PASSWORD in production; a local default beside postgres/postgres. */
export const serviceRolePassword = (context: string, env: NodeJS.ProcessEnv = process.env): string =>
  env.SERVICE_DATABASE_PASSWORD ?? `alongside-${context}`;

const CONTEXT = /^[a-z][a-z0-9]*$/;
// Another database of the same cluster may be creating the same role at the same moment (advisory
// locks are per database): 42710/23505 when it won the race, XX000 "tuple concurrently updated".
const RACES = new Set(['42710', '23505', 'XX000', '40001', '40P01']);

/**
 * Makes sure the service has its own non-superuser login role owning its schema, and returns the
 * URL to connect as it. Row-level security does not bind a superuser, so the site walls on the
 * read models (DESIGN §7) only hold for a service that is not one.
 *
 * `databaseUrl` is the configured one. When it names a superuser (local runs, tests), the role
 * is created (once), given the schema and its tables, and default privileges on what the
 * superuser's own connections (event store, relay, consumers) create later. When it names
 * anyone else, it already is the service's own role (deploy/compose/postgres-init.sql, the
 * platform's per-service database roles) and is returned as it is.
 */
export const ensureServiceRole = async (databaseUrl: string, context: string, password: string): Promise<string> => {
  if (!CONTEXT.test(context)) throw new Error(`"${context}" is not a context name`);
  await ensureDatabaseAndSchema(databaseUrl, context);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [me] = (await client.query('select current_user as name, rolsuper as super from pg_roles where rolname = current_user')).rows;
    if (!me?.super) return databaseUrl;
    const role = serviceRoleName(context);
    for (let attempt = 1; ; attempt++) {
      try {
        await grantSchemaTo(client, { role, password, schema: context, admin: me.name });
        break;
      } catch (error) {
        if (attempt >= 5 || !RACES.has((error as { code?: string }).code ?? '')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
    const url = new URL(databaseUrl);
    url.username = encodeURIComponent(role);
    url.password = encodeURIComponent(password);
    return url.toString();
  } finally {
    await client.end();
  }
};

type Grant = Readonly<{ role: string; password: string; schema: string; admin: string }>;

const grantSchemaTo = async (client: Client, { role, password, schema, admin }: Grant): Promise<void> => {
  const r = client.escapeIdentifier(role);
  const s = client.escapeIdentifier(schema);
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [schemaChangeLockKey(schema)]);
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = rowCount ? 'alter' : 'create';
    // Altered when it exists too: a changed SERVICE_DATABASE_PASSWORD, or a role made by hand, takes the configured shape.
    await client.query(`${verb} role ${r} login nosuperuser nocreatedb nocreaterole nobypassrls password ${client.escapeLiteral(password)}`);
    const { rows: [db] } = await client.query('select current_database() as name');
    await client.query(`grant connect, temporary on database ${client.escapeIdentifier(db.name)} to ${r}`);
    await client.query(`alter schema ${s} owner to ${r}`);
    // Tables made before the role existed (or by the superuser's connections since): TypeORM and the
    // projections alter and police them, which only an owner may do. Done once per table.
    const { rows } = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = $1 and tableowner <> $2`,
      [schema, role],
    );
    for (const { name } of rows) await client.query(`alter table ${s}.${client.escapeIdentifier(name)} owner to ${r}`);
    await client.query(`grant all on all tables in schema ${s} to ${r}`);
    await client.query(`grant all on all sequences in schema ${s} to ${r}`);
    const a = client.escapeIdentifier(admin);
    await client.query(`alter default privileges for role ${a} in schema ${s} grant all on tables to ${r}`);
    await client.query(`alter default privileges for role ${a} in schema ${s} grant all on sequences to ${r}`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
};
