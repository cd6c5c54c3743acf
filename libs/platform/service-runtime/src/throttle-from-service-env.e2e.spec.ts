import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { createServiceApp } from './bootstrap';
import { ServiceRuntimeModule } from './service-runtime.module';

// Several services run in one process (tests, the launcher) with environments of their own: the
// rate limit must come from the service's environment, not the process's.
describe('Service runtime rate limit', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('runtime-throttle');
    @Module({ imports: [ServiceRuntimeModule.forRoot({ context: 'sessions', env: { ...process.env, DATABASE_URL: database.url, THROTTLE_LIMIT: '2', THROTTLE_TTL_MS: '60000' } })] })
    class ThrottledServiceModule {}
    app = await createServiceApp(ThrottledServiceModule);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('answers 429 problem+json past THROTTLE_LIMIT given in the service environment', async () => {
    expect(process.env.THROTTLE_LIMIT).not.toBe('2');
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/health/live').expect(200);
    const limited = await request(app.getHttpServer()).get('/health/live');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
