// Issue 13 item 1: the Kafka broker stopped (SIGTERM, then SIGKILL) under a steady command load, and
// an outcomes consumer-group member killed mid-batch while a second member takes over. The broker
// is this file's own (private port and data), so the other jest worker's broker is never touched.
import { waitFor } from '@alongside/platform/testing';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { bySize } from '../report/size';
import { recordTrial } from '../report/trials';
import { startCommandLoad } from '../fixtures/command-load';
import { checkNetwork, waitUntilSettled } from '../fixtures/network-check';
import { isClean, noProblems, problemsIn } from '../fixtures/network-problems';
import type { PrivateKafka } from '../fixtures/private-kafka';
import { startPrivateServers, type PrivateServers } from '../fixtures/private-servers';
import { networkService, startEnrolmentAndOutcomes, type NetworkService } from '../fixtures/service-network';

const AREA = 'Broker faults';
const SITES = ['north', 'south'];
const outageMs = bySize({ ci: 10_000, large: 30_000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Broker faults under a steady command load', () => {
  let kafka: PrivateKafka;
  let servers: PrivateServers;
  let databaseUrl: string;
  let pool: Pool;
  const services: NetworkService[] = [];

  const relayedAll = async () => {
    const { rows } = await pool.query(
      `select (select coalesce(max(position), 0) from enrolment.relay_checkpoints) = (select coalesce(max(global_position), 0) from enrolment.events) as done`,
    );
    return rows[0].done as boolean;
  };

  beforeAll(async () => {
    servers = await startPrivateServers('broker-faults');
    ({ kafka, databaseUrl } = servers);
    pool = new Pool({ connectionString: databaseUrl, max: 2 });
    services.push(...(await startEnrolmentAndOutcomes({ databaseUrl, brokers: kafka.brokers }, SITES)));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.kill('SIGTERM')));
    await pool?.end();
    await servers?.remove();
  }, 60_000);

  it('accepts every command while the broker is down, and afterwards every event is downstream exactly once', async () => {
    const load = await startCommandLoad({ enrolmentUrl: services[0].url, siteIds: SITES, clients: 3 });
    const rounds: Array<{ signal: string; acceptedWhileDown: number; stopMs: number; recoveredMs: number }> = [];
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const before = load.admitted();
      await waitFor(() => load.admitted() >= before + 20, { what: 'the load to run', timeoutMs: 60_000 });
      const stopMs = await kafka.stop(signal);
      const downAt = load.admitted();
      await sleep(outageMs);
      const acceptedWhileDown = load.admitted() - downAt;
      const restartedAt = Date.now();
      await kafka.start();
      // Nobody restarts the services: their relays and consumers must find the broker again.
      await waitFor(relayedAll, { what: 'the enrolment relay to catch up by itself', timeoutMs: 120_000, intervalMs: 250 });
      rounds.push({ signal, acceptedWhileDown, stopMs, recoveredMs: Date.now() - restartedAt });
    }
    const report = await load.stop();
    await waitUntilSettled(databaseUrl);
    const check = await checkNetwork({ databaseUrl: databaseUrl, brokers: kafka.brokers, admissions: report.admissions });
    const held = rounds.every((round) => round.acceptedWhileDown > 0) && report.failures.length === 0 && isClean(check);

    for (const round of rounds) {
      recordTrial({
        area: AREA,
        tried: `Broker stopped with ${round.signal} for ${outageMs / 1000} s under a steady load of registrations and admissions (enrolment → Kafka → outcomes)`,
        times: 1,
        held: 'commands accepted while it was down; relays and consumers reconnected by themselves',
        passed: round.acceptedWhileDown > 0 && report.failures.length === 0,
        figures: { 'admissions accepted while down': round.acceptedWhileDown, 'stop ms': round.stopMs, 'restart to relay caught up ms': round.recoveredMs },
      });
    }
    recordTrial({
      area: AREA,
      tried: 'After both outages: every accepted command checked against the log, the topic, outcomes and rebuilt read models',
      times: report.admissions.length,
      held: 'events once in the log, all on Kafka, each admission once in outcomes, read models equal a rebuild, no dead letters',
      passed: held,
      figures: { requests: report.requests, 'failed requests': report.failures.length, 'events in log': check.eventsInLog, 'messages on Kafka': check.messagesOnKafka, 'tables compared': check.tablesCompared },
    });

    expect(rounds.map((round) => round.acceptedWhileDown > 0)).toEqual([true, true]);
    expect(report.failures).toEqual([]);
    expect(report.admissions.length).toBeGreaterThan(0);
    expect(problemsIn(check)).toEqual(noProblems);
    expect(check.messagesOnKafka).toBeGreaterThanOrEqual(check.eventsInLog);
    for (const service of services) service.child!.assertRunning();
  }, 300_000);

  it('keeps effects exactly once when a consumer-group member is killed mid-batch and another takes over its partitions', async () => {
    const replica = await networkService('outcomes', { databaseUrl: databaseUrl, brokers: kafka.brokers }, ' replica');
    services.push(replica);
    await replica.start();
    const admin = new Kafka({ clientId: 'reliability-group', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    // The outcomes consumer of enrolment events: its group id is its name.
    const group = async () => (await admin.describeGroups(['outcomes.enrolment'])).groups[0];
    const partitionsOf = (member: { memberAssignment: Buffer }) =>
      Object.values(AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment ?? {}).flat().length;
    const handled = async () =>
      Number((await pool.query(`select count(*) as n from outcomes.inbox where consumer = 'outcomes.enrolment'`)).rows[0].n);
    try {
      await waitFor(async () => {
        const { state, members } = await group();
        return state === 'Stable' && members.length === 2 && members.every((member) => partitionsOf(member) > 0);
      }, { what: 'both outcomes members to hold partitions', timeoutMs: 90_000, intervalMs: 250 });
      const load = await startCommandLoad({ enrolmentUrl: services[0].url, siteIds: SITES, clients: 3 });
      // Mid-batch: the members are handling messages right now (the inbox grows between two looks).
      await waitFor(async () => {
        const before = await handled();
        await sleep(100);
        return (await handled()) > before;
      }, { what: 'the consumers to be handling messages', timeoutMs: 60_000, intervalMs: 0 });
      const killedAt = Date.now();
      await services[1].kill('SIGKILL');
      await waitFor(async () => {
        const { state, members } = await group();
        return state === 'Stable' && members.length === 1 && partitionsOf(members[0]) === 6;
      }, { what: 'the remaining member to take over every partition', timeoutMs: 120_000, intervalMs: 250 });
      const takeoverMs = Date.now() - killedAt;
      const after = load.admitted();
      await waitFor(() => load.admitted() >= after + 20, { what: 'more admissions after the takeover', timeoutMs: 60_000 });
      const report = await load.stop();
      await waitUntilSettled(databaseUrl);
      const check = await checkNetwork({ databaseUrl: databaseUrl, brokers: kafka.brokers, admissions: report.admissions });

      recordTrial({
        area: AREA,
        tried: 'One of two outcomes consumer-group members SIGKILLed while handling admissions; the other takes over its partitions after the rebalance',
        times: report.admissions.length,
        held: 'each admission recorded once in outcomes (inbox and store ids), read models equal a rebuild, no dead letters',
        passed: isClean(check),
        figures: { 'kill to takeover ms (session timeout 30 s)': takeoverMs, 'events in log': check.eventsInLog },
      });
      expect(problemsIn(check)).toEqual(noProblems);
      replica.child!.assertRunning();
    } finally {
      await admin.disconnect();
    }
  }, 300_000);
});
