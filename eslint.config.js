// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Folders import in one direction: protocol <- transports <- runner <- cli. Each entry lists
 * the folders that a folder must not import from.
 */
const layers = {
  'src/errors': ['protocol', 'transports', 'canaries', 'scenarios', 'oracles', 'fuzz', 'runner', 'reporters', 'gate', 'cli', 'report', 'config'],
  'src/packages': ['protocol', 'validation', 'transports', 'canaries', 'scenarios', 'oracles', 'fuzz', 'runner', 'reporters', 'gate', 'cli', 'report', 'config', 'targets'],
  'src/validation': ['transports', 'canaries', 'scenarios', 'oracles', 'fuzz', 'runner', 'reporters', 'gate', 'cli'],
  'src/protocol': ['transports', 'canaries', 'scenarios', 'oracles', 'fuzz', 'runner', 'reporters', 'gate', 'cli', 'report', 'config'],
  'src/transports': ['canaries', 'scenarios', 'oracles', 'fuzz', 'runner', 'reporters', 'gate', 'cli', 'report', 'config'],
  'src/reporters': ['runner', 'cli'],
  'src/runner': ['cli', 'reporters'],
  'src/gate': ['runner', 'cli', 'reporters'],
  'src/fuzz': ['cli', 'reporters'],
  'src/profiles': ['cli', 'reporters'],
};

export default tseslint.config(
  { ignores: ['dist/**', '**/dist/**', 'node_modules/**', '**/generated/**', 'reports/**', 'reference-impl/sandbox/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a derived union instead of enum.' }],
    },
  },
  ...Object.entries(layers).map(([folder, forbidden]) => ({
    files: [`${folder}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidden.map((f) => ({ group: [`**/${f}/**`, `../${f}/*`, `../../${f}/*`], message: `${folder} must not import from ${f}: folders import in one direction (protocol <- transports <- runner <- cli).` })) }],
    },
  })),
  {
    files: ['reference-impl/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/src/runner/**', '**/src/oracles/**', '**/src/reporters/**', '**/src/scenarios/**', '**/src/canaries/**', '**/src/cli/**'].map((g) => ({ group: [g], message: 'The reference executor depends on the protocol and transports only.' })) }],
    },
  },
  {
    files: ['adapters/**/*.ts'],
    ignores: ['**/*.test.ts', 'adapters/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/src/canaries/**', '**/src/scenarios/**', '**/src/oracles/**', '**/src/fuzz/**', '**/src/runner/**', '**/src/reporters/**', '**/src/gate/**', '**/src/cli/**', '**/src/report/**', '**/src/config/**', '**/src/targets/**', '**/reference-impl/**'].map((g) => ({ group: [g], message: 'Adapters depend on src/protocol, src/transports, src/validation and src/errors only.' })) }],
    },
  },
);
