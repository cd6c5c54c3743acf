import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

/** Also what another site's participant answers: their record does not exist at this site. */
export class ParticipantNotFound extends NotFound {
  constructor(readonly participantId: string) {
    super('No admission has been recorded for this participant at this site.');
  }
}

export class DateInTheFuture extends RuleViolated {
  constructor(what: string, value: string) {
    super(`The ${what} (${value}) is in the future; record it once it has happened.`);
  }
}

export class BeforeFirstAdmission extends RuleViolated {
  constructor(what: string, value: string, admittedOn: string) {
    super(`The ${what} (${value}) is before the participant's admission on ${admittedOn}, so it is history rather than an outcome of treatment here.`);
  }
}

export class AlreadyRecorded extends Conflict {
  constructor(what: string, id: string) {
    super(`This ${what} (${id}) has already been recorded.`);
  }
}

export class DifficultyOnlyForPhq9 extends RuleViolated {
  constructor() {
    super('The "how difficult" question belongs to PHQ-9 only.');
  }
}

export class SafetyAlertNotFound extends NotFound {
  constructor(readonly alertId: string) {
    super('There is no such safety alert for this participant.');
  }
}

export class SafetyAlertAlreadyResolved extends RuleViolated {
  constructor(resolvedAt: string) {
    super(`This safety alert was already resolved (${resolvedAt}).`);
  }
}

export class SafetyAlertAlreadyAcknowledged extends RuleViolated {
  constructor(by: string, at: string) {
    super(`This safety alert was already acknowledged by ${by} at ${at}.`);
  }
}

export class ScreenResultsNotValid extends RuleViolated {
  constructor(reason: string) {
    super(`This drug screen cannot be recorded: ${reason}.`);
  }
}

export class UseReportNotValid extends RuleViolated {
  constructor(reason: string) {
    super(`This substance use report cannot be recorded: ${reason}.`);
  }
}

export class NoSobrietyDate extends RuleViolated {
  constructor() {
    super('No sobriety date has been set for this participant yet.');
  }
}

export class MilestoneNotInSitePolicy extends RuleViolated {
  constructor(days: number, policy: readonly number[]) {
    super(`${days} days is not one of this site's milestones (${policy.join(', ')}).`);
  }
}

export class MilestoneNotReachedYet extends RuleViolated {
  constructor(days: number, soberDays: number) {
    super(`The ${days}-day milestone is not reached yet: ${soberDays} days since the sobriety date.`);
  }
}

export class MilestoneAlreadyReached extends Conflict {
  constructor(days: number, reachedOn: string) {
    super(`The ${days}-day milestone was already recorded on ${reachedOn} for the current sobriety period.`);
  }
}

export class ReintegrationNotDue extends RuleViolated {
  constructor(checkpoint: string) {
    super(`A ${checkpoint} reintegration review needs a recorded discharge first.`);
  }
}
