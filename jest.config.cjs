// One jest run for the whole workspace: one set of real servers (global setup), two workers.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/.]/g, '\\$&')}$`,
    `<rootDir>/${target}`,
  ]),
);

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['apps', 'libs', 'tools', 'bench', 'deploy', 'reliability'].filter((d) => existsSync(join(__dirname, d))).map((d) => `<rootDir>/${d}`),
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  // NestJS 12 ships ES modules only; jest on Node 20 cannot require() them, so swc compiles them too.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|nestjs-pino|uuid|jose)/)'],
  moduleNameMapper,
  globalSetup: '<rootDir>/tools/jest/global-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/global-teardown.ts',
  setupFiles: ['reflect-metadata', '<rootDir>/tools/jest/quiet-logs.ts'],
  testTimeout: 60_000,
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.cache', '<rootDir>/.data'],
};
