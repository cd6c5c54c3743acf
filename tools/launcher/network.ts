import { DEFAULT_PORTS, SERVICE_CONTEXTS, type ServiceContext } from '@alongside/platform/service-runtime';

/** The processes `npm start` runs: one per service (API, relay, consumers and projections in-process), then the companion. */
export type NetworkMember = Readonly<{ name: ServiceContext | 'companion'; entry: string; port: number; env: Readonly<Record<string, string>> }>;

const COMPANION_PORT = 3105;

/**
 * ALONGSIDE_PORT_OFFSET moves every port of the network (3101–3105) by the same amount, so a
 * second network (the launcher's own test) runs beside a developer's.
 */
export const portOf = (name: ServiceContext | 'companion', env: NodeJS.ProcessEnv = process.env): number =>
  (name === 'companion' ? COMPANION_PORT : DEFAULT_PORTS[name]) + Number(env['ALONGSIDE_PORT_OFFSET'] ?? 0);

export const serviceUrlOf = (name: ServiceContext, env: NodeJS.ProcessEnv = process.env) => `http://127.0.0.1:${portOf(name, env)}`;

export const networkMembers = (env: NodeJS.ProcessEnv = process.env): NetworkMember[] => [
  ...SERVICE_CONTEXTS.map((name) => ({ name, entry: `apps/${name}/src/main.ts`, port: portOf(name, env), env: {} })),
  {
    name: 'companion' as const,
    entry: 'apps/companion/src/main.ts',
    port: portOf('companion', env),
    // The phone talks to the companion only; it passes the calls on to these.
    env: { OUTCOMES_URL: serviceUrlOf('outcomes', env), MENTORING_URL: serviceUrlOf('mentoring', env), SESSIONS_URL: serviceUrlOf('sessions', env) },
  },
];

/**
 * The services' own database. DATABASE_URL, when set, is it; otherwise it sits beside the admin
 * database of the project's own Postgres: `…/postgres` becomes `…/alongside`.
 */
export const servicesDatabaseUrl = (adminUrl: string, env: NodeJS.ProcessEnv = process.env): string => {
  if (env['DATABASE_URL']) return env['DATABASE_URL'];
  const url = new URL(adminUrl);
  url.pathname = '/alongside';
  return url.toString();
};
