/** Where the relay publishes the sessions log; the key is the stream id. */
export const SESSIONS_EVENTS_TOPIC = 'alongside.sessions.events';

/** Stream categories of the sessions log (`sessions.<category>-<siteId>-<uuid>`). */
export const SESSIONS_STREAM_CATEGORIES = {
  group: 'group',
  session: 'session',
  /** Billable units of one participant, one service day and one billing code (holds the daily maximum). */
  billingDay: 'billingday',
  /** What sessions heard from mentoring about a peer facilitator's certification. */
  facilitator: 'facilitator',
  /** What sessions heard from enrolment about the site (time zone, payer rules). */
  site: 'site',
} as const;
