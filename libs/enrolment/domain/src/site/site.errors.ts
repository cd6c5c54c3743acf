import { RuleViolated } from '@alongside/platform/event-sourcing';

export class UnknownTimeZone extends RuleViolated {
  constructor(readonly timeZone: string) {
    super(`"${timeZone}" is not an IANA time zone (e.g. America/Chicago).`);
  }
}

export class NoProgrammeOffered extends RuleViolated {
  constructor() {
    super('A site offers at least one programme.');
  }
}

export class DaysNotAscending extends RuleViolated {
  constructor(readonly list: string) {
    super(`The ${list} must be whole days above zero, each later than the one before.`);
  }
}

export class SiteNameMissing extends RuleViolated {
  constructor() {
    super('A site needs a name.');
  }
}
