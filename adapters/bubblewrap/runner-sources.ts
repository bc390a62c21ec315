/**
 * The programs bubblewrap starts inside the sandbox. Each reads the code from stdin, runs it the
 * way the protocol defines (Python: the value of the last expression; JavaScript: the body of an
 * async function), and writes one report line on stderr after the nonce it gets as an argument,
 * once its stdout is flushed.
 */
export const pythonRunner = `
import ast, asyncio, inspect, json, sys, traceback
nonce = sys.argv[-1]
source = sys.stdin.read()
def report(value):
    sys.stdout.flush()
    sys.stderr.write(nonce + json.dumps(value) + "\\n")
    sys.stderr.flush()
def settle(value):
    return asyncio.run(value) if inspect.iscoroutine(value) else value
flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
try:
    tree = compile(source, "sandbox.py", "exec", ast.PyCF_ONLY_AST | flags)
except SyntaxError as error:
    report({"ok": False, "error": {"kind": "syntax", "name": type(error).__name__, "message": str(error)}})
    sys.exit(0)
last = None
if tree.body and isinstance(tree.body[-1], ast.Expr):
    last = ast.Expression(tree.body.pop().value)
scope = {"__name__": "__main__", "__builtins__": __builtins__}
try:
    settle(eval(compile(tree, "sandbox.py", "exec", flags), scope))
    value = settle(eval(compile(last, "sandbox.py", "eval", flags), scope)) if last is not None else None
    try:
        report({"ok": True, "json": None if value is None else json.dumps(value)})
    except (TypeError, ValueError) as error:
        message = "the result cannot be serialised as JSON: " + str(error)
        report({"ok": False, "error": {"kind": "runtime", "name": "TypeError", "message": message}})
except BaseException as error:
    described = {"name": type(error).__name__, "message": str(error), "stack": traceback.format_exc()}
    report({"ok": False, "error": {"kind": "runtime", **described}})
`;

export const nodeRunner = `
const nonce = process.argv[process.argv.length - 1];
const source = require("node:fs").readFileSync(0, "utf8");
// The harness kills the process on the report: it waits until what the code wrote on stdout
// (queued when the pipe is full) has gone out.
const report = (value) =>
  process.stdout.write("", () => process.stderr.write(nonce + JSON.stringify(value) + "\\n"));
const describe = (e) => {
  try {
    const stack = e?.stack === undefined ? undefined : String(e.stack);
    return { name: String(e?.name ?? typeof e), message: String(e?.message ?? e), stack };
  } catch {
    return { message: "an unprintable value was thrown" };
  }
};
const AsyncFunction = (async () => undefined).constructor;
let main;
try {
  main = new AsyncFunction("tools", source);
} catch (e) {
  report({ ok: false, error: { kind: "syntax", ...describe(e) } });
}
if (main) main(undefined).then((value) => {
  let json;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    return report({ ok: false, error: { kind: "runtime", ...describe(e) } });
  }
  report({ ok: true, json: json ?? null });
}, (e) => report({ ok: false, error: { kind: "runtime", ...describe(e) } }));
`;
