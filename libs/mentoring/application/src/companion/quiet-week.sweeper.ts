import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { QUIET_DAYS, riskSignalsDecider } from '@alongside/mentoring/domain';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { SWEEP_INTERVAL_MS } from '../sweepers/sweep-schedule';
import { MentoringLog } from '../shared/mentoring-log';
import { CompanionListener } from './companion-listener';
import { CompanionSignals } from './companion-signals';
import { companionStream } from './companion-stream';

/**
 * Looks for a quiet week after daily check-ins. Days are UTC days: mentoring does not hear the
 * site's time zone yet, and a week's silence does not hinge on a few hours.
 */
@Injectable()
export class QuietWeekSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QuietWeekSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly log: MentoringLog,
    private readonly signals: CompanionSignals,
    private readonly listener: CompanionListener,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
    @Inject(SWEEP_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  /** On the mentoring sweepers' interval (0 in tests: called by hand). */
  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((error: Error) => this.logger.error(`quiet-week sweep failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<number> {
    const now = this.clock();
    const today = now.toISOString().slice(0, 10);
    let raised = 0;
    for (const { siteId, participantId } of await this.signals.quietSince(today, QUIET_DAYS)) {
      const site = toSiteId(siteId);
      // One sweep per participant per day: the same day's sweep repeated appends nothing.
      const commandId = `quiet-week/${siteId}/${participantId}/${today}`;
      const result = await this.log.handle(companionStream(site, participantId), riskSignalsDecider, { type: 'LookForQuietWeek', data: { participantId, today, at: now.toISOString() } }, {
        commandId,
        correlationId: commandId,
        siteId: site,
        actor: { sub: 'mentoring-quiet-week-sweeper', role: 'system' },
        occurredAt: now.toISOString(),
      });
      // A repeated sweep returns its first events; the flag rows are keyed, so adding them again is a no-op.
      await this.listener.flag(undefined, siteId, commandId, result.events);
      if (result.appended) raised += result.events.filter((e) => e.type === 'RiskSignalRaised').length;
    }
    return raised;
  }
}
