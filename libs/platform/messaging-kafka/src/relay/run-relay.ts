import { stopOnSignals } from '../stop-on-signals';
import { KafkaRelay, type KafkaRelayOptions } from './kafka-relay';

export type RunningRelay = Readonly<{
  relay: KafkaRelay;
  /** Stops as SIGTERM would: the in-flight batch finishes, the lease is released. */
  stop: () => Promise<void>;
  /** Resolves once stopped, by a signal or by `stop()`. */
  stopped: Promise<void>;
}>;

/** Runs a relay from a plain script (`ROLE=relay`), stopping it cleanly on SIGTERM/SIGINT. */
export const runRelay = (options: KafkaRelayOptions): RunningRelay => {
  const relay = new KafkaRelay(options);
  relay.start();
  const { stop, stopped } = stopOnSignals(() => relay.stop());
  return { relay, stop, stopped };
};
