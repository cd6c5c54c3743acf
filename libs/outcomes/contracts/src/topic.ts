/** Where the relay publishes the outcomes log; the key is the stream id. */
export const OUTCOMES_EVENTS_TOPIC = 'alongside.outcomes.events';

/**
 * Stream categories of the outcomes log (`outcomes.<category>-<siteId>-<uuid>`): one record per
 * participant per site, and one policy stream per site.
 */
export const OUTCOMES_STREAM_CATEGORIES = {
  participant: 'participant',
  site: 'site',
} as const;
