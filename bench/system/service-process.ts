import { fork } from 'node:child_process';
import { join } from 'node:path';

const REGISTER = join(__dirname, '..', '..', 'tools', 'register.cjs');

export type ServiceProcess = Readonly<{ url: string; stop: () => Promise<void> }>;

/** `--cpu-prof` on the case's process reaches its services too, each into a file of its own. */
const profileFlags = (name: string): string[] => {
  const dir = process.execArgv[process.execArgv.indexOf('--cpu-prof-dir') + 1];
  return process.execArgv.includes('--cpu-prof') && dir ? ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `${name}.cpuprofile`] : [];
};

/**
 * Forks `script` (which must `process.send({ url })` once it listens, and close on any message), and
 * answers its URL; `stop()` asks it to close and waits for it to exit.
 */
export const forkService = (script: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; profileName: string }): Promise<ServiceProcess> =>
  new Promise((resolve, reject) => {
    const child = fork(join(__dirname, script), [...args], {
      execArgv: ['-r', REGISTER, ...profileFlags(options.profileName)],
      env: options.env ?? process.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited with ${code} before it listened`)));
    child.once('message', (message: { url: string }) =>
      resolve({
        url: message.url,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send('stop');
          }),
      }),
    );
  });
