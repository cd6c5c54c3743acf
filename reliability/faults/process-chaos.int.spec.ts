// Issue 13 item 3: a seeded chaos run. Under a steady command load, the enrolment API, its relay,
// its projections and the outcomes service (consumers, relay, projections) are SIGKILLed at random
// moments and restarted; afterwards the checker proves every accepted command's events are once in
// the log, every event reached Kafka, outcomes heard each admission once (no inbox duplicates), the
// read models equal a from-scratch rebuild and the dead-letter topics are empty.
import { Random } from '../../tools/demo/random';
import { bySize } from '../report/size';
import { recordTrial } from '../report/trials';
import { configureSites, startCommandLoad } from '../fixtures/command-load';
import { checkNetwork, waitUntilSettled } from '../fixtures/network-check';
import { isClean, noProblems, problemsIn } from '../fixtures/network-problems';
import type { PrivateKafka } from '../fixtures/private-kafka';
import { startPrivateServers, type PrivateServers } from '../fixtures/private-servers';
import { networkService, waitUntilReady, type NetworkService } from '../fixtures/service-network';

const AREA = 'Process faults';
const SITES = ['north', 'south'];
const seed = Number(process.env.CHAOS_SEED ?? 13);
const chaosMs = bySize({ ci: 60_000, large: 240_000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Seeded chaos: processes SIGKILLed and restarted under load', () => {
  let kafka: PrivateKafka;
  let servers: PrivateServers;
  let databaseUrl: string;
  const members: Array<{ label: string; service: NetworkService }> = [];
  /** Exits nobody asked for: a process that dies by itself fails the run. */
  const unexpectedExits: string[] = [];

  const watch = (label: string, service: NetworkService) => {
    const child = service.child!;
    void child.exited.then((how) => {
      if (service.child === child) unexpectedExits.push(`${label}: ${how}`);
    });
  };

  beforeAll(async () => {
    servers = await startPrivateServers('process-chaos');
    ({ kafka, databaseUrl } = servers);
    const settings = (role: string) => ({ databaseUrl: databaseUrl, brokers: kafka.brokers, env: { ROLE: role } });
    const layout = [
      ['enrolment API', 'enrolment', 'api'],
      ['enrolment relay', 'enrolment', 'relay'],
      ['enrolment projections', 'enrolment', 'projections'],
      ['outcomes (consumers, relay, projections)', 'outcomes', 'all'],
    ] as const;
    for (const [label, name, role] of layout) members.push({ label, service: await networkService(name, settings(role), ` ${role}`) });
    // The first creates the enrolment schema and tables alone; the others then start side by side.
    await members[0].service.start();
    await Promise.all(members.slice(1).map(({ service }) => service.start()));
    for (const { label, service } of members) watch(label, service);
    await Promise.all(members.map(({ service }) => waitUntilReady(service)));
    await configureSites(members[0].service.url, SITES);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(members.map(({ service }) => service.kill('SIGTERM')));
    await servers?.remove();
  }, 60_000);

  it(`loses nothing and doubles nothing (seed ${seed})`, async () => {
    const random = new Random(seed);
    const load = await startCommandLoad({ enrolmentUrl: members[0].service.url, siteIds: SITES, clients: 3 });
    const kills = new Map<string, number>();
    // A killed process restarts in the background while the run goes on, so kills can overlap
    // (the relay may die while the projections are still coming back).
    const restarting = new Map<string, Promise<void>>();
    const endsAt = Date.now() + chaosMs;
    while (Date.now() < endsAt) {
      await sleep(random.int(1_000, 4_000));
      const up = members.filter(({ label }) => !restarting.has(label));
      if (up.length === 0) continue;
      const { label, service } = up[random.int(0, up.length - 1)];
      await service.kill('SIGKILL');
      kills.set(label, (kills.get(label) ?? 0) + 1);
      const downMs = random.int(0, 3_000);
      restarting.set(
        label,
        sleep(downMs)
          .then(() => service.start())
          .then(() => {
            watch(label, service);
            restarting.delete(label);
          }),
      );
    }
    await Promise.all(restarting.values());
    const report = await load.stop();
    await waitUntilSettled(databaseUrl);
    const check = await checkNetwork({ databaseUrl: databaseUrl, brokers: kafka.brokers, admissions: report.admissions });
    const totalKills = [...kills.values()].reduce((sum, n) => sum + n, 0);

    recordTrial({
      area: AREA,
      tried: `Seeded chaos (seed ${seed}, ${chaosMs / 1000} s): the enrolment API, relay and projections and the outcomes service SIGKILLed at random moments and restarted, under a steady load of registrations and admissions`,
      times: totalKills,
      held: 'every accepted command once in the log, every event on Kafka, each admission once in outcomes, no inbox duplicates, read models equal a from-scratch rebuild, dead-letter topics empty, no process died by itself',
      passed: isClean(check) && unexpectedExits.length === 0,
      figures: {
        ...Object.fromEntries([...kills].map(([label, n]) => [`kills of ${label}`, n])),
        'accepted admissions': report.admissions.length,
        'requests (retries included)': report.requests,
        'refused or failed requests': report.failures.length,
        'events in log': check.eventsInLog,
        'messages on Kafka': check.messagesOnKafka,
        'tables compared': check.tablesCompared,
      },
    });

    expect(totalKills).toBeGreaterThan(members.length);
    expect(report.admissions.length).toBeGreaterThan(0);
    expect(unexpectedExits).toEqual([]);
    expect(problemsIn(check)).toEqual(noProblems);
    // Redeliveries after a relay kill are expected on the topic; the inbox is what keeps them harmless.
    expect(check.messagesOnKafka).toBeGreaterThanOrEqual(check.eventsInLog);
  }, chaosMs + 300_000);
});
