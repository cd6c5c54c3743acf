import { createHmac } from 'node:crypto';
import { isSiteId, type SiteId } from '@alongside/platform/event-sourcing';

/** What enrolment reads from its environment beyond the service runtime's configuration. */
export type EnrolmentConfig = Readonly<{
  /**
   * The sites this deployment serves (ENROLMENT_SITES=north,south). `all` (the default) serves
   * every site: one deployment for the network. With one deployment per site, each hears the other
   * sites' transfers on Kafka and acts only on those addressed to its own.
   */
  servedSites: readonly SiteId[] | 'all';
  /** TRANSFER_RESPONSE_HOURS: after this long an unanswered transfer request shows as overdue. */
  transferResponseHours: number;
  /** The key of the blind index of names at one site (HMAC-SHA256). */
  blindIndexKey: (siteId: SiteId) => Buffer;
  /** KAFKA_TOPIC_PREFIX: `alongside` in production; tests give each file its own. */
  topicPrefix: string;
  /** ENROLMENT_CONSUMER_GROUP: one per deployment, so that each deployment hears every message. */
  consumerGroup: string;
  /** ROLE=api|relay|projections|all: which background work runs in this process. */
  runRelay: boolean;
  runConsumers: boolean;
  runProjections: boolean;
}>;

export const ENROLMENT_CONFIG = Symbol.for('alongside.EnrolmentConfig');

/** For development and tests only; refused in production. */
const DEV_BLIND_INDEX_SECRET = 'alongside-development-blind-index-secret';

const parseKeys = (raw: string): Map<string, Buffer> => {
  const keys = new Map<string, Buffer>();
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const site = entry.slice(0, colon);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (colon < 1 || !isSiteId(site)) throw new Error('BLIND_INDEX_KEYS entries are site:base64, separated by commas');
    if (key.length < 32) throw new Error(`The blind index key of site "${site}" must be at least 32 bytes, base64-encoded`);
    keys.set(site, key);
  }
  return keys;
};

export const readEnrolmentConfig = (env: NodeJS.ProcessEnv = process.env): EnrolmentConfig => {
  const sites = (env.ENROLMENT_SITES ?? 'all').trim();
  const servedSites =
    sites === 'all' || sites === ''
      ? ('all' as const)
      : sites.split(',').map((s) => {
          if (!isSiteId(s.trim())) throw new Error(`ENROLMENT_SITES: "${s}" is not a site id`);
          return s.trim() as SiteId;
        });
  const hours = Number(env.TRANSFER_RESPONSE_HOURS ?? 72);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error('TRANSFER_RESPONSE_HOURS must be a positive number of hours');

  // Per-site keys from BLIND_INDEX_KEYS; otherwise each site's key is derived from BLIND_INDEX_SECRET.
  const keys = parseKeys(env.BLIND_INDEX_KEYS ?? '');
  const secret = env.BLIND_INDEX_SECRET;
  if (!secret && keys.size === 0 && env.NODE_ENV === 'production') {
    throw new Error('BLIND_INDEX_KEYS (or BLIND_INDEX_SECRET) is required in production');
  }
  const blindIndexKey = (siteId: SiteId): Buffer => {
    const key = keys.get(siteId);
    if (key) return key;
    if (keys.size > 0 && !secret) throw new Error(`No blind index key is configured for site "${siteId}"`);
    return createHmac('sha256', secret ?? DEV_BLIND_INDEX_SECRET).update(`blind-index/${siteId}`).digest();
  };

  const role = env.ROLE ?? 'all';
  if (!['api', 'relay', 'projections', 'all'].includes(role)) throw new Error(`ROLE must be api, relay, projections or all, not "${role}"`);
  return {
    servedSites,
    transferResponseHours: hours,
    blindIndexKey,
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? 'alongside',
    consumerGroup: env.ENROLMENT_CONSUMER_GROUP ?? (servedSites === 'all' ? 'enrolment.transfers' : `enrolment.transfers.${servedSites.join('.')}`),
    runRelay: role === 'all' || role === 'relay',
    runConsumers: role === 'all' || role === 'relay',
    runProjections: role === 'all' || role === 'projections',
  };
};

export const serves = (config: EnrolmentConfig, siteId: string): boolean =>
  config.servedSites === 'all' || config.servedSites.includes(siteId as SiteId);
