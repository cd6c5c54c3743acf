import { Inject, Injectable } from '@nestjs/common';
import { QUIET_DAYS, riskSignalsDecider } from '@alongside/mentoring/domain';
import { siteId as toSiteId } from '@alongside/platform/event-sourcing';
import { MENTORING_CLOCK, type MentoringClock } from '../shared/mentoring-clock';
import { MentoringLog } from '../shared/mentoring-log';
import { CompanionListener } from './companion-listener';
import { CompanionSignals } from './companion-signals';
import { companionStream } from './companion-stream';

/**
 * Looks for a quiet week after daily check-ins. Days are UTC days: mentoring does not hear the
 * site's time zone yet, and a week's silence does not hinge on a few hours.
 */
@Injectable()
export class QuietWeekSweeper {
  constructor(
    private readonly log: MentoringLog,
    private readonly signals: CompanionSignals,
    private readonly listener: CompanionListener,
    @Inject(MENTORING_CLOCK) private readonly clock: MentoringClock,
  ) {}

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
