import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import { html } from '../markup/html-tag.js';
import { rawHtml } from '../markup/raw-html.js';

/**
 * Only the site's own files: no script, style, font, image or request from any other host.
 * Inline scripts stay allowed because Allure's loader is inline; eval because its bundle uses it.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "form-action 'none'",
  "base-uri 'self'",
].join('; ');

/** The policy as the element added to the page's head; the policy is the reporter's own constant. */
const POLICY_META = html`<meta http-equiv="Content-Security-Policy" content="${rawHtml(POLICY)}">`;

/** A script element that loads from another host. */
const OUTSIDE_SRC = /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^>]*>\s*<\/script>/;
/** An inline script element that feeds Google's tag manager. */
const GTAG_INLINE = /<script\b[^>]*>(?:(?!<\/script>)[\s\S])*\bgtag\s*\((?:(?!<\/script>)[\s\S])*<\/script>/;
const OUTSIDE_SCRIPT = new RegExp(`${OUTSIDE_SRC.source}|${GTAG_INLINE.source}`, 'gi');

/**
 * Makes the Allure site make no request to any outside host when opened: allure-commandline's
 * index.html loads Google Analytics (googletagmanager.com) with the report's id. The analytics
 * scripts are cut out and a Content-Security-Policy limits the page to its own files, so a
 * later Allure version adding another outside resource is blocked rather than contacted.
 */
export async function keepSiteOffline(siteDir: string): Promise<void> {
  const file = join(siteDir, 'index.html');
  const page = await readFile(file, 'utf8');
  const cut = page.replace(OUTSIDE_SCRIPT, '');
  const head = /<head\b[^>]*>/i.exec(cut);
  if (!head)
    throw new HarnessError(
      HarnessErrorCode.Internal,
      'the Allure site has no <head>: cannot add its Content-Security-Policy',
      file,
    );
  const at = head.index + head[0].length;
  await writeFile(file, `${cut.slice(0, at)}\n    ${POLICY_META}${cut.slice(at)}`);
}
