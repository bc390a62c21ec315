import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'reference-impl/**/*.test.ts', 'adapters/**/*.test.ts', 'scenarios/**/*.test.ts'],
    globalSetup: ['./src/testing/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default on a 2-core CI machine is one worker (cores - 1), so files ran one after
    // another. Most of our tests wait on processes, containers and deadlines rather than compute,
    // so two files at once nearly halve the wall time; the timing checks keep honest tolerances.
    maxWorkers: 2,
    // Gauntlet's runner schedules cases on @vitest/runner, whose collector state is module-global:
    // tests that run suites need their own copy of it, not the one running the tests.
    server: { deps: { inline: ['@vitest/runner'] } },
  },
});
