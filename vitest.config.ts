import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'reference-impl/**/*.test.ts', 'adapters/**/*.test.ts', 'scenarios/**/*.test.ts'],
    globalSetup: ['./src/testing/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Gauntlet's runner schedules cases on @vitest/runner, whose collector state is module-global:
    // tests that run suites need their own copy of it, not the one running the tests.
    server: { deps: { inline: ['@vitest/runner'] } },
  },
});
