import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class MatchNotFound extends NotFound {
  constructor() {
    super('No such mentoring match at this site');
  }
}

export class MatchAlreadyExists extends Conflict {
  constructor(readonly matchId: string) {
    super(`Match ${matchId} already exists`);
  }
}

export class MentorCertificationLapsed extends RuleViolated {
  constructor() {
    super("This mentor's peer certification has lapsed: renew it before matching");
  }
}

export class CaseloadFull extends RuleViolated {
  constructor(readonly maxCaseload: number) {
    super(`This mentor's caseload is full (${maxCaseload} participants)`);
  }
}

export class NoPeerContactConsent extends RuleViolated {
  constructor() {
    super('The participant has no active consent for peer contact');
  }
}

export class ParticipantAlreadyMatched extends RuleViolated {
  constructor() {
    super('The participant already has a mentor: end that match first');
  }
}

export class MatchNotAwaitingAcceptance extends RuleViolated {
  constructor() {
    super('This match is not waiting to be accepted');
  }
}

export class MatchAlreadyEnded extends RuleViolated {
  constructor() {
    super('This match has already ended');
  }
}

export class EndReasonNotApplicable extends RuleViolated {
  constructor(reason: string, status: string) {
    super(`A match that is ${status} cannot end for the reason "${reason}"`);
  }
}

export class MatchNotOpen extends RuleViolated {
  constructor() {
    super('This can be recorded only for an accepted match or one in aftercare');
  }
}

export class NotThisParticipantsMentor extends RuleViolated {
  constructor() {
    super("Only the participant's own mentor can record this");
  }
}

export class ContactAlreadyLogged extends Conflict {
  constructor(readonly contactId: string) {
    super(`Contact ${contactId} is already logged`);
  }
}

export class ContactInTheFuture extends RuleViolated {
  constructor() {
    super('A contact cannot be logged for a time in the future');
  }
}

export class ContactBeforeMatch extends RuleViolated {
  constructor() {
    super('A contact cannot be earlier than the acceptance of the match');
  }
}

export class NotInAftercare extends RuleViolated {
  constructor() {
    super('This match is not in aftercare follow-up');
  }
}

export class CheckInNotScheduled extends RuleViolated {
  constructor(day: number) {
    super(`No aftercare check-in is scheduled for day ${day}`);
  }
}

export class CheckInAlreadyClosed extends RuleViolated {
  constructor(day: number, status: string) {
    super(`The day ${day} check-in is already recorded as ${status}; log a contact instead`);
  }
}

export class CheckInBeforeDischarge extends RuleViolated {
  constructor() {
    super('An aftercare check-in cannot be before the discharge');
  }
}
