import { RuleViolated } from '@alongside/platform/event-sourcing';

export class CheckInOutOfRange extends RuleViolated {
  constructor(what: 'mood' | 'craving', range: string) {
    super(`The ${what} answer takes a whole number ${range}`);
  }
}

export class CheckInInTheFuture extends RuleViolated {
  constructor(at: string) {
    super(`A check-in cannot be dated in the future (${at})`);
  }
}
