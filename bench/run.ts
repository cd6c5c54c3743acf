// `npm run bench`: every case of DESIGN §9 in a child process of its own, one after another,
// against the project's real Postgres and Kafka; results in bench/results/. See bench/README.md.
import { kafkaVersion, startInfra } from '../tools/infra/index';
import { parseArguments } from './harness/arguments';
import { SUITES } from './harness/bench-case';
import { selectCases } from './harness/cases';
import { dropRunDatabases } from './harness/fresh-database';
import { orderedRows } from './harness/figures';
import { machine, versions } from './harness/machine';
import { progressBar } from './harness/progress';
import { readSuite, toRow, writeSuite, type SuiteResults } from './harness/results-file';
import { writeResultsReadme } from './harness/results-readme';
import { resultsTable } from './harness/results-table';
import { roundsPlan } from './harness/rounds';
import { runCaseGroup, type CaseRun } from './harness/run-case-group';
import type { CaseDefinition } from './harness/bench-case';

const main = async (): Promise<number> => {
  const args = parseArguments(process.argv.slice(2));
  const cases = selectCases(args.filters);
  if (cases.length === 0) throw new Error(`no case matches ${args.filters.join(' ')}`);
  // The case processes inherit it: the scale cases then drop and rebuild their cached networks.
  if (args.fresh) process.env['BENCH_FRESH'] = '1';
  const infra = await startInfra({ log: (line) => process.stderr.write(`[infra] ${line}\n`) });
  const runId = Date.now().toString(36);
  try {
    const startMachine = machine();
    const runVersions = await versions(infra.databaseUrl, infra.kafka.origin === 'env' ? 'external (KAFKA_BROKERS)' : kafkaVersion);
    const plan = roundsPlan(args.scale);
    const bar = progressBar(cases.length * (plan.warmups + plan.rounds + 1));
    // A case's subjects run together (their rounds interleaved); cases run one after another.
    const groups: CaseDefinition[][] = [];
    for (const c of cases) {
      const group = groups.find((g) => g[0].suite === c.suite && g[0].name === c.name);
      if (group) group.push(c);
      else groups.push([c]);
    }
    const grouped: CaseRun[][] = new Array(groups.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < groups.length; i = next++) {
        const group = groups[i];
        bar.label(`${group[0].suite}/${group[0].name}`);
        grouped[i] = await runCaseGroup(group, {
          runId,
          scale: args.scale,
          adminUrl: infra.databaseUrl,
          brokers: infra.brokers,
          cpuProfileDir: args.cpuProfileDir,
          // Building and rebuilding a scale network the first time takes far longer than any other case.
          timeoutMs: args.scale === 'tiny' ? 180_000 : group[0].suite === 'scale' ? 4 * 3_600_000 : 600_000,
          onRound: bar.step,
        });
        group.forEach(() => bar.step());
      }
    };
    await Promise.all(Array.from({ length: args.jobs }, worker));
    const runs = grouped.flat();
    bar.stop();
    await dropRunDatabases(infra.databaseUrl, runId);

    const updatedAt = new Date().toISOString();
    for (const suite of SUITES) {
      const rows = runs.filter((r) => r.definition.suite === suite).map(toRow);
      if (rows.length > 0) writeSuite(args.outDir, { suite, scale: args.scale, updatedAt, machine: startMachine, versions: runVersions, rows });
    }
    const stored = SUITES.map((suite) => readSuite(args.outDir, suite)).filter((s): s is SuiteResults => s?.scale === args.scale);
    writeResultsReadme(args.outDir, stored);
    console.log(`\n${resultsTable(orderedRows(stored).filter((r) => runs.some((run) => run.definition.suite === r.suite && run.definition.name === r.case)))}`);
    console.log(`\nresults: ${args.outDir}`);
    return runs.some((r) => r.error) ? 1 : 0;
  } finally {
    await infra.stop();
  }
};

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
