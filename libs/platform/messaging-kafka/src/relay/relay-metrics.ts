import type { Registry } from 'prom-client';
import { counterIn, gaugeIn } from '../prometheus';

/** What the on-call engineer watches (DESIGN §8): how far behind the log the relay is, and its pace. */
export class RelayMetrics {
  private readonly lag;
  private readonly position;
  private readonly published;
  private readonly leader;

  constructor(
    registry: Registry,
    private readonly relay: string,
  ) {
    this.lag = gaugeIn(registry, 'alongside_relay_lag_events', 'Events in the log not yet acknowledged by Kafka', ['relay']);
    this.position = gaugeIn(registry, 'alongside_relay_position', 'Global position of the last event acknowledged by Kafka', ['relay']);
    this.published = counterIn(registry, 'alongside_relay_published_total', 'Events published to Kafka and acknowledged', ['relay', 'topic']);
    this.leader = gaugeIn(registry, 'alongside_relay_lease_held', '1 while this replica holds the relay lease', ['relay']);
  }

  acknowledged(position: bigint, perTopic: ReadonlyMap<string, number>): void {
    this.position.set({ relay: this.relay }, Number(position));
    for (const [topic, count] of perTopic) this.published.inc({ relay: this.relay, topic }, count);
  }

  behind(events: bigint): void {
    this.lag.set({ relay: this.relay }, Number(events));
  }

  holdingLease(held: boolean): void {
    this.leader.set({ relay: this.relay }, held ? 1 : 0);
  }
}
