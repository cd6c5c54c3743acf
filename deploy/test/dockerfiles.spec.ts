// The images: one Dockerfile for every app (deploy/docker/service.Dockerfile), told which app and
// port by build arguments, multi-stage, production dependencies only, non-root, with a health
// check; a .dockerignore that keeps the context small without dropping what the build copies; and
// the compile step (deploy/docker/compile.cjs) producing code that runs on plain node, checked on a
// fixture and on the workspace itself.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { APPS, ROOT_DIR } from './support/layout';

const { compile } = require('../docker/compile.cjs') as {
  compile(options: { root: string; outDir: string; srcDirs: string[]; main?: string }): {
    compiled: string[];
    copied: string[];
  };
};

const DOCKERFILE = 'deploy/docker/service.Dockerfile';
const dockerfile = () => readFileSync(join(ROOT_DIR, DOCKERFILE), 'utf8');
const instructions = (text: string) =>
  text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
const stages = (text: string) => {
  const result: { from: string; lines: string[] }[] = [];
  for (const line of instructions(text)) {
    if (/^FROM /i.test(line)) result.push({ from: line, lines: [] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
};

/** Docker's .dockerignore semantics, enough for ours: globs with ** , the last matching rule wins. */
const globToRegex = (glob: string) => {
  let source = '';
  const pattern = glob.replace(/^\//, '');
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
};

const ignoredBy = (rules: string[]) => (path: string) => {
  const parts = path.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    const negated = rule.startsWith('!');
    const regex = globToRegex(negated ? rule.slice(1) : rule);
    if (candidates.some((candidate) => regex.test(candidate))) ignored = !negated;
  }
  return ignored;
};

describe('The Dockerfile', () => {
  it('is the only one: no app keeps a copy of its own', () => {
    const apps = readdirSync(join(ROOT_DIR, 'apps'));
    expect(apps.length).toBeGreaterThanOrEqual(Object.keys(APPS).length);
    expect(apps.filter((app) => existsSync(join(ROOT_DIR, 'apps', app, 'Dockerfile')))).toEqual([]);
  });

  it('takes the app and its port as build arguments without defaults, declared in every stage that uses them', () => {
    const text = dockerfile();
    const global = instructions(text.slice(0, text.search(/^FROM /m)));
    expect(global).toEqual(expect.arrayContaining(['ARG APP', 'ARG PORT']));
    // An ARG declared before the first FROM is only seen by FROM lines; a stage must declare it again.
    for (const stage of stages(text))
      for (const name of ['APP', 'PORT']) {
        const uses = stage.lines.filter((l) => !/^ARG /.test(l) && new RegExp(`\\$\\{?${name}\\b`).test(l));
        if (uses.length > 0)
          expect([stage.from, name, stage.lines.includes(`ARG ${name}`)]).toEqual([stage.from, name, true]);
      }
  });

  it.each([
    ['neither', {}, 1],
    ['no APP', { PORT: '3101' }, 1],
    ['no PORT', { APP: 'enrolment' }, 1],
    ['an empty APP', { APP: '', PORT: '3101' }, 1],
    ['both', { APP: 'enrolment', PORT: '3101' }, 0],
  ] as const)('given %s (%j), its first step exits with %s', (_given, args, status) => {
    const build = stages(dockerfile())[0];
    const guard = build.lines.find((l) => /^RUN /.test(l)) as string;
    // The guard must come before the slow steps, or a build without arguments would fail late.
    expect(build.lines.indexOf(guard)).toBeLessThan(build.lines.findIndex((l) => /npm ci/.test(l)));
    // During RUN, build arguments are environment variables of the shell: run it the same way.
    const run = spawnSync('sh', ['-c', guard.replace(/^RUN /, '')], {
      env: { PATH: process.env.PATH, ...args },
      encoding: 'utf8',
    });
    expect(run.status).toBe(status);
    if (status) expect(run.stderr).toContain('--build-arg APP=');
  });

  it.each(Object.entries(APPS))('builds %s (port %s) from files that are there', (app, port) => {
    expect(Number(port)).toBeGreaterThan(0);
    const sources = instructions(dockerfile())
      .filter((l) => /^(COPY (?!--from)|RUN node deploy\/docker\/compile)/.test(l))
      .flatMap((l) => l.split(/\s+/).filter((word) => word.includes('${APP}')))
      .map((source) => source.replace('${APP}', app));
    expect(sources).toEqual(expect.arrayContaining([`apps/${app}`, `apps/${app}/src/main.ts`]));
    for (const source of sources) expect([source, existsSync(join(ROOT_DIR, source))]).toEqual([source, true]);
  });

  it('builds in stages: compiles with dev dependencies, installs production ones apart, runs from a small non-root image', () => {
    const all = stages(dockerfile());
    expect(all.length).toBeGreaterThanOrEqual(3);
    const runtime = all.at(-1) as { from: string; lines: string[] };
    expect(runtime.from).toMatch(/distroless|slim|alpine/);
    expect(all.some((s) => s.lines.some((l) => /npm ci\b.*--omit=dev/.test(l)))).toBe(true);
    expect(runtime.lines.some((l) => /npm (ci|install)/.test(l))).toBe(false);
    const users = runtime.lines.filter((l) => /^USER /.test(l));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).toMatch(/^USER (?!0\b|root\b)\S+/);
    expect(runtime.lines.some((l) => /^HEALTHCHECK .*CMD/.test(l))).toBe(true);
    expect(runtime.lines.some((l) => /^CMD /.test(l))).toBe(true);
    expect(runtime.lines.filter((l) => /^COPY --from=/.test(l)).length).toBeGreaterThanOrEqual(2);
    // The listen address: the runtime binds 127.0.0.1 unless HOST says otherwise.
    expect(runtime.lines.some((l) => /^ENV .*HOST=0\.0\.0\.0/.test(l))).toBe(true);
    for (const line of instructions(dockerfile())) {
      expect(line).not.toMatch(/^ADD https?:/i);
      expect(line).not.toMatch(/^(ENV|ARG) .*(SECRET|PASSWORD|PII_MASTER_KEY|TOKEN)/i);
    }
  });

  it('copies only what .dockerignore lets into the context, and the context leaves out the heavy and the secret', () => {
    const rules = readFileSync(join(ROOT_DIR, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const ignored = ignoredBy(rules);
    const copied = instructions(dockerfile())
      .filter((l) => /^COPY (?!--from)/.test(l))
      .flatMap((l) =>
        l
          .replace(/^COPY (--\S+ )*/, '')
          .split(/\s+/)
          .slice(0, -1),
      )
      .map((source) => source.replace('${APP}', 'enrolment'));
    expect(copied).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'libs',
        'apps/enrolment',
        'deploy/tools',
        'deploy/docker/compile.cjs',
        'deploy/docker/healthcheck.cjs',
      ]),
    );
    for (const source of copied) expect([source, ignored(source)]).toEqual([source, false]);
    for (const path of [
      'node_modules',
      'libs/x/node_modules/y',
      '.git/HEAD',
      '.data/pg',
      '.cache/kafka',
      'dist/main.js',
      '.env',
      'apps/enrolment/.env.local',
      'libs/a/src/b.spec.ts',
      'deploy/k8s/base/kustomization.yaml',
      'bench/run.ts',
    ]) {
      expect([path, ignored(path)]).toEqual([path, true]);
    }
    expect(ignored('apps/enrolment/src/main.ts')).toBe(false);
  });
});

describe('deploy/docker/compile.cjs', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'alongside-compile-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), text);
  };

  it('turns an app and its aliased libs into CommonJS that runs on plain node, without swc', () => {
    write(
      'tsconfig.base.json',
      JSON.stringify({ compilerOptions: { paths: { '@fixture/greeting': ['libs/greeting/src/index.ts'] } } }),
    );
    write('libs/greeting/src/index.ts', "export * from './greeter';\n");
    write(
      'libs/greeting/src/greeter.ts',
      [
        "import schema from './schema.json';",
        'const Tag = (): ClassDecorator => () => undefined;',
        'class Clock { now(): string { return "today"; } }',
        '@Tag()',
        'export class Greeter {',
        '  constructor(private readonly clock: Clock) {}',
        '  greet(name: string): string { return `${schema.greeting}, ${name} (${this.clock.now()})`; }',
        '}',
        'export const greeter = new Greeter(new Clock());',
      ].join('\n'),
    );
    write('libs/greeting/src/schema.json', JSON.stringify({ greeting: 'Hello' }));
    write('libs/greeting/src/greeter.spec.ts', "throw new Error('tests do not ship');\n");
    write('libs/greeting/project.json', '{}');
    write(
      'apps/hello/src/main.ts',
      "import { greeter } from '@fixture/greeting';\nconsole.log(greeter.greet('north'));\n",
    );
    write('apps/hello/project.json', '{}');

    const result = compile({
      root: work,
      outDir: 'dist',
      srcDirs: ['apps/hello', 'libs'],
      main: 'apps/hello/src/main.ts',
    });

    expect(result.compiled.sort()).toEqual([
      'apps/hello/src/main.ts',
      'libs/greeting/src/greeter.ts',
      'libs/greeting/src/index.ts',
    ]);
    expect(result.copied).toEqual(['libs/greeting/src/schema.json']);
    expect(existsSync(join(work, 'dist/libs/greeting/src/greeter.spec.js'))).toBe(false);
    expect(existsSync(join(work, 'dist/libs/greeting/project.json'))).toBe(false);
    const main = readFileSync(join(work, 'dist/apps/hello/src/main.js'), 'utf8');
    expect(main).not.toContain('@fixture/');
    // Run from a directory with no node_modules at all: nothing but node.
    const run = spawnSync(process.execPath, ['dist/main.js'], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('Hello, north (today)');
  });

  it('refuses a --main that it did not compile', () => {
    write('tsconfig.base.json', JSON.stringify({ compilerOptions: { paths: {} } }));
    write('apps/hello/src/main.ts', 'export {};\n');
    expect(() =>
      compile({ root: work, outDir: 'dist', srcDirs: ['apps/hello'], main: 'apps/hello/src/other.ts' }),
    ).toThrow(/--main/);
  });

  it("compiles the workspace's libs and apps, every alias resolved to a file that loads", () => {
    // Inside the repository (tmp/ is ignored by git), so the compiled code finds node_modules.
    mkdirSync(join(ROOT_DIR, 'tmp'), { recursive: true });
    const out = mkdtempSync(join(ROOT_DIR, 'tmp', 'compile-check-'));
    try {
      const apps = readdirSync(join(ROOT_DIR, 'apps')).filter((app) =>
        existsSync(join(ROOT_DIR, 'apps', app, 'src', 'main.ts')),
      );
      const result = compile({
        root: ROOT_DIR,
        outDir: relative(ROOT_DIR, out),
        srcDirs: [...apps.map((a) => `apps/${a}`), 'libs', 'deploy/tools'],
      });
      expect(result.compiled.length).toBeGreaterThan(0);
      const leftovers = result.compiled
        .map((file) => join(out, file.replace(/\.tsx?$/, '.js')))
        .filter((file) => /require\("@alongside\//.test(readFileSync(file, 'utf8')));
      expect(leftovers.map((file) => relative(out, file))).toEqual([]);
      // Every app's entry point is compiled; the NestJS services (whose main boots an app module)
      // also have their module loaded below. The companion server and the dashboard page script have
      // no Nest module.
      expect(apps.filter((app) => !existsSync(join(out, 'apps', app, 'src', 'main.js')))).toEqual([]);
      const nestApps = apps.filter((app) =>
        /from '\.\/app\.module'/.test(readFileSync(join(ROOT_DIR, 'apps', app, 'src', 'main.ts'), 'utf8')),
      );
      expect(nestApps.length).toBeGreaterThanOrEqual(4);
      const modules = nestApps.flatMap((app) =>
        readdirSync(join(out, 'apps', app, 'src'))
          .filter((f) => /\.module\.js$/.test(f))
          .map((module) => [app, module]),
      );
      expect(nestApps.filter((app) => !modules.some(([owner]) => owner === app))).toEqual([]);
      const tool = spawnSync(process.execPath, [join(out, 'deploy/tools/replay-dlq.js')], {
        cwd: ROOT_DIR,
        encoding: 'utf8',
      });
      expect(tool.stderr).toContain('usage: replay-dlq'); // it loads and parses its arguments
      for (const [app, module] of modules) {
        const load = spawnSync(
          process.execPath,
          [
            '-e',
            `require('reflect-metadata'); require(${JSON.stringify(join(out, 'apps', app, 'src', module))});`,
          ],
          {
            cwd: ROOT_DIR,
            encoding: 'utf8',
          },
        );
        expect([app, load.status, load.stderr.split('\n').slice(0, 8).join('\n')]).toEqual([app, 0, '']);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
