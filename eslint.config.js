import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Pure stages: no file system, network or process in extract/parse/validate/export/package.
const pureStages = ['pipeline/{extract,parse,validate,export,package}/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'tests/**/fixtures/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: pureStages,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            'zx',
            'node:fs',
            'node:fs/promises',
            'node:child_process',
            'node:net',
            'node:http',
            'node:https',
            '@octokit/rest',
          ].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Stages are pure: do I/O in the CLI or pipeline/scripts.',
          })),
        },
      ],
    },
  },
  {
    files: ['bin/**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
