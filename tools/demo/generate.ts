// `npm run generate -- --sites 100 --participants-per-site 500 --months 12 --seed 7 [--mode store|commands]`
// A synthetic network, the same for the same seed. `--mode commands` (the default here) sends it
// through the running services' routes; `--mode store` has the four services' deciders decide it and
// appends the events directly to each service's event store (DATABASE_URL), for volumes the HTTP
// path would take hours over (and what `npm start` uses for its demo sites).
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { DEFAULT_PORTS } from '@alongside/platform/service-runtime';
import { appendSitesToStores } from './into-stores';
import { generatePlan, generateSitePlans, planCounts, siteIdsOf, type NetworkPlan, type PlanOptions } from './plan';
import { runThroughCommands, type ServiceUrls } from './through-commands';
import type { EventTally } from './event-tally';

export const DEMO_SITE_IDS = ['north', 'south', 'east'] as const;

const usage = `Usage: npm run generate -- [--sites <n> | --site <id>...] [--participants-per-site 80] [--months 12] [--seed 7]
                          [--mode commands|store] [--as-of YYYY-MM-DD] [--concurrency 8]
  --mode commands  through the running services' HTTP routes (default)
  --mode store     direct batched appends to each service's event store (DATABASE_URL)`;

/** The services `npm start` runs on this machine (moved by ALONGSIDE_PORT_OFFSET, as the launcher moves them). */
export const localServiceUrls = (): ServiceUrls => {
  const at = (port: number) => `http://127.0.0.1:${port + Number(process.env['ALONGSIDE_PORT_OFFSET'] ?? 0)}`;
  return { enrolment: at(DEFAULT_PORTS.enrolment), sessions: at(DEFAULT_PORTS.sessions), mentoring: at(DEFAULT_PORTS.mentoring), outcomes: at(DEFAULT_PORTS.outcomes) };
};

const today = () => new Date().toISOString().slice(0, 10);

/** A progress bar with events per second over a run that reports events as they are recorded. */
export const withProgress = async (label: string, expected: number, run: (onEvents: (n: number) => void) => Promise<EventTally>): Promise<EventTally> => {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {duration}s`,
    barCompleteChar: '=',
    barIncompleteChar: ' ',
    noTTYOutput: true,
    notTTYSchedule: 5_000,
  });
  const started = Date.now();
  let done = 0;
  bar.start(expected, 0, { rate: 0 });
  try {
    const tally = await run((n) => {
      done += n;
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
    });
    bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
    return tally;
  } finally {
    bar.stop();
  }
};

/** Roughly how many events a plan makes (for the progress bar's length). */
export const expectedEvents = (plan: NetworkPlan, mode: 'commands' | 'store'): number => {
  const c = planCounts(plan);
  const shared = c.sites + c.mentors * 3 + c.participants * 3 + c.consents + c.assessments + c.screens + c.lapses + c.relapses * 2 + c.discharges + c.participants + c.reintegrationReviews;
  return mode === 'store' ? shared + c.matches * 2 + c.contacts + c.groups + c.sessions * 2 + c.attendances : shared + c.matches * 3;
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      sites: { type: 'string' },
      site: { type: 'string', multiple: true },
      'participants-per-site': { type: 'string', default: '80' },
      months: { type: 'string', default: '12' },
      seed: { type: 'string', default: '7' },
      mode: { type: 'string', default: 'commands' },
      'as-of': { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return console.log(usage);
  const mode = values.mode;
  if (mode !== 'commands' && mode !== 'store') throw new Error(`--mode must be commands or store, not ${mode}`);
  const planOptions = {
    sites: values.sites !== undefined ? Number(values.sites) : (values.site ?? [...DEMO_SITE_IDS]),
    participantsPerSite: Number(values['participants-per-site']),
    months: Number(values.months),
    seed: Number(values.seed),
    asOf: values['as-of'] ?? today(),
  };
  const started = Date.now();
  const tally = mode === 'commands' ? await runCommandMode(generatePlan(planOptions), Number(values.concurrency)) : await runStoreMode(planOptions);
  console.log(tally.table());
  console.log(`\n${tally.total} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

const runCommandMode = (plan: NetworkPlan, concurrency: number): Promise<EventTally> => {
  console.log(`plan (seed ${plan.options.seed}, ${plan.startsOn} to ${plan.options.asOf}):`, planCounts(plan));
  return withProgress('commands', expectedEvents(plan, 'commands'), (onEvents) => runThroughCommands(plan, { urls: localServiceUrls(), concurrency, onEvents }));
};

/** Site by site (generateSitePlans), so 100 sites and 10 million events never sit in memory at once. */
const runStoreMode = async (options: PlanOptions): Promise<EventTally> => {
  const connectionString = process.env['DATABASE_URL'];
  if (!connectionString) throw new Error('--mode store needs DATABASE_URL (the services\' database, e.g. postgres://…/alongside)');
  const sites = siteIdsOf(options.sites).length;
  // The bar's length from the first site's plan; the others are alike, and the bar grows if they are not.
  const [first] = generateSitePlans(options);
  console.log(`plan (seed ${options.seed}, ${first.startsOn} to ${options.asOf}): ${sites} sites like the first,`, planCounts(first));
  return withProgress('appends', expectedEvents(first, 'store') * sites, (onEvents) => appendSitesToStores(generateSitePlans(options), { connectionString, onEvents }));
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n${usage}`);
    process.exit(1);
  });
}
