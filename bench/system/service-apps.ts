import { Kafka, logLevel } from 'kafkajs';
import { defaultTopicLayout, ensureTopics } from '@alongside/platform/messaging-kafka';
import { mintDevToken } from '@alongside/platform/security';
import { forkService, type ServiceProcess } from './service-process';

/** Enrolment and outcomes as they run in production (ROLE=all), listening on loopback ports of their own. */
export type ServiceApps = Readonly<{
  enrolmentUrl: string;
  outcomesUrl: string;
  close: () => Promise<void>;
}>;

const CONTEXTS = ['enrolment', 'sessions', 'mentoring', 'outcomes'] as const;

// The relay and the consumers would both create the topics; made up front, nobody races.
const createTopics = async (brokers: readonly string[], prefix: string): Promise<void> => {
  const admin = new Kafka({ clientId: `${prefix}-admin`, brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, CONTEXTS.flatMap((c) => [`${prefix}.${c}.events`, `${prefix}.${c}.events.dlq`]), defaultTopicLayout);
  } finally {
    await admin.disconnect();
  }
};

/**
 * Enrolment and outcomes each in a process of its own (as `npm start` runs them), on the case's
 * database and topics of their own. Logs at warn: a line per request would be measured too.
 */
export const startServiceApps = async (options: { databaseUrl: string; brokers: readonly string[]; prefix: string }): Promise<ServiceApps> => {
  await createTopics(options.brokers, options.prefix);
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.brokers.join(','),
    KAFKA_TOPIC_PREFIX: options.prefix,
    ENROLMENT_CONSUMER_GROUP: `${options.prefix}.saga`,
    ROLE: 'all',
    LOG_LEVEL: 'warn',
    // The edge's per-person rate limit: one bench user sends more than a person would.
    THROTTLE_LIMIT: 'off',
  };
  const started: ServiceProcess[] = [];
  try {
    for (const service of ['enrolment', 'outcomes']) started.push(await forkService('service-main.ts', [service], { env, profileName: `system.command-dashboard.${service}` }));
    const [enrolment, outcomes] = started;
    return { enrolmentUrl: enrolment.url, outcomesUrl: outcomes.url, close: async () => void (await Promise.all(started.map((s) => s.stop()))) };
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
};

/** A dev token for every site of the run, with the roles the case needs. */
export const bearerFor = async (sites: readonly string[], roles: readonly string[]): Promise<string> =>
  `Bearer ${await mintDevToken({ sites: [...sites], roles: [...roles] as never, sub: `bench-${roles.join('-')}` })}`;

/** JSON over real HTTP; a status other than 2xx is an error naming the route and the problem. */
export const sendJson = async <T>(method: string, url: string, authorization: string, body?: unknown): Promise<T> => {
  const response = await fetch(url, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
};
