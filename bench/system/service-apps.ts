import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { EnrolmentAppModule } from '../../apps/enrolment/src/app.module';
import { OutcomesAppModule } from '../../apps/outcomes/src/app.module';
import { defaultTopicLayout, ensureTopics } from '@alongside/platform/messaging-kafka';
import { mintDevToken } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';

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

const listen = async (app: INestApplication): Promise<string> => {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
};

/**
 * Both apps in this (the case's) process, each with its relay, consumers and projections, on the
 * case's database and topics of their own. Logs at warn: a line per request would be measured too.
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
    THROTTLE_LIMIT: 'off',
  };
  // The edge's per-person rate limit reads process.env itself; one bench user would hit it at once.
  process.env['THROTTLE_LIMIT'] = 'off';
  const apps: INestApplication[] = [];
  try {
    const enrolment = await createServiceApp(EnrolmentAppModule.forRoot({ env }) as never);
    apps.push(enrolment);
    const enrolmentUrl = await listen(enrolment);
    const outcomes = await createServiceApp(OutcomesAppModule.forRoot({ env, topicPrefix: options.prefix }) as never);
    apps.push(outcomes);
    const outcomesUrl = await listen(outcomes);
    return { enrolmentUrl, outcomesUrl, close: async () => void (await Promise.all(apps.map((app) => app.close()))) };
  } catch (error) {
    await Promise.all(apps.map((app) => app.close().catch(() => undefined)));
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
