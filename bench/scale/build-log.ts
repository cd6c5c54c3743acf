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
  /** Events per second of the store's batched append (deciding the next site in memory overlaps it). */
  appendEventsPerSecond: number;
  appendSeconds: number;
  decideSeconds: number;
  /** Deciding and appending together, overlapped. */
  buildSeconds: number;
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
 * outcomes' events and appended through the store's batched append, 4 streams at a time. The next
 * site is decided while this one appends (two sites in memory at most): deciding is node's CPU,
 * appending mostly Postgres's, and on two cores the two overlap.
 */
export const buildLog = async (url: string, options: { events: number; sites: number; label: string; log: (line: string) => void }): Promise<LogBuild> => {
  const participantsPerSite = Math.max(1, Math.round(options.events / options.sites / EVENTS_PER_PARTICIPANT));
  const store = await PostgresEventStore.connect({ connectionString: url, schema: 'outcomes' });
  const tally = new EventTally();
  const started = process.hrtime.bigint();
  let appendSeconds = 0;
  let decideSeconds = 0;
  const decide = async (i: number) => {
    const deciding = process.hrtime.bigint();
    const plan = generatePlan({ sites: [siteIdOf(i)], participantsPerSite, months: 12, seed: 7_000 + i, asOf: AS_OF });
    const buffer = await decideOutcomesOfSite(plan.sites[0], plan.startsOn, 7_000 + i);
    decideSeconds += seconds(deciding);
    return buffer;
  };
  try {
    let next = decide(0);
    for (let i = 0; i < options.sites; i++) {
      const buffer = await next;
      if (i + 1 < options.sites) {
        next = decide(i + 1);
        next.catch(() => undefined); // it rejects again where it is awaited; not an unhandled rejection meanwhile
      }
      const appending = process.hrtime.bigint();
      await appendStreams(store, buffer, tally, { concurrency: 4 });
      appendSeconds += seconds(appending);
      if ((i + 1) % Math.max(1, Math.floor(options.sites / 20)) === 0 || i + 1 === options.sites) {
        const elapsed = seconds(started);
        options.log(`${options.label}: site ${i + 1}/${options.sites}, ${tally.total.toLocaleString('en')} events appended, ${Math.round(tally.total / elapsed).toLocaleString('en')} events/s, ~${Math.round((elapsed / (i + 1)) * (options.sites - i - 1))} s to go`);
      }
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
    buildSeconds: seconds(started),
    builtAt: new Date().toISOString(),
  };
};
