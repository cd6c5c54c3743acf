import { InvalidInput } from '@alongside/platform/security';

/** A cursor this service did not give: a 400 naming the field, like any other bad input. */
export class InvalidCursor extends InvalidInput {
  constructor() {
    super([{ field: 'cursor', rule: 'isCursor', message: 'cursor is not one this service gave' }]);
  }
}
