import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaRelay } from '../relay/kafka-relay';

/**
 * For `/health/ready`: down while the relay has a failure outstanding (broker or database
 * unreachable), with its lag either way. A standby replica is up: waiting for the lease is its job.
 */
@Injectable()
export class KafkaRelayHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(KafkaRelay) private readonly relay: KafkaRelay,
  ) {}

  isHealthy(key = 'relay') {
    const { up, details } = this.relay.readiness();
    const session = this.indicator.check(key);
    return up ? session.up(details) : session.down(details);
  }
}
