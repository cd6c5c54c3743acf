import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { caseId, type CaseDefinition, type CaseResult, type Scale } from './bench-case';
import type { ChildMessage, ChildOrder } from './child-protocol';
import { runPrefix } from './fresh-database';

export type CaseRun = Readonly<{
  definition: CaseDefinition;
  result?: CaseResult;
  error?: string;
  startedAt: string;
  wallMs: number;
  /** The 1-minute load average before and after: on a shared machine, part of the figure. */
  load: readonly [number, number];
}>;

export type RunCaseOptions = Readonly<{
  runId: string;
  scale: Scale;
  adminUrl: string;
  brokers: readonly string[];
  /** `--cpu-prof` into this folder, one profile per case. */
  cpuProfileDir?: string;
  timeoutMs: number;
  onRound: () => void;
}>;

const REGISTER = join(__dirname, '..', '..', 'tools', 'register.cjs');

const databaseName = (runId: string, definition: CaseDefinition): string =>
  `${runPrefix(runId)}${definition.name}_${definition.subject}`.replace(/[^a-z0-9_]/g, '_').slice(0, 63);

const loadNow = (): number => loadavg()[0];

/** Runs one case in a child process of its own and collects its result, or why it failed. */
export const runCase = async (definition: CaseDefinition, options: RunCaseOptions): Promise<CaseRun> => {
  const order: ChildOrder = {
    id: caseId(definition),
    module: definition.module,
    args: definition.argv ?? [],
    scale: options.scale,
    adminUrl: options.adminUrl,
    brokers: options.brokers,
    database: databaseName(options.runId, definition),
  };
  const profile = options.cpuProfileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, '--cpu-prof-name', `${order.id.replace(/\//g, '.')}.cpuprofile`]
    : [];
  const startedAt = new Date().toISOString();
  const loadBefore = loadNow();
  const started = Date.now();
  const child = fork(join(__dirname, 'child.ts'), [JSON.stringify(order)], {
    execArgv: ['-r', REGISTER, ...profile],
    env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let result: CaseResult | undefined;
  let error: string | undefined;
  child.on('message', (message: ChildMessage) => {
    if (message.kind === 'round') options.onRound();
    else if (message.kind === 'result') result = message.result;
    else error = message.error;
  });
  const timer = setTimeout(() => {
    error = `timed out after ${options.timeoutMs} ms`;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  if (!result && !error) error = `the case's process exited with ${code} and no result`;
  return { definition, result, error, startedAt, wallMs: Date.now() - started, load: [loadBefore, loadNow()] };
};
