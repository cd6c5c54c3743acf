import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// jest compiles with swc, which strips types without checking them: this is where the whole
// workspace (apps, libs, tools, tests) is type-checked, so a type error fails `npm test` too.
const root = join(__dirname, '..', '..');

describe('TypeScript', () => {
  it('type-checks the whole workspace without an error', () => {
    const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.base.json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
    });
    const errors = `${tsc.stdout}${tsc.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors).toEqual([]);
    expect(tsc.status).toBe(0);
  }, 300_000);
});
