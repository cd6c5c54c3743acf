// `npm start`: Postgres and Kafka (the project's own scripts), the four services with their relays,
// consumers and projections, and the companion; on an empty database the demo network; then the
// URLs and a development token per role. Ctrl-C stops it all.
import { startInfra } from '../infra';
import { DEMO_SITE_IDS } from '../demo/generate';
import { participantInTreatment } from './demo-participant';
import { hasSites, seedDemo, type SeedMode } from './demo-seed';
import { prefixLine } from './log-line';
import { networkMembers, servicesDatabaseUrl } from './network';
import { waitUntilReady } from './readiness';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from './service-process';
import { printWelcome } from './welcome';

const log = (line: string) => console.log(prefixLine('start', line));

/** DEMO_SEED: `store` (default: fast, the services' deciders appended to their stores), `commands` (through the routes) or `off`. */
const seedMode = (): SeedMode | 'off' => {
  const value = process.env['DEMO_SEED'] ?? 'store';
  if (value !== 'store' && value !== 'commands' && value !== 'off') throw new Error(`DEMO_SEED must be store, commands or off, not ${value}`);
  return value;
};

const main = async (): Promise<void> => {
  const startedAt = Date.now();
  const mode = seedMode();
  const infra = await startInfra({ log });
  const databaseUrl = servicesDatabaseUrl(infra.databaseUrl);
  const env = { DATABASE_URL: databaseUrl, KAFKA_BROKERS: infra.brokers.join(',') };
  const members = networkMembers();
  const processes: ServiceProcess[] = [];
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(processes.map((p) => stopServiceProcess(p)));
    await infra.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  for (const member of members) {
    const child = startServiceProcess(member.name, member.entry, { ...env, ...member.env, PORT: String(member.port) });
    processes.push(child);
    log(`${member.name}: pid ${child.child.pid}`);
    void child.exited.then((code) => {
      if (!stopping) {
        log(`${member.name} exited with ${code}; stopping the rest`);
        void stopAll(1);
      }
    });
  }
  try {
    await Promise.all(
      members.map((member, i) =>
        waitUntilReady(`http://127.0.0.1:${member.port}/health/ready`, 180_000, () => processes[i].child.exitCode === null).catch(
          (error: Error) => {
            throw new Error(`${member.name}: ${error.message}`);
          },
        ),
      ),
    );
  } catch (error) {
    log(`not ready: ${(error as Error).message}`);
    await stopAll(1);
    return;
  }
  log(`all ${members.length} processes ready after ${Math.round((Date.now() - startedAt) / 1000)} s`);
  // The demo network, once: a second start finds the sites and reuses what is there.
  if (mode !== 'off') {
    try {
      if (await hasSites(databaseUrl)) log('demo data found: reusing it (no reseed)');
      else await seedDemo(databaseUrl, mode, log);
    } catch (error) {
      log(`seeding the demo failed, the services stay up: ${(error as Error).message}`);
    }
  }
  const site = DEMO_SITE_IDS[0];
  const participantId = await participantInTreatment(databaseUrl, site).catch(() => null);
  await printWelcome(members, Math.round((Date.now() - startedAt) / 1000), participantId ? { site, participantId } : null);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
