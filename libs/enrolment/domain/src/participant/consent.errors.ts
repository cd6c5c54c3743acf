import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class ConsentNotFound extends NotFound {
  constructor(readonly consentId: string) {
    super('There is no such consent for this participant.');
  }
}

export class ConsentAlreadyRecorded extends Conflict {
  constructor(readonly consentId: string) {
    super('A consent with this id is already recorded for this participant.');
  }
}

export class ConsentExpiresBeforeToday extends RuleViolated {
  constructor(readonly expiresOn: string) {
    super(`This consent would already have expired (${expiresOn}); a consent must be valid on the day it is recorded.`);
  }
}

export class ConsentExpiresBeforeSignature extends RuleViolated {
  constructor() {
    super('A consent cannot expire before the day it was signed.');
  }
}

/** 42 CFR Part 2: peer support and each transfer need a consent of their own, naming who receives. */
export class ConsentRecipientDoesNotFitPurpose extends RuleViolated {
  constructor(message: string) {
    super(message);
  }
}

export class NoInformationToDisclose extends RuleViolated {
  constructor() {
    super('A consent names at least one kind of information that may be disclosed.');
  }
}

export class ConsentNotActive extends RuleViolated {
  constructor(readonly consentId: string) {
    super('This consent is no longer active (already revoked, expired or ended), so there is nothing to revoke.');
  }
}
