import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { prefixLine } from './log-line';

const root = join(__dirname, '..', '..');

export type ServiceProcess = Readonly<{ name: string; child: ChildProcess; exited: Promise<number | null> }>;

/**
 * One child process per service, its JSON logs folded into one readable stream with a prefix per
 * process, so a person runs one command instead of watching eleven terminals.
 */
export const startServiceProcess = (name: string, entry: string, env: NodeJS.ProcessEnv): ServiceProcess => {
  const child = spawn(process.execPath, ['-r', join(root, 'tools', 'register.cjs'), join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => process.stdout.write(prefixLine(name, line) + '\n'));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
};

/** SIGTERM lets each service finish its in-flight batch; SIGKILL only if it hangs. */
export const stopServiceProcess = async ({ child, exited }: ServiceProcess, graceMs = 10_000): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
};
