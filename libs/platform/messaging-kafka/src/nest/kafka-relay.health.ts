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
    const status = this.relay.status();
    const details = {
      leader: status.leader,
      position: status.position?.toString() ?? null,
      lag: status.lag?.toString() ?? null,
      ...(status.lastError ? { lastError: status.lastError } : {}),
    };
    const session = this.indicator.check(key);
    return status.lastError ? session.down(details) : session.up(details);
  }
}
