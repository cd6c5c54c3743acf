import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The architecture is enforced, not hoped for: these fixtures are linted as if they stood inside
 * real projects, and the Nx boundary rule must refuse what DESIGN §2 forbids.
 */
const root = join(__dirname, '..', '..');

type LintResult = { messages: { ruleId: string | null; message: string }[] };

// ESLint runs in its own process: its flat config loader needs the real module system, not jest's.
const boundaryErrors = async (filePath: string, code: string): Promise<string[]> => {
  const eslint = spawnSync(
    process.execPath,
    [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (!eslint.stdout.startsWith('[')) throw new Error(`eslint printed no results: ${eslint.stdout}${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as LintResult[];
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
};

// The Nx rule reads the cached project graph and, on a fresh clone without one, skips itself with
// a warning; computing the graph first makes the rule run, and the parse below refuses a skipped rule.
beforeAll(() => {
  const nx = spawnSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (nx.status !== 0) throw new Error(`nx could not build the project graph: ${nx.stderr}`);
}, 120_000);

describe('Module boundaries', () => {
  it("refuses a service importing another service's domain", async () => {
    const errors = await boundaryErrors(
      'libs/mentoring/application/src/boundary-fixture.ts',
      "import * as enrolment from '@alongside/enrolment/domain';\nexport const x = enrolment;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/scope:mentoring/);
  });

  it("allows a service to use another service's contracts", async () => {
    const errors = await boundaryErrors(
      'libs/mentoring/application/src/boundary-fixture.ts',
      "import * as enrolment from '@alongside/enrolment/contracts';\nexport const x = enrolment;\n",
    );
    expect(errors).toEqual([]);
  });

  it('keeps deciders free of Nest, TypeORM and Kafka', async () => {
    const errors = await boundaryErrors(
      'libs/outcomes/domain/src/boundary-fixture.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    );
    expect(errors.join('\n')).toMatch(/@nestjs\/common/);
  });

  it('keeps the platform independent of every service', async () => {
    const errors = await boundaryErrors(
      'libs/platform/projections/src/boundary-fixture.ts',
      "import * as outcomes from '@alongside/outcomes/contracts';\nexport const x = outcomes;\n",
    );
    expect(errors).toHaveLength(1);
  });
});
