import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventConsumers } from './event-consumers';

/** For `/health/ready`: every consumer is in its group and consuming (a crash shows its error). */
@Injectable()
export class EventConsumersHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
  ) {}

  isHealthy(key = 'consumers') {
    const statuses = this.consumers.all.map((consumer) => consumer.status());
    const details = Object.fromEntries(statuses.map((s) => [s.name, { running: s.running, lastError: s.lastError }]));
    const session = this.indicator.check(key);
    return statuses.every((s) => s.running) ? session.up(details) : session.down(details);
  }
}
