import { RuleViolated } from '@alongside/platform/event-sourcing';

/** A code that the reference data the decision is made under does not know. */
export class UnknownCode extends RuleViolated {
  constructor(
    readonly list: string,
    readonly code: string,
    readonly referenceDataVersion: number,
  ) {
    super(`"${code}" is not a known ${list} (reference data version ${referenceDataVersion}).`);
  }
}

export class UnknownReferenceDataVersion extends RuleViolated {
  constructor(readonly referenceDataVersion: number) {
    super(`There is no reference data version ${referenceDataVersion}.`);
  }
}
