// Once per jest run, after the last test file: stop only what global-setup.ts started.
import { runningInfra } from './running-infra';

export default async function globalTeardown(): Promise<void> {
  await runningInfra.take()?.stop();
}
