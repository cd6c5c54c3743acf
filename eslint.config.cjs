// The architecture of DESIGN §2 as lint rules: a service may use another service's contracts only,
// deciders stay pure, and the platform never depends on a service.
const nx = require('@nx/eslint-plugin');

const pureBans = ['@nestjs/*', 'typeorm', 'kafkajs', '@eventstore/*', 'pg', 'express', 'node:fs', 'node:net', 'node:http'];

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/node_modules', '**/dist', '.cache', '.data', '.nx', 'tmp', 'coverage', '**/*.cjs', '**/*.mjs', '**/*.js'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:application', 'type:read-models', 'type:contracts', 'type:domain', 'type:platform'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:read-models', 'type:platform'] },
            { sourceTag: 'type:read-models', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'layer:pure'], bannedExternalImports: pureBans },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'layer:pure'], bannedExternalImports: pureBans },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'layer:pure', onlyDependOnLibsWithTags: ['layer:pure'], bannedExternalImports: pureBans },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
            { sourceTag: 'scope:enrolment', onlyDependOnLibsWithTags: ['scope:enrolment', 'scope:platform', 'type:contracts'] },
            { sourceTag: 'scope:sessions', onlyDependOnLibsWithTags: ['scope:sessions', 'scope:platform', 'type:contracts'] },
            { sourceTag: 'scope:mentoring', onlyDependOnLibsWithTags: ['scope:mentoring', 'scope:platform', 'type:contracts'] },
            { sourceTag: 'scope:outcomes', onlyDependOnLibsWithTags: ['scope:outcomes', 'scope:platform', 'type:contracts'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard', 'scope:platform', 'type:contracts'] },
            { sourceTag: 'scope:companion', onlyDependOnLibsWithTags: ['scope:companion', 'scope:platform', 'type:contracts'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Cross-service tests start the other services' real apps (the companion's e2e runs outcomes,
    // mentoring and sessions beside it); the boundary rule guards production code, not these.
    files: ['apps/*/src/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
