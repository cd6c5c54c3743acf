import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { EventTally } from '../../tools/demo/event-tally';
import { appendStreams } from '../../tools/demo/into-stores';
import { generatePlan } from '../../tools/demo/plan';
import { decideOutcomesOfSite } from './outcomes-network';

/** What building a log took, kept with the cached database. */
export type LogBuild = Readonly<{
  events: number;
  sites: number;
  participantsPerSite: number;
  /** Events per second of the store's batched append alone (deciding in memory is not counted). */
  appendEventsPerSecond: number;
  appendSeconds: number;
  decideSeconds: number;
  builtAt: string;
}>;

// What the generator's dynamics give one participant over twelve months, in outcomes' log (measured: 29.4).
const EVENTS_PER_PARTICIPANT = 29;
// Fixed, so the same size is the same network whenever it is built.
const AS_OF = '2026-11-01';

export const siteIdOf = (i: number): string => `site-${String(i + 1).padStart(3, '0')}`;

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * The generator's network (tools/demo plan, one site at a time so memory stays flat) decided into
 * outcomes' events and appended through the store's batched append, 4 streams at a time.
 */
export const buildLog = async (url: string, options: { events: number; sites: number; label: string; log: (line: string) => void }): Promise<LogBuild> => {
  const participantsPerSite = Math.max(1, Math.round(options.events / options.sites / EVENTS_PER_PARTICIPANT));
  const store = await PostgresEventStore.connect({ connectionString: url, schema: 'outcomes' });
  const tally = new EventTally();
  let appendSeconds = 0;
  let decideSeconds = 0;
  try {
    for (let i = 0; i < options.sites; i++) {
      const deciding = process.hrtime.bigint();
      const plan = generatePlan({ sites: [siteIdOf(i)], participantsPerSite, months: 12, seed: 7_000 + i, asOf: AS_OF });
      const buffer = await decideOutcomesOfSite(plan.sites[0], plan.startsOn, 7_000 + i);
      decideSeconds += seconds(deciding);
      const appending = process.hrtime.bigint();
      await appendStreams(store, buffer, tally, { concurrency: 4 });
      appendSeconds += seconds(appending);
      if ((i + 1) % Math.max(1, Math.floor(options.sites / 10)) === 0 || i + 1 === options.sites) options.log(`${options.label}: site ${i + 1}/${options.sites}, ${tally.total.toLocaleString('en')} events appended, ${Math.round(tally.total / appendSeconds).toLocaleString('en')} events/s`);
    }
  } finally {
    await store.close();
  }
  return {
    events: tally.total,
    sites: options.sites,
    participantsPerSite,
    appendEventsPerSecond: tally.total / appendSeconds,
    appendSeconds,
    decideSeconds,
    builtAt: new Date().toISOString(),
  };
};
