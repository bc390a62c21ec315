import { defineConfig } from 'vitest/config';

/**
 * Files whose checks hold the executor to a deadline measured on the harness's own clock (a
 * QuickJS interrupt deadline). They run alone, after everything else: on a 2-core machine a
 * second file starting Pyodide sandboxes beside them took CPU from the executor and pushed a
 * Python timeout 290 ms past its budget in CI, a verdict about the machine rather than the
 * executor.
 */
const timingFiles = ['adapters/error-classes.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['./src/testing/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Gauntlet's runner schedules cases on @vitest/runner, whose collector state is module-global:
    // tests that run suites need their own copy of it, not the one running the tests.
    server: { deps: { inline: ['@vitest/runner'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'parallel',
          include: [
            'src/**/*.test.ts',
            'reference-impl/**/*.test.ts',
            'adapters/**/*.test.ts',
            'scenarios/**/*.test.ts',
            'examples/**/*.test.ts',
          ],
          exclude: timingFiles,
          // Vitest's default on a 2-core CI machine is one worker (cores - 1), so files ran one
          // after another. Most of our tests wait on processes, containers and deadlines rather
          // than compute, so two files at once nearly halve the wall time.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'timing', include: timingFiles, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
