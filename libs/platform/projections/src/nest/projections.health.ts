import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionRunner } from '../projection-runner';

/**
 * For `/health/ready`: down while a projection readers use is further behind the log than the
 * runner's `maxReadyLag`, or while no version of it has caught up yet; the body gives each
 * version's position and lag, rebuilding versions included.
 */
@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  isHealthy(key = 'projections') {
    const { up, details } = this.runner.readiness();
    const session = this.indicator.check(key);
    return up ? session.up(details) : session.down(details);
  }
}
