/**
 * What this process of a service runs (ROLE): everything by default, or only its API, its relay
 * (event log -> Kafka) or its projections, so that each can be scaled on its own.
 */
export const PROCESS_ROLES = ['all', 'api', 'relay', 'projections'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** ROLE from the environment; a misspelt one refuses to start rather than run nothing. */
export const processRoleOf = (env: NodeJS.ProcessEnv): ProcessRole => {
  const role = env.ROLE ?? 'all';
  if (!(PROCESS_ROLES as readonly string[]).includes(role))
    throw new Error(`ROLE must be one of ${PROCESS_ROLES.join(', ')} (got "${role}")`);
  return role as ProcessRole;
};
