import { NotFound } from '@alongside/platform/event-sourcing';

/**
 * Absent, or another site's: the answer is the same 404 so that no one can probe what other
 * sites hold.
 */
export class NotFoundHere extends NotFound {
  constructor() {
    super('Nothing was found here.');
  }
}
