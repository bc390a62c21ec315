import { execFileSync } from 'node:child_process';

/**
 * Validates an XML file against an XSD with xmllint (Debian libxml2-utils, installed by .ci/run).
 * Returns xmllint's complaints, empty when valid; a missing xmllint throws, so the test fails
 * loudly instead of passing without a check.
 */
export function xmllintErrors(xmlFile: string, xsdFile: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsdFile, xmlFile], { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
    return '';
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new Error('xmllint is not installed: apt-get install libxml2-utils (.ci/run installs it)', {
        cause: error,
      });
    return e.stderr?.toString() ?? String(error);
  }
}
