/**
 * Packages the harness loads only for the features that need them, each pinned to the exact
 * version the repository tests. They are optional peer dependencies of the `gauntlet` package,
 * so installing the harness never fetches them (no native build, no Java launcher); the feature
 * that needs one says which to add. A test keeps these versions equal to package.json's.
 */
export const OPTIONAL_PACKAGES = {
  /** `docker:` targets and `reference:backend=docker` (its ssh2 dependency builds native code). */
  dockerode: { version: '5.0.1', neededFor: 'Docker targets' },
  /** `gauntlet report allure` (the Allure launcher and its jars, run on Java). */
  'allure-commandline': { version: '2.46.1', neededFor: '`gauntlet report allure`' },
  /** `adapter:` targets: the protocol adapters and their sandbox libraries. */
  'gauntlet-adapters': { version: '0.1.0', neededFor: '`adapter:` targets' },
} as const satisfies Record<string, { version: string; neededFor: string }>;

/** The name of one optional package. */
export type OptionalPackage = keyof typeof OPTIONAL_PACKAGES;

/** Why `name` is needed and the command that installs it at its pinned version (the error's path names it). */
export function installHint(name: OptionalPackage): string {
  const { version, neededFor } = OPTIONAL_PACKAGES[name];
  return (
    `needed for ${neededFor} and not installed; add it with: npm install --save-dev ` +
    `--save-exact ${name}@${version}`
  );
}
