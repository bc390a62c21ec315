// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layer order, written once (CONTRIBUTING.md explains it): a folder imports only from the
 * folders before it, plus any folder's `generated/` contracts (schemas and types that import
 * nothing). Tests may import anything. src/architecture.test.ts fails on a folder missing here
 * and on an import cycle between files. A folder that only groups others (src/lanes) is not a
 * layer itself: each of its subfolders is.
 */
export const layers = [
  'src/errors',
  'src/packages',
  'src/validation',
  'src/protocol',
  'src/transports',
  'src/docker',
  'src/canaries',
  'src/scenarios',
  'src/config',
  'src/report',
  'src/gate',
  'adapters',
  'src/targets',
  'src/oracles',
  'src/runner',
  'src/lanes/scenario',
  'src/lanes/fuzz',
  'src/profiles',
  'src/reporters',
  'src/testing',
  'src/cli',
];

/**
 * Matches an import of `folder`'s code, relative or not, but not of its generated contracts. The
 * last segment of the folder names it (`fuzz/` for src/lanes/fuzz), so no two layers may share one.
 */
const reaching = (folder) => `(^|/)${folder.split('/').at(-1)}/(?!generated/)`;

/** One rule per layer: everything after it is out of reach. */
const layerRules = layers.map((folder, index) => {
  const above = layers.slice(index + 1);
  return {
    files: [`${folder}/**/*.ts`],
    ignores: ['**/*.test.ts', 'adapters/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: above.map((upper) => ({
            regex: reaching(upper),
            message:
              `${folder} must not import from ${upper}: a folder imports only from the layers before it ` +
              `(eslint.config.js lists them).`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/dist/**',
      'node_modules/**',
      '**/generated/**',
      'reports/**',
      'reference-impl/sandbox/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        performance: 'readonly',
        queueMicrotask: 'readonly',
        structuredClone: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a derived union instead of enum.' },
      ],
    },
  },
  ...layerRules,
  {
    files: ['reference-impl/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/src/runner/**',
            '**/src/oracles/**',
            '**/src/reporters/**',
            '**/src/scenarios/**',
            '**/src/canaries/**',
            '**/src/cli/**',
          ].map((g) => ({
            group: [g],
            message: 'The reference executor depends on the protocol and transports only.',
          })),
        },
      ],
    },
  },
  {
    files: ['adapters/**/*.ts'],
    ignores: ['**/*.test.ts', 'adapters/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/src/canaries/**',
            '**/src/scenarios/**',
            '**/src/oracles/**',
            '**/src/lanes/**',
            '**/src/runner/**',
            '**/src/reporters/**',
            '**/src/gate/**',
            '**/src/cli/**',
            '**/src/report/**',
            '**/src/config/**',
            '**/src/targets/**',
            '**/reference-impl/**',
          ].map((g) => ({
            group: [g],
            message: 'Adapters depend on src/protocol, src/transports, src/validation and src/errors only.',
          })),
        },
      ],
    },
  },
);
