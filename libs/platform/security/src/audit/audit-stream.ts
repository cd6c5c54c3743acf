import { streamName, type SiteId } from '@alongside/platform/event-sourcing';
import { AUDIT_CATEGORY } from './audit-events';

/** One append-only audit stream per participant per site: `<context>.audit-<siteId>-<participantId>`. */
export const auditStream = (context: string, siteId: SiteId, participantId: string): string =>
  streamName(context, AUDIT_CATEGORY, siteId, participantId);
