import { Conflict, NotFound, RuleViolated } from '@alongside/platform/event-sourcing';

export class SiteNotConfigured extends RuleViolated {
  constructor() {
    super('This site is not configured yet; a platform admin configures its programmes first.');
  }
}

export class ProgrammeNotOffered extends RuleViolated {
  constructor(readonly programme: string) {
    super(`This site does not offer the ${programme} programme.`);
  }
}

/** One active enrolment per participant per site. */
export class AlreadyInTreatment extends RuleViolated {
  constructor(readonly episodeId: string) {
    super('This participant already has an active enrolment at this site; change their level of care or discharge them first.');
  }
}

export class ReadmissionRequired extends RuleViolated {
  constructor() {
    super('This participant was treated here before; readmit them, so that the new episode is linked to the previous one.');
  }
}

export class EpisodeNotFound extends NotFound {
  constructor(readonly episodeId: string) {
    super('There is no such episode of care for this participant.');
  }
}

export class EpisodeNotActive extends RuleViolated {
  constructor(readonly episodeId: string) {
    super('This episode of care has already ended with a discharge.');
  }
}

export class DischargeBeforeAdmission extends RuleViolated {
  constructor(
    readonly dischargedOn: string,
    readonly admittedOn: string,
  ) {
    super(`A discharge (${dischargedOn}) cannot be before the admission (${admittedOn}).`);
  }
}

export class DatedBeforeLastChange extends RuleViolated {
  constructor(
    readonly what: string,
    readonly on: string,
    readonly lastDatedOn: string,
  ) {
    super(`The ${what} (${on}) cannot be before the last change recorded on this episode (${lastDatedOn}).`);
  }
}

export class NoChangeOfCare extends RuleViolated {
  constructor() {
    super('The participant is already at this level of care in this programme.');
  }
}

export class NeverAdmittedHere extends RuleViolated {
  constructor() {
    super('This participant was never admitted here, so there is nothing to readmit from; enrol them instead.');
  }
}

export class ParticipantDeceased extends RuleViolated {
  constructor() {
    super('This participant was discharged because they died; they cannot be readmitted.');
  }
}

export class ReadmissionBeforeDischarge extends RuleViolated {
  constructor(
    readonly admittedOn: string,
    readonly dischargedOn: string,
  ) {
    super(`A readmission (${admittedOn}) cannot be before the previous discharge (${dischargedOn}).`);
  }
}

export class EpisodeAlreadyRecorded extends Conflict {
  constructor(readonly episodeId: string) {
    super('An episode with this id is already recorded for this participant.');
  }
}
