import type { Language, Policy } from '../../src/protocol/generated/types.js';

/**
 * The `deno run` command line for one execution: the program comes from stdin, and the only
 * permissions are those the policy grants, spelled with Deno's own flags. Nothing else: no
 * extra hardening beyond what the permission system gives.
 */
export function denoArgs(policy: Policy, language: Language, scratchDir: string): string[] {
  const args = [
    'run',
    '--quiet',
    '--no-prompt',
    '--no-config',
    '--no-lock',
    `--ext=${language === 'typescript' ? 'ts' : 'js'}`,
  ];
  args.push(`--v8-flags=--max-old-space-size=${Math.max(16, Math.floor(policy.memoryBytes / (1024 * 1024)))}`);
  if (policy.filesystem === 'ephemeral') args.push(`--allow-read=${scratchDir}`, `--allow-write=${scratchDir}`);
  if (policy.network.mode === 'allowlist') args.push(`--allow-net=${policy.network.allow.join(',')}`);
  const envNames = Object.keys(policy.env ?? {});
  if (envNames.length) args.push(`--allow-env=${envNames.join(',')}`);
  if (policy.allowSubprocesses) args.push('--allow-run');
  args.push('-');
  return args;
}

/**
 * The module Deno runs: the code as the body of an async function (so `return` gives the result
 * and top-level await works), then one report line on stderr after the nonce.
 */
export function denoProgram(code: string, nonce: string): string {
  return `async function __gauntletMain(tools) {
${code}
}
{
  const nonce = ${JSON.stringify(nonce)};
  const write = (report) => {
    const bytes = new TextEncoder().encode(nonce + JSON.stringify(report) + "\\n");
    for (let at = 0; at < bytes.length; ) at += Deno.stderr.writeSync(bytes.subarray(at));
  };
  const describe = (e) => {
    try {
      const stack = e?.stack === undefined ? undefined : String(e.stack);
      return { name: String(e?.name ?? typeof e), message: String(e?.message ?? e), stack };
    } catch {
      return { message: "an unprintable value was thrown" };
    }
  };
  try {
    const value = await __gauntletMain(undefined);
    let json;
    try {
      json = JSON.stringify(value);
    } catch (e) {
      const message = "the result cannot be serialised as JSON: " + describe(e).message;
      write({ ok: false, error: { kind: "runtime", ...describe(e), message } });
    }
    if (json !== undefined || value === undefined) write({ ok: true, json: json ?? null });
  } catch (e) {
    const kind = e instanceof Deno.errors.NotCapable ? "permission" : "runtime";
    write({ ok: false, error: { kind, ...describe(e) } });
  }
}
`;
}
