import { Client } from 'pg';
import { STORE_ORDER } from '../demo/into-stores';

/**
 * Whether the network has taken in what was appended: every live or rebuilding projection of each
 * service has applied its log to the end, and outcomes has heard each demo site's configuration
 * (the consumers are through enrolment's topic as far as the dashboards need).
 */
export const demoCaughtUp = async (servicesDatabaseUrl: string, sites: readonly string[]): Promise<{ done: boolean; behind: string[] }> => {
  const client = new Client({ connectionString: servicesDatabaseUrl });
  await client.connect();
  try {
    const behind: string[] = [];
    for (const schema of STORE_ORDER) {
      const { rows } = await client.query<{ projection: string; position: string; head: string }>(
        `SELECT c.projection, c.position, (SELECT coalesce(max(global_position), 0) FROM ${schema}.events) AS head
           FROM ${schema}.projection_checkpoints c WHERE c.status <> 'retired'`,
      );
      for (const row of rows) if (BigInt(row.position) < BigInt(row.head)) behind.push(`${schema}/${row.projection} ${row.position}/${row.head}`);
    }
    const { rows } = await client.query<{ site: string }>(
      `SELECT DISTINCT metadata->>'siteId' AS site FROM outcomes.events WHERE type = 'OutcomePolicySet' AND metadata->>'siteId' = ANY($1)`,
      [sites],
    );
    for (const site of sites) if (!rows.some((r) => r.site === site)) behind.push(`outcomes has not heard ${site}'s configuration`);
    return { done: behind.length === 0, behind };
  } finally {
    await client.end();
  }
};

/** Waits for `demoCaughtUp`, saying every few seconds what is still behind. */
export const waitForDemoCaughtUp = async (servicesDatabaseUrl: string, sites: readonly string[], log: (line: string) => void, timeoutMs = 300_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let said = 0;
  for (;;) {
    // A table a service has not created yet is "not caught up", not a failure.
    const { done, behind } = await demoCaughtUp(servicesDatabaseUrl, sites).catch((error: Error) => ({ done: false, behind: [error.message] }));
    if (done) return;
    if (Date.now() > deadline) throw new Error(`the services did not catch up in ${timeoutMs / 1000} s: ${behind.join('; ')}`);
    if (Date.now() - said > 10_000) {
      log(`waiting for relays, consumers and projections: ${behind.slice(0, 4).join('; ')}${behind.length > 4 ? ' …' : ''}`);
      said = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};
