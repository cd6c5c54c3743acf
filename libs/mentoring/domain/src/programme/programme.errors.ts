import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class CheckInDaysMustAscend extends RuleViolated {
  constructor() {
    super('Aftercare check-in days must be distinct and in increasing order');
  }
}

export class AcknowledgementLimitsOutOfOrder extends RuleViolated {
  constructor() {
    super('An urgent escalation must be acknowledged sooner than a "soon" one, and a "soon" one no later than a routine one');
  }
}

export class ResourceAlreadyListed extends Conflict {
  constructor(readonly resourceId: string) {
    super(`Resource ${resourceId} is already in the directory`);
  }
}

export class FellowshipOnlyForMutualAid extends RuleViolated {
  constructor() {
    super('A fellowship (AA, NA, SMART Recovery) is given for mutual-aid meetings, and only for them');
  }
}

export class ResourceNotFound extends NotFound {
  constructor() {
    super("No such resource in this site's directory");
  }
}

export class ResourceAlreadyWithdrawn extends RuleViolated {
  constructor() {
    super('This resource is already withdrawn from the directory');
  }
}
