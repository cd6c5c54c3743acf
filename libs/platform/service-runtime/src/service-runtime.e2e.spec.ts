import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, testBrokers, type TestDatabase } from '@alongside/platform/testing';
import { createServiceApp } from './bootstrap';
import { ServiceRuntimeModule } from './service-runtime.module';

/** What every service has before it has a domain: health, metrics, OpenAPI, the security edge. */
const bootWith = async (env: NodeJS.ProcessEnv): Promise<INestApplication> => {
  @Module({ imports: [ServiceRuntimeModule.forRoot({ context: 'sessions', env: { ...process.env, ...env } })] })
  class BareServiceModule {}
  const app = await createServiceApp(BareServiceModule);
  await app.init();
  return app;
};

describe('Service runtime', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('runtime');
  });
  afterAll(() => database.drop());

  describe('with its store and broker up', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await bootWith({ DATABASE_URL: database.url, KAFKA_BROKERS: testBrokers().join(',') });
    });
    afterAll(() => app.close());

    it('is live and ready, naming each dependency it checked', async () => {
      await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(ready.body.details).toMatchObject({ database: { status: 'up' }, kafka: { status: 'up', brokers: 1 } });
    });

    it('serves Prometheus metrics without a token, request latency included', async () => {
      await request(app.getHttpServer()).get('/health/live');
      const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
      expect(metrics.text).toContain('http_request_duration_seconds_bucket');
      expect(metrics.text).toContain('service="sessions"');
    });

    it('describes itself in OpenAPI 3 with bearer auth', async () => {
      const openapi = await request(app.getHttpServer()).get('/openapi.json').expect(200);
      expect(openapi.body.openapi).toMatch(/^3\./);
      expect(openapi.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(openapi.body.paths)).toContain('/health/ready');
    });

    it('echoes a caller correlation id and answers an unknown route as problem+json without a token', async () => {
      const response = await request(app.getHttpServer())
        .get('/sites/north/nothing-here')
        .set('x-correlation-id', 'corr-12345678');
      expect(response.headers['x-correlation-id']).toBe('corr-12345678');
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect([401, 404]).toContain(response.status);
    });

    it('sends security headers', async () => {
      const response = await request(app.getHttpServer()).get('/health/live');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('when the broker cannot be reached', () => {
    let app: INestApplication;
    beforeAll(async () => {
      // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
      app = await bootWith({ DATABASE_URL: database.url, KAFKA_BROKERS: '127.0.0.1:9' });
    });
    afterAll(() => app.close());

    it('stays live but is not ready, and says the broker is what is down', async () => {
      await request(app.getHttpServer()).get('/health/live').expect(200);
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(ready.body.error).toMatchObject({ kafka: { status: 'down' } });
      expect(ready.body.details.database).toMatchObject({ status: 'up' });
    });
  });
});
