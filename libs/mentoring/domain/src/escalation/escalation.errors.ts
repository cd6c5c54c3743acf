import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class EscalationNotFound extends NotFound {
  constructor() {
    super('No such escalation at this site');
  }
}

export class EscalationAlreadyRaised extends Conflict {
  constructor(readonly escalationId: string) {
    super(`Escalation ${escalationId} is already recorded`);
  }
}

export class EscalationAlreadyAcknowledged extends RuleViolated {
  constructor(by: string) {
    super(`This escalation was already acknowledged by ${by}`);
  }
}

export class EscalationAlreadyResolved extends RuleViolated {
  constructor() {
    super('This escalation is already resolved');
  }
}
