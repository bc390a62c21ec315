import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';

/** The system Chromium (Debian's chromium package); GAUNTLET_CHROMIUM overrides the path. */
export function chromiumPath(): string {
  return process.env['GAUNTLET_CHROMIUM'] ?? '/usr/bin/chromium';
}

/**
 * Launches the system Chromium headless through playwright-core (never a downloaded browser),
 * without its background network features. Throws a HarnessError naming the fix when it is missing.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new HarnessError(
      HarnessErrorCode.ExecutorStartFailed,
      'Chromium is not installed: apt-get install chromium (or set GAUNTLET_CHROMIUM to its path)',
      executablePath,
    );
  // Loaded on demand: playwright-core takes seconds to load, and only the PDF needs it.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
