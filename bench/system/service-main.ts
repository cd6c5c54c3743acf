// One service in a process of its own, as the launcher runs them: `service-main.ts enrolment|outcomes`,
// configured by its environment, listening on a loopback port it reports to the parent over IPC.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { EnrolmentAppModule } from '../../apps/enrolment/src/app.module';
import { OutcomesAppModule } from '../../apps/outcomes/src/app.module';
import { createServiceApp } from '@alongside/platform/service-runtime';

const main = async (): Promise<void> => {
  const service = process.argv[2];
  const module =
    service === 'enrolment'
      ? EnrolmentAppModule.forRoot({ env: process.env })
      : service === 'outcomes'
        ? OutcomesAppModule.forRoot({ env: process.env, topicPrefix: process.env['KAFKA_TOPIC_PREFIX'] })
        : undefined;
  if (!module) throw new Error(`no service called ${service}`);
  const app: INestApplication = await createServiceApp(module as never);
  await app.listen(0, '127.0.0.1');
  process.once('message', () => void app.close().then(() => process.exit(0)));
  process.send?.({ url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` });
};

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
