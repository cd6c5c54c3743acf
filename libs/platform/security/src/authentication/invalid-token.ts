export type InvalidTokenReason = 'missing' | 'expired' | 'invalid' | 'malformed-claims';

/** Why a request is not authenticated; the guard turns it into a 401. */
export class InvalidToken extends Error {
  constructor(
    readonly reason: InvalidTokenReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidToken';
  }
}
