import { Client } from 'pg';
import { DEMO_SITE_IDS, withProgress, expectedEvents } from '../demo/generate';
import { appendPlanToStores } from '../demo/into-stores';
import { generatePlan, planCounts } from '../demo/plan';
import { runThroughCommands } from '../demo/through-commands';
import { waitForDemoCaughtUp } from './demo-caught-up';
import { serviceUrlOf } from './network';

/**
 * The demo network `npm start` creates on an empty database: three sites, a year of history.
 * DEMO_PARTICIPANTS_PER_SITE makes it smaller (the launcher's own test) or bigger.
 */
export const demoPlanOptions = () =>
  ({ sites: DEMO_SITE_IDS, participantsPerSite: Number(process.env['DEMO_PARTICIPANTS_PER_SITE'] ?? 60), months: 12, seed: 7 }) as const;

/** `store` (default): the services' deciders, appended to their stores; `commands`: through their HTTP routes. */
export type SeedMode = 'store' | 'commands';

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

/**
 * Seeds the demo network. In `store` mode the events are decided by the services' own deciders and
 * appended to their stores, then the relays, consumers and projections take them in as they would
 * any other event; "ready" waits until they have. `commands` sends it through the routes instead,
 * like a clinic's staff would (slower: minutes).
 */
export const seedDemo = async (servicesDatabaseUrl: string, mode: SeedMode, log: (line: string) => void): Promise<void> => {
  const plan = generatePlan({ ...demoPlanOptions(), asOf: new Date().toISOString().slice(0, 10) });
  const counts = planCounts(plan);
  log(`seeding the demo network (${mode === 'store' ? "the services' deciders, appended to their stores" : "through the services' routes"}): ${counts.participants} participants, ${counts.mentors} mentors, ${counts.groups} groups at ${DEMO_SITE_IDS.join(', ')} (seed ${plan.options.seed}, ${plan.startsOn} to ${plan.options.asOf})`);
  const started = Date.now();
  const tally =
    mode === 'store'
      ? await withProgress('seeding', expectedEvents(plan, 'store'), (onEvents) => appendPlanToStores(plan, { connectionString: servicesDatabaseUrl, onEvents, log }))
      : await withProgress('seeding', expectedEvents(plan, 'commands'), (onEvents) =>
          runThroughCommands(plan, { urls: { enrolment: serviceUrlOf('enrolment'), sessions: serviceUrlOf('sessions'), mentoring: serviceUrlOf('mentoring'), outcomes: serviceUrlOf('outcomes') }, concurrency: 8, onEvents, log }),
        );
  console.log(tally.table());
  log(`seeded ${tally.total} events in ${Math.round((Date.now() - started) / 1000)} s`);
  if (mode === 'store') {
    await waitForDemoCaughtUp(servicesDatabaseUrl, DEMO_SITE_IDS, log);
    log(`relays, consumers and projections caught up after ${Math.round((Date.now() - started) / 1000)} s`);
  }
};
