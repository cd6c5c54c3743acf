import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, ms, oursOver, orderedRows, targetOutcomes } from './figures';
import type { SuiteResults } from './results-file';
import { GROWTH_CHART, growthPoints, writeGrowthChart } from './growth-chart';
import { NOT_MEASURED } from './targets';

const row = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;
const header = (cells: readonly string[]): string[] => [row(cells), row(cells.map(() => '---'))];

/** `results/README.md`: machine, versions, every figure with its §9 target, ratios and verdicts. */
export const writeResultsReadme = (dir: string, suites: readonly SuiteResults[]): void => {
  const rows = orderedRows(suites);
  const newest = [...suites].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const lines: string[] = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Targets and method: DESIGN §9 and bench/README.md.',
    'Every subject of every case ran in a fresh child process on a fresh database, with a warm-up round and five measured rounds,',
    'its rounds interleaved with those of the other subjects of its case (one at a time), so a load swing hits all of them;',
    'throughput is the median round, latencies are per operation (one append, one read, one produce request) over all measured rounds.',
    '',
    '## Machine',
    '',
    ...header(['suite', 'run at', 'cpu', 'cores', 'memory', 'load average (1, 5, 15 min) at start']),
    ...suites.map((s) =>
      row([s.suite, s.updatedAt, s.machine.cpu, s.machine.cores, `${s.machine.memoryGiB} GiB`, s.machine.loadAverage.join(', ')]),
    ),
    '',
    'The machine is shared: other engineers ran test suites during the run. Each row below shows the 1-minute load average',
    'before → after its case; compare ratios, not absolute figures.',
    '',
    '## Versions',
    '',
    ...header(['component', 'version']),
    ...Object.entries(newest?.versions ?? {}).map(([name, version]) => row([name, version])),
    '',
    '## Targets (DESIGN §9, ours against the same run’s references)',
    '',
    ...header(['case', 'target', 'measured', 'verdict']),
    ...targetOutcomes(rows).flatMap(({ target, checks }) => checks.map((c) => row([target.title, c.target, c.measured, `**${c.verdict}**`]))),
    ...NOT_MEASURED.map((t) => row([t.split(':')[0], t.split(':')[1].trim(), 'not measured yet', 'n/a'])),
    '',
    '## Figures',
    '',
    ...header(['case', 'subject', 'median', 'unit', 'rounds (min – max)', 'p50 ms', 'p95 ms', 'p99 ms', 'ours ÷ this', 'load', 'one round']),
    ...rows.map((r) =>
      row([
        r.case,
        r.subject,
        r.error ? 'FAILED' : count(r.throughput),
        r.unit ?? '',
        r.rounds?.length ? `${count(Math.min(...r.rounds))} – ${count(Math.max(...r.rounds))}` : '—',
        ms(r.latencyMs?.p50),
        ms(r.latencyMs?.p95),
        ms(r.latencyMs?.p99),
        oursOver(rows, r),
        r.load.map((l) => l.toFixed(1)).join(' → '),
        r.work ?? '',
      ]),
    ),
    '',
    ...growthSection(dir, rows),
    'Subjects: `ours` = `@alongside/platform/event-store-postgres` (relay: `KafkaRelay`; rebuild: `ProjectionRunner`;',
    'command-dashboard: enrolment and outcomes apps, ROLE=all, through Kafka; http-command: enrolment, ROLE=api; scale-*: the outcomes app\'s routes);',
    '`node-http` = raw `node:http` + `pg` writing the registration\'s two rows in one `INSERT … unnest` (no validation, auth, encryption or expected version);',
    '`emmett` = `@event-driven-io/emmett-postgresql` `getPostgreSQLEventStore` (global log: `readMessagesBatch`);',
    '`pg-insert` / `pg-unnest` / `pg-copy` / `pg-select` = raw `pg` on an equivalent table (single-row INSERT, `INSERT … SELECT FROM unnest(…)`,',
    '`COPY FROM STDIN`, plain `SELECT`); `pg-guarded` = raw `pg` sending the store\'s own 1-event statement (expected-version check and ordered',
    'global position) without the store\'s code: the floor of those guarantees; `kafkajs` = kafkajs producing the relay’s messages, prebuilt, same batch size, idempotent, acks -1.',
    `Event shape: ${JSON.stringify(rows.find((r) => r.details?.eventShape)?.details?.eventShape ?? {})}.`,
    '',
  ];
  writeFileSync(join(dir, 'README.md'), lines.join('\n'));
};

/** The scale suite's figures side by side, and the chart drawn from them. */
const growthSection = (dir: string, rows: Parameters<typeof growthPoints>[0]): string[] => {
  if (!writeGrowthChart(dir, rows)) return [];
  return [
    '## How cost grows',
    '',
    `![Append, rebuild and query cost at each log size](${GROWTH_CHART})`,
    '',
    ...header(['log (events)', '1-event append p50 ms', '1-event append p99 ms', 'batched append at build, events/s', 'rebuild events/s', 'query p95 ms']),
    ...growthPoints(rows).map((p) =>
      row([count(p.events), ms(p.appendOneP50Ms), ms(p.appendOneP99Ms), count(p.appendPerSecond), count(p.rebuildPerSecond), ms(p.queryP95Ms)]),
    ),
    '',
    '1-event appends (the store suite\'s append-1 workload, into the log at that size) and the queries are timed in every run.',
    'The batched append and the rebuild are measured when a size\'s network is built, or its views rebuilt (both are kept',
    'between runs; `--fresh` builds them again). Per-query figures and build dates: `scale.json`, `details`.',
    '',
  ];
};
