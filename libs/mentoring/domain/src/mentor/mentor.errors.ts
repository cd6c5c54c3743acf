import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';


export class MentorNotFound extends NotFound {
  constructor() {
    super('This peer mentor is not onboarded at this site');
  }
}

export class MentorAlreadyOnboarded extends Conflict {
  constructor(readonly mentorId: string) {
    super(`Peer mentor ${mentorId} is already onboarded`);
  }
}

export class LivedExperienceRequired extends RuleViolated {
  constructor() {
    super('A peer mentor shares lived experience of recovery: record at least one area of lived experience');
  }
}

export class TrainingAlreadyRecorded extends Conflict {
  constructor(readonly trainingId: string) {
    super(`Training ${trainingId} is already recorded`);
  }
}

export class CertificationNeedsTraining extends RuleViolated {
  constructor() {
    super('A certification can be recorded only after the mentor has completed training');
  }
}

export class CertificationAlreadyRecorded extends Conflict {
  constructor(readonly certificationId: string) {
    super(`Certification ${certificationId} is already recorded; renew it instead`);
  }
}

export class CertificationNotFound extends NotFound {
  constructor(readonly certificationId: string) {
    super(`This mentor has no certification ${certificationId}`);
  }
}

export class CertificationExpiryNotAfterGrant extends RuleViolated {
  constructor() {
    super('A certification must expire after the date it was granted');
  }
}

export class CertificationAlreadyLapsed extends RuleViolated {
  constructor() {
    super('This certification would already have expired: check the expiry date');
  }
}

export class RenewalMustExtendExpiry extends RuleViolated {
  constructor(readonly currentExpiresAt: string) {
    super(`A renewal must move the expiry later than the current one (${currentExpiresAt})`);
  }
}

export class SupervisionAlreadyRecorded extends Conflict {
  constructor(readonly supervisionId: string) {
    super(`Supervision ${supervisionId} is already recorded`);
  }
}

export class MentorCannotSuperviseThemselves extends RuleViolated {
  constructor() {
    super('Supervision must be given by someone other than the mentor');
  }
}

export class SupervisionNotFound extends NotFound {
  constructor(readonly supervisionId: string) {
    super(`No supervision ${supervisionId} is recorded for this mentor`);
  }
}

export class BoundaryConcernAlreadyRecorded extends Conflict {
  constructor(readonly concernId: string) {
    super(`Boundary concern ${concernId} is already recorded`);
  }
}
