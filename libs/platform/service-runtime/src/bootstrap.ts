import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { answerClientErrorsAsProblems, applySecurityHeaders } from '@alongside/platform/security';
import { SERVICE_CONFIG, type ServiceConfig } from './config/service-config';
import { setUpOpenApi } from './openapi/openapi';

/** A service app, configured but not yet listening: what `main.ts` starts and e2e tests drive. */
export const createServiceApp = async (appModule: Type<unknown>): Promise<INestApplication> => {
  const app = await NestFactory.create(appModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  applySecurityHeaders(app);
  answerClientErrorsAsProblems(app.getHttpServer());
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  setUpOpenApi(app, config.context);
  // SIGTERM/SIGINT close the app: HTTP stops accepting, in-flight batches finish, connections close.
  app.enableShutdownHooks();
  return app;
};

export const runService = async (appModule: Type<unknown>): Promise<INestApplication> => {
  const app = await createServiceApp(appModule);
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  await app.listen(config.port, config.host);
  app.get(Logger).log(`${config.context} listening on http://${config.host}:${config.port} (docs at /docs)`);
  return app;
};
