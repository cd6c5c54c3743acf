// `npm start`: Postgres and Kafka (the project's own scripts), the four services with their relays,
// consumers and projections, then the URLs and a development token per role. Ctrl-C stops it all.
import { startInfra } from '../infra';
import { hasSites, seedDemo } from './demo-seed';
import { prefixLine } from './log-line';
import { networkMembers, servicesDatabaseUrl } from './network';
import { waitUntilReady } from './readiness';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from './service-process';
import { printWelcome } from './welcome';

const log = (line: string) => console.log(prefixLine('start', line));

const main = async (): Promise<void> => {
  const startedAt = Date.now();
  const infra = await startInfra({ log });
  const env = { DATABASE_URL: servicesDatabaseUrl(infra.databaseUrl), KAFKA_BROKERS: infra.brokers.join(',') };
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

  for (const member of networkMembers()) {
    const child = startServiceProcess(member.name, member.entry, { ...env, PORT: String(member.port) });
    processes.push(child);
    void child.exited.then((code) => {
      if (!stopping) {
        log(`${member.name} exited with ${code}; stopping the rest`);
        void stopAll(1);
      }
    });
  }
  try {
    await Promise.all(
      networkMembers().map((member, i) =>
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
  // The demo network, once: a second start finds the sites and reuses what is there.
  if (process.env['DEMO_SEED'] !== 'off') {
    try {
      if (await hasSites(env.DATABASE_URL)) log('demo data found: reusing it (no reseed)');
      else await seedDemo(log);
    } catch (error) {
      log(`seeding the demo failed, the services stay up: ${(error as Error).message}`);
    }
  }
  await printWelcome(networkMembers(), Math.round((Date.now() - startedAt) / 1000));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
