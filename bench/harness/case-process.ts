import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { caseId, type CaseDefinition, type CaseResult, type Scale } from './bench-case';
import type { ChildMessage, ChildOrder, RunnerMessage } from './child-protocol';
import { runPrefix } from './fresh-database';

export type CaseProcessOptions = Readonly<{
  runId: string;
  scale: Scale;
  adminUrl: string;
  brokers: readonly string[];
  /** `--cpu-prof` into this folder, one profile per case. */
  cpuProfileDir?: string;
}>;

const REGISTER = join(__dirname, '..', '..', 'tools', 'register.cjs');

const databaseName = (runId: string, definition: CaseDefinition): string =>
  `${runPrefix(runId)}${definition.name}_${definition.subject}`.replace(/[^a-z0-9_]/g, '_').slice(0, 63);

/**
 * One subject of one case in a child process of its own (harness/child.ts), seen from the runner
 * as a queue of what it said: it asks for turns, reports rounds, and ends with a result or an error.
 */
export class CaseProcess {
  result?: CaseResult;
  error?: string;
  private readonly child: ChildProcess;
  private readonly said: ChildMessage[] = [];
  private exited = false;
  private wake: (() => void) | undefined;

  constructor(
    readonly definition: CaseDefinition,
    options: CaseProcessOptions,
  ) {
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
    this.child = fork(join(__dirname, 'child.ts'), [JSON.stringify(order)], {
      execArgv: ['-r', REGISTER, ...profile],
      env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: ChildMessage) => {
      if (message.kind === 'result') this.result = message.result;
      else if (message.kind === 'failed') this.error = message.error;
      else this.said.push(message);
      this.wake?.();
    });
    this.child.on('exit', (code) => {
      this.exited = true;
      if (!this.result && !this.error) this.error = `the case's process exited with ${code} and no result`;
      this.wake?.();
    });
  }

  /** Resolves with the child's next request ('ready' for a turn, 'round' when one is over), or 'done'. */
  async next(): Promise<'ready' | 'round' | 'done'> {
    for (;;) {
      const message = this.said.shift();
      if (message) return message.kind as 'ready' | 'round';
      if (this.exited) return 'done';
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  go(): void {
    const message: RunnerMessage = { kind: 'go' };
    this.child.send(message);
  }

  kill(reason: string): void {
    this.error ??= reason;
    this.child.kill('SIGKILL');
  }
}
