// "Ready" means what clients need: the broker answers metadata requests and lists itself as a
// live (unfenced) broker, not merely that its port accepts connections.
import { Kafka, logLevel } from 'kafkajs';
import { isPortOpen } from '../port';

const adminFor = (brokers: string[]) =>
  new Kafka({
    clientId: 'alongside-infra',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  }).admin();

const servesMetadata = async (brokers: string[]): Promise<boolean> => {
  const admin = adminFor(brokers);
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.listTopics();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};

export type WaitOptions = { timeoutMs: number; port: number; givenUp?: () => boolean };

export const waitUntilServing = async (
  brokers: string[],
  { timeoutMs, port, givenUp }: WaitOptions,
): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !givenUp?.()) {
    if ((await isPortOpen(port)) && (await servesMetadata(brokers))) return true;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
};

/**
 * The first consumer group on a fresh store makes the broker create __consumer_offsets; clients
 * meanwhile log "coordinator not available" and back off. Doing it here keeps that out of the
 * first test's time and output.
 */
export const warmUpGroupCoordinator = async (brokers: string[]): Promise<void> => {
  const admin = new Kafka({
    clientId: 'alongside-infra',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 20 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeGroups(['alongside-infra-warm-up']);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};
