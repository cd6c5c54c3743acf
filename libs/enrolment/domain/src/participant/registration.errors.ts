import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class ParticipantNotFound extends NotFound {
  constructor() {
    super('There is no such participant at this site.');
  }
}

export class ParticipantAlreadyRegistered extends Conflict {
  constructor(readonly participantId: string) {
    super('This participant is already registered at this site.');
  }
}

export class ParticipantWasErased extends RuleViolated {
  constructor() {
    super("This person's personal details were erased at their request; their record can no longer be changed.");
  }
}

export class NoDetailsGiven extends RuleViolated {
  constructor() {
    super('Give at least one detail to record.');
  }
}

export class ErasureDuringTreatment extends RuleViolated {
  constructor() {
    super("This participant is in treatment here; discharge them before erasing their personal details.");
  }
}
