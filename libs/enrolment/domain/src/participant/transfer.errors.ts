import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class NotInTreatment extends RuleViolated {
  constructor() {
    super('Only a participant with an active enrolment here can be transferred.');
  }
}

export class TransferToSameSite extends RuleViolated {
  constructor() {
    super('A transfer goes to another site; this participant is already here.');
  }
}

export class TransferAlreadyPending extends RuleViolated {
  constructor(readonly transferId: string) {
    super('A transfer of this participant is already waiting for an answer.');
  }
}

/** 42 CFR Part 2: the receiving site must be named in an active consent for this purpose. */
export class NoTransferConsent extends RuleViolated {
  constructor(readonly toSiteId: string) {
    super(`There is no active consent naming site "${toSiteId}" for a transfer; record the participant's consent first.`);
  }
}

export class TransferAlreadyRecorded extends Conflict {
  constructor(readonly transferId: string) {
    super('A transfer with this id is already recorded.');
  }
}

export class TransferNotFound extends NotFound {
  constructor(readonly transferId: string) {
    super('There is no such transfer for this participant at this site.');
  }
}

export class TransferAlreadyAnswered extends Conflict {
  constructor(
    readonly transferId: string,
    readonly status: string,
  ) {
    super(`This transfer was already ${status}.`);
  }
}

export class RespondByNotAfterRequest extends RuleViolated {
  constructor() {
    super('The time to answer a transfer must end after the request.');
  }
}

export class TransferForAnotherSite extends RuleViolated {
  constructor(
    readonly toSiteId: string,
    readonly siteId: string,
  ) {
    super(`This transfer is for site "${toSiteId}", not "${siteId}".`);
  }
}
