import { isSiteId } from '@alongside/platform/event-sourcing';
import { siteScope } from './site-scope';

type SiteEvent = Readonly<{ metadata: Readonly<{ siteId: string }> }>;
type Handler<A extends [SiteEvent, ...unknown[]], R> = (...args: A) => Promise<R>;

/**
 * A consumer's handlers, each run in the scope of its event's own site: what a message from Kafka
 * makes the service read is that site's rows, and no other's (the site wall).
 */
export const inEventSiteScope = <K extends string, A extends [SiteEvent, ...unknown[]], R>(
  handlers: Readonly<Record<K, Handler<A, R>>>,
): Record<K, Handler<A, R>> => {
  const entries = Object.entries(handlers) as [K, Handler<A, R>][];
  return Object.fromEntries(
    entries.map(([type, handle]) => {
      const scoped: Handler<A, R> = (...args) => {
        const site = args[0].metadata.siteId;
        return siteScope.run(isSiteId(site) ? [site] : [], () => handle(...args));
      };
      return [type, scoped];
    }),
  ) as Record<K, Handler<A, R>>;
};
