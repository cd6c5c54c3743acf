import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class ReferralNotFound extends NotFound {
  constructor() {
    super('No such referral at this site');
  }
}

export class ReferralAlreadyMade extends Conflict {
  constructor(readonly referralId: string) {
    super(`Referral ${referralId} is already recorded`);
  }
}

export class ResourceNotInDirectory extends RuleViolated {
  constructor() {
    super("The resource is not in this site's directory");
  }
}

export class ResourceWithdrawn extends RuleViolated {
  constructor() {
    super('This resource has been withdrawn from the directory');
  }
}

export class ResourceCategoryMismatch extends RuleViolated {
  constructor(category: string, resourceCategory: string) {
    super(`The resource offers ${resourceCategory}, not ${category}`);
  }
}

export class ReferralOutcomeAlreadyRecorded extends RuleViolated {
  constructor(outcome: string) {
    super(`This referral's outcome is already recorded (${outcome})`);
  }
}
