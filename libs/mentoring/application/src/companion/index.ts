import { CompanionListener } from './companion-listener';
import { CompanionSignals } from './companion-signals';
import { CompanionSignalsController } from './companion-signals.controller';
import { QuietWeekSweeper } from './quiet-week.sweeper';

export { CompanionListener, HEARD_FROM_COMPANION } from './companion-listener';
export { QuietWeekSweeper } from './quiet-week.sweeper';
export { companionStream } from './companion-stream';

/** Registered by MentoringModule: what mentoring does with the companion app's events. */
export const COMPANION_CONTROLLERS = [CompanionSignalsController];
export const COMPANION_PROVIDERS = [CompanionSignals, CompanionListener, QuietWeekSweeper];
