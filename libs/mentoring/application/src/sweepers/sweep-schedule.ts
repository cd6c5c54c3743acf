import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { AftercareSweeper } from './aftercare.sweeper';
import { CertificationExpirySweeper } from './certification-expiry.sweeper';

export const SWEEP_INTERVAL_MS = Symbol.for('alongside.mentoring.SweepIntervalMs');

/** Runs both sweepers on the service's clock; an interval of 0 (tests) leaves them to be called. */
@Injectable()
export class SweepSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepSchedule.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly certifications: CertificationExpirySweeper,
    private readonly aftercare: AftercareSweeper,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
    @Inject(SWEEP_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async sweepOnce(): Promise<void> {
    const now = this.clock();
    try {
      await this.certifications.sweep(now);
      await this.aftercare.sweep(now);
    } catch (error) {
      this.logger.error(`sweep failed: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
