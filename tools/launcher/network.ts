import { DEFAULT_PORTS, SERVICE_CONTEXTS, type ServiceContext } from '@alongside/platform/service-runtime';

/** The processes `npm start` runs: one per service (API, relay, consumers and projections in-process). */
export type NetworkMember = Readonly<{ name: ServiceContext; entry: string; port: number }>;

export const networkMembers = (): NetworkMember[] =>
  SERVICE_CONTEXTS.map((name) => ({ name, entry: `apps/${name}/src/main.ts`, port: DEFAULT_PORTS[name] }));

/** The services' own database beside the admin one: `…/postgres` becomes `…/alongside`. */
export const servicesDatabaseUrl = (adminUrl: string): string => {
  const url = new URL(adminUrl);
  url.pathname = '/alongside';
  return url.toString();
};
