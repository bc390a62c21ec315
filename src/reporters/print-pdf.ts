import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.js';
import { html } from './markup/html-tag.js';

/** The footer of every page: the page number of the total. Chromium fills the spans' classes. */
const FOOTER_STYLE =
  'font:9px system-ui,sans-serif;color:#5b6470;width:100%;padding:0 10mm;display:flex;justify-content:space-between';
const PAGE_OF = html`page <span class="pageNumber"></span> of <span class="totalPages"></span>`;
const FOOTER = html`<div style="${FOOTER_STYLE}"><span>Gauntlet report</span><span>${PAGE_OF}</span></div>`.toString();

/**
 * Prints an HTML report to PDF in the system Chromium (A4, backgrounds kept), with every case
 * that did not pass expanded (its attack code too), page numbers in the footer, a bookmark
 * outline from the headings (a STRIDE category, a case that did not pass) and tags for
 * accessibility. The browser and the temp folder are released whatever happens.
 */
export async function printPdf(reportHtml: string, pdfFile: string, deadlineMs = 120_000): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gauntlet-pdf-'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(deadlineMs);
    const file = join(dir, 'report.html');
    await writeFile(file, reportHtml);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Open each non-passing case through the DOM; the page's own script (CSP-hashed) is untouched.
    await page
      .locator('details[data-case]:not([data-verdict="passed"]):not([data-verdict="unsupported"])')
      .evaluateAll((nodes) =>
        nodes.forEach((n) => {
          n.setAttribute('open', '');
          n.querySelectorAll('details.code').forEach((d: { setAttribute(name: string, value: string): void }) =>
            d.setAttribute('open', ''),
          );
        }),
      );
    await mkdir(dirname(pdfFile), { recursive: true });
    await page.pdf({
      path: pdfFile,
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '16mm', left: '10mm', right: '10mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      outline: true,
      tagged: true,
    });
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
