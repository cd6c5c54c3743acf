/**
 * Domain errors carry a kind, and one exception filter maps kinds to HTTP statuses:
 * not-found 404 (also another site's object), conflict 409, rule-violated 422.
 * The message is written for a clinician, not for a developer.
 */
export type DomainErrorKind = 'not-found' | 'conflict' | 'rule-violated';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export abstract class RuleViolated extends DomainError {
  readonly kind = 'rule-violated' as const;
}

export abstract class NotFound extends DomainError {
  readonly kind = 'not-found' as const;
}

export abstract class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
}

/** Someone else appended to the stream since it was read. Re-run load-decide-append to retry. */
export class VersionConflict extends Conflict {
  constructor(
    readonly stream: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`This record was changed by someone else in the meantime (expected version ${expected}, found ${actual}). Reload and try again.`);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
