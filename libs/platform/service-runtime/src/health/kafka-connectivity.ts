import { Kafka, logLevel, type Admin } from 'kafkajs';

/**
 * A long-lived admin client that answers "can we reach the broker?" cheaply: connecting once and
 * asking for the cluster each time costs one small request, not a new TCP and SASL handshake.
 */
export class KafkaConnectivity {
  private admin: Admin | undefined;

  constructor(private readonly brokers: string[]) {}

  async check(timeoutMs = 2_000): Promise<{ brokers: number; controller: number | null }> {
    this.admin ??= new Kafka({
      clientId: 'alongside-health',
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      retry: { retries: 0 },
    }).admin();
    try {
      await this.admin.connect();
      const cluster = await withTimeout(this.admin.describeCluster(), timeoutMs);
      return { brokers: cluster.brokers.length, controller: cluster.controller };
    } catch (error) {
      await this.admin.disconnect().catch(() => undefined);
      this.admin = undefined;
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
