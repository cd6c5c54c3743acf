#!/usr/bin/env node
// `npm run test:reliability [-- --large]`: the suite under reliability/ against real servers, then
// docs/reliability.md from what it recorded. `npm test` runs the same specs at the `ci` size.
const { spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const large = process.argv.includes('--large');
const rest = process.argv.slice(2).filter((arg) => arg !== '--large');
const env = { ...process.env, RELIABILITY_SIZE: large ? 'large' : 'ci' };

rmSync(join(root, '.cache', 'reliability', 'trials.jsonl'), { force: true });
const run = spawnSync(process.execPath, [join(__dirname, 'test.cjs'), '--testPathPatterns', '/reliability/', ...rest], {
  cwd: root, stdio: 'inherit', env,
});
spawnSync(process.execPath, ['-r', join(__dirname, 'register.cjs'), join(root, 'reliability', 'report', 'write-report.ts')], {
  cwd: root, stdio: 'inherit', env,
});
process.exit(run.status ?? 1);
