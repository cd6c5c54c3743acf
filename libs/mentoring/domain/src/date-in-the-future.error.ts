import { RuleViolated } from '@alongside/platform/event-sourcing';

/** Facts are recorded once they happened; the command's `at` is "now" for the person giving it. */
export class DateInTheFuture extends RuleViolated {
  constructor(what: string) {
    super(`${what} cannot be in the future`);
  }
}
