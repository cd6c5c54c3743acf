import { Client } from 'pg';
import { DEMO_SITE_IDS, localServiceUrls, withProgress, expectedEvents } from '../demo/generate';
import { generatePlan, planCounts } from '../demo/plan';
import { runThroughCommands } from '../demo/through-commands';

/** The demo network `npm start` creates on an empty database: three sites, a year of history. */
export const DEMO_PLAN = { sites: DEMO_SITE_IDS, participantsPerSite: 60, months: 12, seed: 7 } as const;

/** Whether a site was ever configured: the demo's data is there, so it is reused, not reseeded. */
export const hasSites = async (servicesDatabaseUrl: string): Promise<boolean> => {
  const client = new Client({ connectionString: servicesDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: boolean }>(
      `SELECT to_regclass('enrolment.events') IS NOT NULL
          AND EXISTS (SELECT 1 FROM enrolment.events WHERE type = 'SiteConfigured') AS found`,
    );
    return rows[0]?.found ?? false;
  } catch {
    // to_regclass guards the table; anything else (schema still migrating) means "not yet seeded".
    return false;
  } finally {
    await client.end();
  }
};

/** Sends the demo network through the services' routes, like a clinic's staff would. */
export const seedDemo = async (log: (line: string) => void): Promise<void> => {
  const plan = generatePlan({ ...DEMO_PLAN, asOf: new Date().toISOString().slice(0, 10) });
  const counts = planCounts(plan);
  log(`seeding the demo network through the services: ${counts.participants} participants, ${counts.mentors} mentors, ${counts.groups} groups at ${DEMO_SITE_IDS.join(', ')} (seed ${plan.options.seed}, ${plan.startsOn} to ${plan.options.asOf})`);
  const started = Date.now();
  const tally = await withProgress('seeding', expectedEvents(plan, 'commands'), (onEvents) =>
    runThroughCommands(plan, { urls: localServiceUrls(), concurrency: 8, onEvents, log }),
  );
  console.log(tally.table());
  log(`seeded ${tally.total} events in ${Math.round((Date.now() - started) / 1000)} s`);
};
