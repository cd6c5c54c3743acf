import { RuleViolated } from '@alongside/platform/event-sourcing';
import type { IsoDate } from '@alongside/enrolment/contracts';

/** Records are of what happened: a day after today at the site cannot have happened yet. */
export class DateInTheFuture extends RuleViolated {
  constructor(
    readonly field: string,
    readonly day: IsoDate,
    readonly today: IsoDate,
  ) {
    super(`The ${field} (${day}) is after today (${today}) at this site; record it on or after the day it happens.`);
  }
}

export class NotACalendarDay extends RuleViolated {
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`The ${field} "${value}" is not a calendar day (YYYY-MM-DD).`);
  }
}
