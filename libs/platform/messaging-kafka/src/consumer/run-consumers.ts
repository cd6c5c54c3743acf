import { stopOnSignals } from '../stop-on-signals';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';

export type RunningConsumers = Readonly<{
  consumers: readonly EventConsumer[];
  stop: () => Promise<void>;
  stopped: Promise<void>;
}>;

/** Runs consumers from a plain script, stopping them cleanly (in-flight batch first) on SIGTERM/SIGINT. */
export const runConsumers = async (options: readonly EventConsumerOptions[]): Promise<RunningConsumers> => {
  const consumers = options.map((o) => new EventConsumer(o));
  const { stop, stopped } = stopOnSignals(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
  });
  try {
    await Promise.all(consumers.map((consumer) => consumer.start()));
  } catch (error) {
    await stop();
    throw error;
  }
  return { consumers, stop, stopped };
};
