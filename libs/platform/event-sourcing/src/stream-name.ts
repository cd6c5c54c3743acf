import { siteId, type SiteId } from './site-id';

/**
 * Stream names are readable and parseable, the site inside them (DESIGN §4):
 * `<context>.<category>-<siteId>-<uuid>`, e.g. `mentoring.match-north-6f1c…`.
 * The id is a UUID, so the site id (which may hold hyphens) is whatever lies between.
 */
export type StreamName = Readonly<{ context: string; category: string; siteId: SiteId; id: string }>;

const PATTERN =
  /^([a-z][a-z0-9]*)\.([a-z][a-z0-9]*)-([a-z][a-z0-9-]*)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const streamName = (context: string, category: string, site: SiteId, id: string): string =>
  `${context}.${category}-${site}-${id}`;

export const parseStreamName = (name: string): StreamName => {
  const match = PATTERN.exec(name);
  if (!match) throw new TypeError(`"${name}" is not a stream name <context>.<category>-<site>-<uuid>`);
  const [, context, category, site, id] = match;
  return { context, category, siteId: siteId(site), id };
};

/** The context a stream belongs to decides its Kafka topic: `alongside.<context>.events`. */
export const contextOf = (stream: string): string => stream.slice(0, stream.indexOf('.'));
