// The project's Kafka: Apache Kafka's own jars from Maven Central, one KRaft node (broker and
// controller in one JVM) on 127.0.0.1, data in .data/kafka. Needs Java 17+ and, once, Maven.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { classDataSharing, writesArchiveAtExit } from './kafka/class-data-sharing';
import { ensureKafkaJars } from './kafka/jars';
import { waitUntilServing, warmUpGroupCoordinator } from './kafka/readiness';
import { serverProperties } from './kafka/server-properties';
import { ensureFormatted } from './kafka/storage';
import { dataDir } from './paths';
import { isPortOpen, portFromEnv } from './port';
import { type Log, type ServerOrigin, silent } from './server';
import { findServerProcess, removePid, writePid } from './server-process';
import { withStartLock } from './start-lock';
import { terminate } from './terminate';

/**
 * The newest Kafka on Maven Central that kafkajs 2.2.4 was verified against (produce with headers
 * and acks=-1, consumer groups, offset commits, admin, transactions): see tools/infra/README.md.
 */
export const kafkaVersion = process.env.ALONGSIDE_KAFKA_VERSION || '4.4.0';

export type KafkaServer = {
  /** host:port list for kafkajs `brokers`. */
  brokers: string[];
  /** True when we did not start it (KAFKA_BROKERS or already running): `stop()` then does nothing. */
  external: boolean;
  origin: ServerOrigin;
  stop(): Promise<void>;
};

const logDir = path.join(dataDir, 'kafka');
const pidFile = path.join(dataDir, 'kafka.pid');
const logFile = path.join(dataDir, 'kafka.log');
const propertiesFile = path.join(dataDir, 'kafka.properties');
const mainClass = 'kafka.Kafka';
/** How `ps` shows this checkout's broker, and no other. */
const signature = [mainClass, propertiesFile];

export const kafkaPorts = () => {
  const brokerPort = portFromEnv('ALONGSIDE_KAFKA_PORT', 19092);
  return { brokerPort, controllerPort: portFromEnv('ALONGSIDE_KAFKA_CONTROLLER_PORT', brokerPort + 1) };
};

export const kafkaJvmOptions = (): string[] => [
  '-Xms256m',
  '-Xmx512m',
  // Small heap, few cores: the serial collector needs fewer threads than G1 and ~7% less CPU to start.
  '-XX:+UseSerialGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
  // slf4j-simple (see kafka/pom.xml): warnings only, plus the line that says the server is up.
  `-Dorg.slf4j.simpleLogger.defaultLogLevel=${process.env.ALONGSIDE_KAFKA_LOG_LEVEL || 'warn'}`,
  '-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info',
  '-Dorg.slf4j.simpleLogger.showDateTime=true',
  // E.g. -XX:TieredStopAtLevel=1 on CI: a third less CPU to start, a slower broker afterwards.
  ...(process.env.ALONGSIDE_KAFKA_JVM_OPTS?.split(/\s+/).filter(Boolean) ?? []),
];

const noop = async (): Promise<void> => undefined;

export const startKafka = async ({ log = silent }: { log?: Log } = {}): Promise<KafkaServer> => {
  const given = process.env.KAFKA_BROKERS;
  if (given) {
    return {
      brokers: given.split(',').map((broker) => broker.trim()),
      external: true,
      origin: 'env',
      stop: noop,
    };
  }
  return withStartLock('kafka', () => startOrReuse(log));
};

const startOrReuse = async (log: Log): Promise<KafkaServer> => {
  const { brokerPort, controllerPort } = kafkaPorts();
  const brokers = [`127.0.0.1:${brokerPort}`];

  // Our own broker may be running yet not listening (starting, or restarting its logs after a crash):
  // a second JVM on the same data directory would corrupt its metadata log, so never start one then.
  const ours = findServerProcess(pidFile, 'java', signature);
  if (ours || (await isPortOpen(brokerPort))) {
    if (await waitUntilServing(brokers, { timeoutMs: 180_000, port: brokerPort })) {
      return { brokers, external: true, origin: 'reused', stop: noop };
    }
    throw new Error(
      ours
        ? `This checkout's broker (pid ${ours.pid}) runs but does not serve ${brokers[0]}; see ${logFile}, or stop it (cli.ts stop).`
        : `Port ${brokerPort} is taken by something that does not serve Kafka metadata. ` +
            'Set ALONGSIDE_KAFKA_PORT to another port, or KAFKA_BROKERS to use that broker.',
    );
  }

  const libs = await ensureKafkaJars(kafkaVersion, log);
  fs.mkdirSync(dataDir, { recursive: true });
  const address = { brokerPort, controllerPort, logDir };
  const fresh = await ensureFormatted(libs, address);
  fs.writeFileSync(propertiesFile, serverProperties(address));

  const sharing = classDataSharing(libs);
  const output = fs.openSync(logFile, 'w');
  // Detached, with output to a file rather than a pipe: the broker must outlive a CLI `start`.
  const broker = spawn(
    'java',
    [...kafkaJvmOptions(), ...sharing.jvmOptions, '-cp', path.join(libs, '*'), mainClass, propertiesFile],
    {
      detached: true,
      stdio: ['ignore', output, output],
    },
  );
  fs.closeSync(output);
  broker.unref();
  let exit: string | undefined;
  broker.once('exit', (code, signal) => (exit = `exit ${code ?? signal}`));
  broker.once('error', (error) => (exit = error.message));
  if (broker.pid) writePid(pidFile, broker.pid);

  // Generous: a first start (fresh format, no class archive) took 37 s on 2 cores at load 12.
  const ready = await waitUntilServing(brokers, {
    timeoutMs: 180_000,
    port: brokerPort,
    givenUp: () => exit !== undefined,
  });
  // Ready, but not ours: something else took the port while our JVM was starting.
  if (!ready || exit !== undefined) {
    if (broker.pid && exit === undefined) await terminate(broker.pid, 5_000);
    removePid(pidFile);
    throw new Error(`Kafka did not start (${exit ?? 'timed out'}); the end of ${logFile}:\n${logTail()}`);
  }
  sharing.checkBrokerOutput(fs.readFileSync(logFile, 'utf8'));
  if (fresh) await warmUpGroupCoordinator(brokers);
  return { brokers, external: false, origin: 'started', stop: stopKafka };
};

/** Stops this checkout's broker, whoever started it. No-op when it is not running. */
export const stopKafka = async (): Promise<void> => {
  const broker = findServerProcess(pidFile, 'java', signature);
  if (broker) await terminate(broker.pid, writesArchiveAtExit(broker.commandLine) ? 120_000 : 20_000);
  removePid(pidFile);
};

export const kafkaStatus = async (): Promise<string> => {
  const broker = findServerProcess(pidFile, 'java', signature);
  const { brokerPort } = kafkaPorts();
  if (broker) return `running (PID: ${broker.pid}) on 127.0.0.1:${brokerPort}`;
  return (await isPortOpen(brokerPort))
    ? `port ${brokerPort} is open, but not by this checkout's broker`
    : 'no server running';
};

const logTail = (): string => {
  try {
    return fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
};
