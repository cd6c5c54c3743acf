/** Where the relay publishes mentoring's log; the key is the stream id. */
export const MENTORING_EVENTS_TOPIC = 'alongside.mentoring.events';

/**
 * Stream categories of the mentoring log (`mentoring.<category>-<siteId>-<uuid>`), so a consumer
 * can tell from the Kafka key which record an event belongs to.
 */
export const MENTORING_STREAM_CATEGORIES = {
  mentor: 'mentor',
  match: 'match',
  participant: 'participant',
  referral: 'referral',
  escalation: 'escalation',
  programme: 'programme',
  mentee: 'mentee',
} as const;
