// Issue 13 item 2: Postgres stopped (fast shutdown, then a crash: `immediate`) under a steady
// command load. While it is down a command is refused at once with 503 problem+json and a
// Retry-After; nothing is half-written; once it is back everything resumes without a restart.
// The Postgres and the broker are this file's own: the other jest worker's servers are never touched.
import { bySize } from '../report/size';
import { recordTrial } from '../report/trials';
import { startCommandLoad, type FailedAnswer } from '../fixtures/command-load';
import { checkNetwork, waitUntilSettled } from '../fixtures/network-check';
import { isClean, noProblems, problemsIn } from '../fixtures/network-problems';
import type { PrivateKafka } from '../fixtures/private-kafka';
import type { PrivatePostgres } from '../fixtures/private-postgres';
import { startPrivateServers, type PrivateServers } from '../fixtures/private-servers';
import { startEnrolmentAndOutcomes, type NetworkService } from '../fixtures/service-network';
import { waitFor } from '@alongside/platform/testing';

const AREA = 'Database faults';
const SITES = ['north', 'south'];
const outageMs = bySize({ ci: 6_000, large: 30_000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A refusal that tells the client what happened and when to come back. */
const isRetryHint = (answer: FailedAnswer) =>
  answer.status === 503 && answer.problemJson && Number(answer.retryAfter) > 0 && !/ECONNREFUSED|127\.0\.0\.1|stack/i.test(answer.detail);

/** What the services logged about an answer (by its correlation id): why a refusal was not a 503. */
const loggedAbout = (services: readonly NetworkService[], answer: FailedAnswer): string[] => {
  const correlationId = /"correlationId":"([^"]+)"/.exec(answer.detail)?.[1];
  return correlationId === undefined ? [] : services.flatMap((service) => service.child?.lines.filter((line) => line.includes(correlationId)) ?? []);
};

describe('Database faults under a steady command load', () => {
  let servers: PrivateServers;
  let postgres: PrivatePostgres;
  let kafka: PrivateKafka;
  let databaseUrl: string;
  const services: NetworkService[] = [];

  beforeAll(async () => {
    servers = await startPrivateServers('database-faults');
    ({ postgres, kafka, databaseUrl } = servers);
    services.push(...(await startEnrolmentAndOutcomes({ databaseUrl, brokers: kafka.brokers }, SITES)));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.kill('SIGTERM')));
    await servers?.remove();
  }, 60_000);

  it('answers 503 with Retry-After while Postgres is down, writes nothing by halves, and resumes by itself', async () => {
    const load = await startCommandLoad({ enrolmentUrl: services[0].url, siteIds: SITES, clients: 3 });
    const rounds: Array<{ mode: string; refusals: FailedAnswer[]; resumedMs: number }> = [];
    for (const mode of ['fast', 'immediate'] as const) {
      const before = load.admitted();
      await waitFor(() => load.admitted() >= before + 20, { what: 'the load to run', timeoutMs: 60_000 });
      const seen = load.failures().length;
      await postgres.stop(mode);
      await sleep(outageMs);
      const refusals = load.failures().slice(seen);
      await postgres.start();
      const restartedAt = Date.now();
      const resumedFrom = load.admitted();
      await waitFor(() => load.admitted() > resumedFrom, { what: 'commands to be accepted again', timeoutMs: 60_000, intervalMs: 50 });
      rounds.push({ mode, refusals, resumedMs: Date.now() - restartedAt });
    }
    const report = await load.stop();
    await waitUntilSettled(databaseUrl);
    const check = await checkNetwork({ databaseUrl, brokers: kafka.brokers, admissions: report.admissions });

    for (const round of rounds) {
      const hinted = round.refusals.filter(isRetryHint).length;
      recordTrial({
        area: AREA,
        tried: `Postgres stopped (${round.mode === 'fast' ? 'fast shutdown' : 'crash: immediate stop'}) for ${outageMs / 1000} s under a steady load of registrations and admissions`,
        times: round.refusals.length,
        held: 'every command sent while it was down answered 503 problem+json with Retry-After, none hung; commands accepted again after the restart with no service restarted',
        passed: round.refusals.length > 0 && hinted === round.refusals.length,
        figures: {
          'refusals with a retry hint': hinted,
          'slowest refusal ms': Math.max(0, ...round.refusals.map((r) => r.ms)),
          'restart to next accepted command ms': round.resumedMs,
        },
      });
    }
    recordTrial({
      area: AREA,
      tried: 'After both outages: every accepted command checked against the log, the topic, outcomes and rebuilt read models',
      times: report.admissions.length,
      held: 'no registration half-written, events once in the log, all on Kafka, each admission once in outcomes, read models equal a rebuild, no dead letters',
      passed: isClean(check),
      figures: { requests: report.requests, 'events in log': check.eventsInLog, 'tables compared': check.tablesCompared },
    });

    for (const round of rounds) {
      expect(round.refusals.length).toBeGreaterThan(0);
      const unhinted = round.refusals.filter((answer) => !isRetryHint(answer));
      expect(unhinted.map((answer) => ({ ...answer, logged: loggedAbout(services, answer) }))).toEqual([]);
    }
    expect(problemsIn(check)).toEqual(noProblems);
    for (const service of services) service.child!.assertRunning();
  }, 300_000);
});
