import { Module, type INestApplication } from '@nestjs/common';
import { ENROLMENT_CONTEXT } from '@alongside/enrolment/contracts';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { deadLetterTopic, defaultTopicLayout, ensureTopics, eventsTopic } from '@alongside/platform/messaging-kafka';
import { mintDevToken, type DevTokenClaims } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { testKafka, waitFor } from '@alongside/platform/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EnrolmentAppModule } from '../app.module';

export type TestClock = { now: Date };

export type EnrolmentTestApp = Readonly<{
  app: INestApplication;
  store: EventStore;
  http: () => ReturnType<typeof request>;
  /** Every committed event row, whatever transactions are still open elsewhere. */
  count: () => Promise<number>;
  close: () => Promise<void>;
}>;

/** Creates the topic and its dead-letter topic up front: the relay and the consumer would race to. */
export const createEnrolmentTopic = async (prefix: string): Promise<string> => {
  const topic = eventsTopic(ENROLMENT_CONTEXT, prefix);
  const admin = testKafka('enrolment-e2e-admin').admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [topic, deadLetterTopic(topic)], defaultTopicLayout);
  } finally {
    await admin.disconnect();
  }
  return topic;
};

/** The enrolment app on a test database and test topics, everything running (ROLE=all unless told). */
export const startEnrolmentApp = async (options: {
  databaseUrl: string;
  prefix: string;
  clock: TestClock;
  env?: NodeJS.ProcessEnv;
}): Promise<EnrolmentTestApp> => {
  @Module({
    imports: [
      EnrolmentAppModule.forRoot({
        env: {
          ...process.env,
          DATABASE_URL: options.databaseUrl,
          KAFKA_TOPIC_PREFIX: options.prefix,
          ENROLMENT_CONSUMER_GROUP: `${options.prefix}.saga`,
          ROLE: 'all',
          THROTTLE_LIMIT: '100000',
          ...options.env,
        },
        clock: () => options.clock.now,
      }),
    ],
  })
  class EnrolmentTestAppModule {}

  const app = await createServiceApp(EnrolmentTestAppModule);
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  const dataSource = app.get(DataSource);
  return {
    app,
    store,
    http: () => request(app.getHttpServer()),
    count: async () => Number((await dataSource.query('select count(*)::int as n from enrolment.events'))[0].n),
    close: () => app.close(),
  };
};

export const bearer = async (claims: Partial<DevTokenClaims> & Pick<DevTokenClaims, 'roles'>, site = 'north') =>
  `Bearer ${await mintDevToken({ sites: [site], ...claims })}`;

export const eventually = waitFor;
