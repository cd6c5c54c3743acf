import type { SiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere } from './not-found-here';

/**
 * Call it on every object loaded by id: an object of another site answers exactly as an absent one.
 * `objectSiteId` undefined (nothing loaded) is also not found.
 */
export function assertSameSite(objectSiteId: SiteId | string | undefined, pathSiteId: SiteId | string): void {
  if (objectSiteId === undefined || objectSiteId !== pathSiteId) throw new NotFoundHere();
}
