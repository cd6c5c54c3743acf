// Formats the KRaft metadata log once (what `kafka-storage.sh format` does); later starts reuse it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type BrokerAddress, serverProperties } from './server-properties';

const run = promisify(execFile);

// A fixed cluster id: a re-format of the same folder (or two runs formatting at once) then agrees.
// Kafka ids are 16 bytes in URL-safe base64; these bytes spell "alongside.local!".
const clusterId = 'YWxvbmdzaWRlLmxvY2FsIQ';

export const isFormatted = (logDir: string): boolean => fs.existsSync(path.join(logDir, 'meta.properties'));

/** Returns true when it formatted a new, empty store. */
export const ensureFormatted = async (libs: string, address: BrokerAddress): Promise<boolean> => {
  if (isFormatted(address.logDir)) return false;
  // Formatted in a scratch folder renamed into place, like the Postgres cluster.
  const scratch = `${address.logDir}.format-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  const properties = `${scratch}.properties`;
  fs.writeFileSync(properties, serverProperties({ ...address, logDir: scratch }));
  try {
    // A one-shot tool: C1 only and a small heap start the JVM fastest.
    await run('java', [
      '-Xmx256m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp',
      path.join(libs, '*'),
      'kafka.tools.StorageTool',
      'format',
      '--cluster-id',
      clusterId,
      '--config',
      properties,
    ]);
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Kafka storage format failed: ${failed.stderr || failed.stdout || failed.message}`);
  } finally {
    fs.rmSync(properties, { force: true });
  }
  try {
    fs.renameSync(scratch, address.logDir);
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    if (!isFormatted(address.logDir)) throw error;
  }
  return true;
};
