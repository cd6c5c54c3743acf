#!/usr/bin/env node
// `npm test`: the whole suite in one jest run against real Postgres and Kafka (started by the
// jest global setup), ending with the totals alone on a line so a run that tested nothing shows.
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const results = join(root, '.cache', 'jest-results.json');
mkdirSync(join(root, '.cache'), { recursive: true });

const args = [
  join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--config', join(root, 'jest.config.cjs'),
  '--json', '--outputFile', results,
  '--maxWorkers', process.env.JEST_WORKERS ?? '2',
  ...(process.env.CI ? ['--ci'] : []),
  ...process.argv.slice(2),
];
const jest = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });

let passed = 0;
let failed = 0;
if (existsSync(results)) {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  // A suite that failed to load counts as a failure even though none of its tests ran.
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(jest.status ?? 1);
