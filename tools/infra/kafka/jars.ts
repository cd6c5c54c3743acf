// Apache Kafka's broker jars, fetched from Maven Central once per version into
// .cache/kafka/<version>/libs. Maven does the resolving (kafka_2.13 pulls ~45 jars); we only run it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../paths';
import { type Log, elapsedSince } from '../server';

const pom = path.join(__dirname, 'pom.xml');

export const kafkaLibsDir = (version: string): string => path.join(cacheDir, 'kafka', version, 'libs');

const isComplete = (libs: string, version: string): boolean =>
  fs.existsSync(path.join(libs, `kafka_2.13-${version}.jar`));

/** The folder holding the jars, fetching them first if this machine has never run this version. */
export const ensureKafkaJars = async (version: string, log: Log): Promise<string> => {
  const libs = kafkaLibsDir(version);
  if (isComplete(libs, version)) return libs;

  // Fetched into a scratch folder and renamed when complete: an interrupted fetch leaves no
  // half-filled libs folder that would later look complete.
  const scratch = `${libs}.fetch-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(libs), { recursive: true });

  const startedAt = Date.now();
  log(`kafka: fetching Apache Kafka ${version} from Maven Central (once per machine)…`);
  await runMaven(
    [
      '-B',
      '-f',
      pom,
      `-Dkafka.version=${version}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${scratch}`,
    ],
    log,
  );

  try {
    fs.renameSync(scratch, libs);
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    if (!isComplete(libs, version)) throw error;
  }
  const jars = fs.readdirSync(libs).filter((name) => name.endsWith('.jar'));
  const megabytes = jars.reduce((sum, name) => sum + fs.statSync(path.join(libs, name)).size, 0) / 1e6;
  log(
    `kafka: ${jars.length} jars (${megabytes.toFixed(0)} MB) in ${path.relative(process.cwd(), libs)}, ${elapsedSince(startedAt)}`,
  );
  return libs;
};

/** Runs mvn quietly, printing a progress line every few seconds and the tail of its output on failure. */
const runMaven = (args: string[], log: Log): Promise<void> =>
  new Promise((resolve, reject) => {
    const maven = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let downloads = 0;
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.includes('Downloaded from')) downloads += 1;
        if (line.trim()) tail.push(line);
      }
      tail.splice(0, Math.max(0, tail.length - 40));
    };
    maven.stdout.on('data', keep);
    maven.stderr.on('data', keep);
    let reported = 0;
    const progress = setInterval(() => {
      if (downloads === reported) return;
      reported = downloads;
      log(`kafka: … ${downloads} files downloaded`);
    }, 5_000);

    maven.once('error', (error: NodeJS.ErrnoException) => {
      clearInterval(progress);
      reject(
        error.code === 'ENOENT'
          ? new Error(
              'Maven (mvn) is needed once to fetch Kafka. Install it (apt-get install maven), or set KAFKA_BROKERS.',
            )
          : error,
      );
    });
    maven.once('close', (code) => {
      clearInterval(progress);
      if (code === 0) resolve();
      else reject(new Error(`mvn exited with ${code} while fetching Kafka:\n${tail.join('\n')}`));
    });
  });
