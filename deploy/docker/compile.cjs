#!/usr/bin/env node
// Compiles one app and the libs it may use from TypeScript to CommonJS, for the container images:
//
//   node deploy/docker/compile.cjs --out dist --main apps/enrolment/src/main.ts apps/enrolment/src libs
//
// Why compile instead of shipping tools/register.cjs: the image then needs production dependencies
// only (no swc, no TypeScript, `npm ci --omit=dev`) and starts without transpiling. The swc settings
// are those of tools/register.cjs and jest (legacy decorators with metadata, es2022, CommonJS), and
// the tsconfig path aliases (@alongside/...) become relative requires, so the output runs on plain
// node. Type checking is not done here: that is lint's and CI's job, not the image build's.
// Other files (JSON schemas, HTML, CSS, icons) are copied beside; tests are left out.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const TS = /\.(ts|tsx|mts|cts)$/;
// Tests and the workspace's build and lint configuration have no place in an image.
const LEFT_OUT = [
  /\.d\.ts$/,
  /\.(spec|test)\.[cm]?tsx?$/,
  /(^|\/)(__tests__|__fixtures__|test-output)(\/|$)/,
  /(^|\/)(project\.json|tsconfig[^/]*\.json|jest\.config\.[^/]+|eslint\.config\.[^/]+|\.eslintrc[^/]*|Dockerfile|[^/]+\.md)$/,
];

function swcOptions(root, filename, paths) {
  return {
    filename,
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', tsx: filename.endsWith('x'), decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      baseUrl: root,
      paths,
    },
    module: { type: 'commonjs' },
  };
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if (entry.isFile()) yield full;
  }
}

/** Compiles `srcDirs` (relative to `root`) into `outDir`, keeping the layout. */
function compile({ root, outDir, srcDirs, main }) {
  const swc = require(require.resolve('@swc/core', { paths: [root, __dirname] }));
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  const paths = tsconfig.compilerOptions.paths ?? {};
  const out = path.resolve(root, outDir);
  const result = { compiled: [], copied: [] };

  for (const srcDir of srcDirs) {
    for (const file of walk(path.resolve(root, srcDir))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (LEFT_OUT.some((pattern) => pattern.test(rel))) continue;
      if (TS.test(file)) {
        const { code, map } = swc.transformFileSync(file, swcOptions(root, file, paths));
        const target = path.join(out, rel.replace(TS, '.js'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
        fs.writeFileSync(`${target}.map`, map);
        result.compiled.push(rel);
      } else {
        const target = path.join(out, rel);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(file, target);
        result.copied.push(rel);
      }
    }
  }

  if (main) {
    // A fixed entry point, so every image has the same CMD whatever the app is called.
    const compiledMain = `./${main.replace(TS, '.js')}`;
    if (!result.compiled.includes(main)) throw new Error(`--main ${main} was not among the compiled files`);
    fs.writeFileSync(path.join(out, 'main.js'), `'use strict';\nrequire(${JSON.stringify(compiledMain)});\n`);
  }
  return result;
}

function parseArgs(argv) {
  const args = { root: process.cwd(), outDir: 'dist', main: undefined, srcDirs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.outDir = argv[++i];
    else if (argv[i] === '--main') args.main = argv[++i];
    else if (argv[i] === '--root') args.root = path.resolve(argv[++i]);
    else args.srcDirs.push(argv[i]);
  }
  if (args.srcDirs.length === 0)
    throw new Error('usage: compile.cjs [--root .] [--out dist] [--main file.ts] <srcDir>...');
  return args;
}

module.exports = { compile };

if (require.main === module) {
  const { compiled, copied } = compile(parseArgs(process.argv.slice(2)));
  console.log(`compiled ${compiled.length} TypeScript files, copied ${copied.length} other files`);
}
