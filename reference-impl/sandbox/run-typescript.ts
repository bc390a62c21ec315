import { reportJsError } from './error-report.ts';
import { resultOutcome, type RunOutcome } from './run-javascript.ts';

const encode = encodeURIComponent;

/**
 * Runs TypeScript natively: Deno transpiles a `data:` module whose default export is an async
 * function wrapping the code. A dynamically imported module graph is permission-checked, so
 * imports the code smuggles to the top level still need read access.
 */
export async function runTypeScript(code: string, tools: object, run: number): Promise<RunOutcome> {
  // The run number keeps each run's module distinct in Deno's module cache.
  const source = `// run ${run}\nexport default async function (tools: any): Promise<unknown> {\n${code}\n}\n`;
  const url = `data:application/typescript,${encode(source)}`;
  let body: (tools: object) => Promise<unknown>;
  try {
    body = ((await import(url)) as { default: typeof body }).default;
  } catch (error) {
    const report = reportJsError(error, 'compile');
    if (
      report.kind === 'syntax' &&
      report.name !== 'SyntaxError' &&
      !/parse|expected|unexpected|syntax/i.test(report.message)
    )
      report.kind = 'runtime';
    return { ok: false, error: tidy(report, url) };
  }
  try {
    return resultOutcome(await body.call(undefined, tools));
  } catch (error) {
    return { ok: false, error: tidy(reportJsError(error, 'run'), url) };
  }
}

/** Stack traces would repeat the whole data: URL; name it instead. */
function tidy<T extends { message: string; stack?: string }>(report: T, url: string): T {
  const name = 'typescript-code';
  return {
    ...report,
    message: report.message.split(url).join(name),
    ...(report.stack ? { stack: report.stack.split(url).join(name) } : {}),
  };
}
