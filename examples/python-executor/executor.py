#!/usr/bin/python3
"""A Gauntlet executor in Python: protocol v1 over stdio, Python code only, one bubblewrap
sandbox per execution (sandbox.py says how each limit is enforced; README.md explains the design).

    gauntlet run --target 'stdio:python3 examples/python-executor/executor.py'

It offers initialize, ping, execute, execute/cancel and shutdown. Sessions, host tools, audit
and redaction are declared absent: their methods get -32601 and a policy that needs them gets
-32004, so nothing ever runs under a weaker policy than the one asked for.
"""
import hashlib, hmac, json, os, platform, re, sys, threading, uuid
from pathlib import Path

sys.dont_write_bytecode = True  # No __pycache__ beside the sources: they may be read-only, or a checkout.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import sandbox  # noqa: E402
from schema_check import SchemaSet  # noqa: E402

PROTOCOL_VERSION = "1.2"
MiB = 1024 * 1024
SCHEMA_DIR = Path(os.environ.get("GAUNTLET_PROTOCOL_SCHEMAS") or Path(__file__).resolve().parents[2] / "schemas" / "protocol")
SCHEMAS = SchemaSet(SCHEMA_DIR)
METHODS = json.loads((SCHEMA_DIR / "methods.json").read_text("utf-8"))
OFFERED = {"initialize", "ping", "execute", "execute/cancel", "shutdown"}

MAXIMUMS = {"wallTimeMs": 60_000, "memoryBytes": 2048 * MiB, "stdoutBytes": MiB, "stderrBytes": MiB, "resultBytes": MiB,
            "codeBytes": MiB, "messageBytes": 16 * MiB, "concurrentExecutions": 2}
CAPABILITIES = {
    # All three are kernel- or executor-enforced: a killed process group, RLIMIT_AS, capped pipes.
    "limits": {"wallTime": "hard", "memory": "hard", "output": "hard"},
    "network": ["none"],
    "filesystem": ["ephemeral"],
    "outputModes": ["truncate", "kill"],
    # seccomp denies exec and fork; allowing them would need a second sandbox design.
    "subprocesses": {"canDeny": platform.machine() == "x86_64", "canAllow": False},
    "sessions": {"supported": False},
    "tools": {"supported": False, "languages": []},
    "audit": {"supported": False, "hashChain": False},
    "redaction": {"supported": False, "encodings": [], "credentialShapes": [], "minSecretLength": 8},
    "cancel": True,
    "maximums": MAXIMUMS,
}
#: The outcome of code that produced no value (the answer then has no `result`).
NO_RESULT = object()


class RpcError(Exception):
    def __init__(self, code, message, data=None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


def schema_ref(definition):
    """Where a $defs entry named in methods.json lives."""
    return next(f"{name}#/$defs/{definition}" for name, document in SCHEMAS.documents.items() if definition in document.get("$defs", {}))


def read_tenants():
    """GAUNTLET_TENANTS maps tenant ids to tokens; anything unreadable means every request is refused."""
    try:
        tenants = json.loads(os.environ.get("GAUNTLET_TENANTS") or "{}")
    except ValueError:
        tenants = None
    if not isinstance(tenants, dict):
        log("GAUNTLET_TENANTS is not a JSON object of tenant id to token: every request will be refused")
        return {}
    return {tenant: hashlib.sha256(token.encode()).digest() for tenant, token in tenants.items() if isinstance(token, str) and token}


def log(line):
    sys.stderr.write(f"python-executor: {line}\n")
    sys.stderr.flush()


class Executor:
    def __init__(self):
        self.tenants = read_tenants()
        self.initialized = False
        self.shutting_down = False
        self.lock = threading.Lock()
        self.write_lock = threading.Lock()
        # Keyed by (tenant, executionId): one tenant's ids say nothing about another's (§5.4).
        self.running = {}  # -> {"request", "sandbox", "cancelled", "thread"}
        self.finished = set()  # for execute/cancel after the end (answered cancelled: false)
        self.python_version = None

    # Framing (§2) -----------------------------------------------------------------------------

    def send(self, message):
        # ASCII-only JSON: no raw newline, and lone surrogates from the code stay escaped.
        line = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"
        with self.write_lock:
            try:
                sys.stdout.buffer.write(line)
                sys.stdout.buffer.flush()
            except OSError:
                pass  # The harness is gone; the executor is stopping its executions and exiting.

    def answer_error(self, request_id, error):
        self.send({"id": request_id, "error": {"code": error.code, "message": error.message, **({"data": error.data} if error.data else {})}})

    def serve(self):
        limit = MAXIMUMS["messageBytes"]
        stdin = sys.stdin.buffer
        while line := stdin.readline(limit + 1):
            if len(line) > limit and not line.endswith(b"\n"):
                head = line[:4096]
                while line and not line.endswith(b"\n"):
                    line = stdin.readline(MiB)
                self.answer_error(peek_id(head), RpcError(-32007, f"Message too large: the maximum is {limit} bytes"))
                continue
            self.handle(line)
        self.stop_all()

    def handle(self, line):
        try:
            message = json.loads(line.decode("utf-8"), parse_constant=lambda name: _raise(ValueError(name)))
        except ValueError as error:
            return self.answer_error(None, RpcError(-32700, f"Parse error: {str(error)[:200]}"))
        except RecursionError:
            return self.answer_error(peek_id(line[:4096]), RpcError(-32700, "Parse error: the message is nested deeper than this executor parses"))
        if not isinstance(message, dict):
            return self.answer_error(None, RpcError(-32600, "Invalid request: a message is a JSON object"))
        has_id = "id" in message
        if "method" not in message and has_id and ("result" in message or "error" in message):
            return  # A response: this executor sends no requests, so it matches none in flight.
        kind = "JsonRpcRequest" if has_id else "JsonRpcNotification"
        issues = SCHEMAS.check(f"jsonrpc.schema.json#/$defs/{kind}", message)
        if issues:
            request_id = message.get("id") if has_id and not SCHEMAS.check("jsonrpc.schema.json#/$defs/RequestId", message.get("id")) else None
            return self.answer_error(request_id, RpcError(-32600, "Invalid request", {"issues": issues}))
        if not has_id:
            return self.notification(message["method"], message.get("params", {}))
        try:
            result = self.request(message["id"], message["method"], message.get("params", {}))
        except RpcError as error:
            return self.answer_error(message["id"], error)
        if result is not None:
            self.send({"id": message["id"], "result": result})

    # Methods (§3, §7) -------------------------------------------------------------------------

    def request(self, request_id, method, params):
        spec = METHODS["requests"].get(method)
        if method not in OFFERED or spec is None or spec["from"] == "executor":
            raise RpcError(-32601, f"Method not found: {method[:128]}")
        # The order of checks of §2.8: schema, initialized, shutting down, then the principal.
        issues = SCHEMAS.check(schema_ref(spec["params"]), params)
        if issues:
            raise RpcError(-32602, "Invalid params: " + "; ".join(f"{i['pointer']}: {i['message']}" for i in issues)[:2000], {"issues": issues})
        if not self.initialized and method not in ("initialize", "ping"):
            raise RpcError(-32001, "Not initialized: send initialize first")
        if self.shutting_down and method != "ping":
            raise RpcError(-32009, "Shutting down: no new work is taken")
        if method == "ping":
            return {}
        if method == "initialize":
            return self.initialize(params)
        if method == "shutdown":
            self.shutdown(request_id)
            return None
        self.check_principal(params["principal"])
        if method == "execute/cancel":
            key = (params["principal"]["tenantId"], params["executionId"])
            return {"cancelled": self.cancel(lambda k, entry: k == key, finished=key in self.finished)}
        return self.execute(request_id, params)

    def initialize(self, params):
        if params["protocolVersion"].split(".")[0] != PROTOCOL_VERSION.split(".")[0]:
            raise RpcError(-32011, f"Protocol version mismatch: this executor speaks {PROTOCOL_VERSION}")
        if self.python_version is None:
            # A real execution as a self-test: if bubblewrap, prlimit or seccomp cannot work on this
            # machine, say so now instead of answering every execute with an error.
            probe = self.run({"wallTimeMs": 10_000, "memoryBytes": 256 * MiB, "filesystem": "ephemeral", "allowSubprocesses": False, "network": {"mode": "none"},
                              "output": {"stdoutBytes": 4096, "stderrBytes": 4096, "resultBytes": 4096, "onExceed": "truncate"}},
                             "import platform\nplatform.python_version()", "probe", {"cancelled": False})
            if probe["status"] != "ok":
                raise RpcError(-32603, f"the sandbox does not work on this machine: {probe['error']['message'][:500]} {probe['stderr']['text'][:500]}")
            self.python_version = probe["result"]
        self.initialized = True
        return {
            "protocolVersion": PROTOCOL_VERSION,
            "executorInfo": {"name": "python-executor-example", "version": "0.1.0", "isolation": "container",
                             "description": "bubblewrap (every namespace unshared, uid 65534, no capabilities) under prlimit, seccomp denying exec and fork; "
                                            "Debian's /usr/bin/python3 and its libraries mounted read-only, a size-capped tmpfs as the only writable place."},
            "languages": [{"id": "python", "version": self.python_version, "runtime": sandbox.PYTHON}],
            "capabilities": CAPABILITIES,
        }

    def check_principal(self, principal):
        expected = self.tenants.get(principal["tenantId"])
        given = hashlib.sha256(principal["token"].encode("utf-8", "surrogatepass")).digest()
        if not hmac.compare_digest(expected or bytes(32), given) or expected is None:
            raise RpcError(-32005, "Unauthorized: the token does not belong to this tenant")

    def execute(self, request_id, params):
        policy = params["policy"]
        issues = [{"pointer": pointer, "message": message} for pointer, message in self.over_maximums(params)]
        if issues:
            raise RpcError(-32602, "Invalid params: " + "; ".join(f"{i['pointer']}: {i['message']}" for i in issues), {"issues": issues})
        unsupported = [pointer for pointer, refused in [
            ("/policy/network", policy["network"]["mode"] not in CAPABILITIES["network"]),
            ("/policy/filesystem", policy["filesystem"] not in CAPABILITIES["filesystem"]),
            ("/policy/allowSubprocesses", not CAPABILITIES["subprocesses"]["canAllow" if policy["allowSubprocesses"] else "canDeny"]),
            ("/policy/tools", bool(policy.get("tools"))),
            ("/policy/secrets", bool(policy.get("secrets"))),
        ] if refused]
        if unsupported:
            raise RpcError(-32004, f"Unsupported policy: this executor cannot enforce {', '.join(unsupported)}", {"unsupported": unsupported})
        execution_id = params.get("executionId") or f"x-{uuid.uuid4()}"
        key = (params["principal"]["tenantId"], execution_id)
        entry = {"request": request_id, "sandbox": None, "cancelled": False}
        with self.lock:
            if key in self.running:
                raise RpcError(-32602, "Invalid params: /executionId is already running", {"issues": [{"pointer": "/executionId", "message": "is already running"}]})
            if "sessionId" in params:  # No sessions here, so every session id is unknown (§4.5).
                raise RpcError(-32002, "Session not found")
            self.running[key] = entry
            self.finished.discard(key)

        def work():
            try:
                result = self.run(policy, params["code"], execution_id, entry)
            except Exception as error:  # The executor's own fault: say so, stay up.
                log(f"execution {execution_id} failed: {error!r}")
                result = self.failure(execution_id, {"type": "internal", "message": f"the executor failed: {str(error)[:500]}"}, None, 0)
            with self.lock:
                self.running.pop(key, None)
                if len(self.finished) >= 10_000:
                    self.finished.clear()
                self.finished.add(key)
            self.send({"id": request_id, "result": result})

        entry["thread"] = threading.Thread(target=work, daemon=True)
        entry["thread"].start()
        return None

    def over_maximums(self, params):
        if params["language"] != "python":
            yield "/language", "this executor runs python only"
        if len(params["code"].encode("utf-8", "surrogatepass")) > MAXIMUMS["codeBytes"]:
            yield "/code", f"is larger than the maximum of {MAXIMUMS['codeBytes']} bytes"
        policy = params["policy"]
        for pointer, value, name in [("/policy/wallTimeMs", policy["wallTimeMs"], "wallTimeMs"), ("/policy/memoryBytes", policy["memoryBytes"], "memoryBytes"),
                                     *[(f"/policy/output/{n}", policy["output"][n], n) for n in ("stdoutBytes", "stderrBytes", "resultBytes")]]:
            if value > MAXIMUMS[name]:
                yield pointer, f"{value} is above the maximum of {MAXIMUMS[name]}"

    def cancel(self, matches, finished=False):
        """Stops the running executions `matches` picks; false when only a finished one matched."""
        with self.lock:
            found = [entry for key, entry in self.running.items() if matches(key, entry)]
        for entry in found:
            entry["cancelled"] = True
            if entry["sandbox"]:
                entry["sandbox"].stop("cancelled")
        if not found and not finished:
            raise RpcError(-32010, "Execution not found")
        return bool(found)

    def notification(self, method, params):
        if method == "notifications/cancelled" and not SCHEMAS.check(schema_ref("CancelledNotificationParams"), params):
            try:
                self.cancel(lambda key, entry: entry["request"] == params["requestId"])
            except RpcError:
                pass  # Nothing of that request is running: notifications get no answer.

    def shutdown(self, request_id):
        self.shutting_down = True
        self.stop_all()
        self.send({"id": request_id, "result": {}})
        os._exit(0)

    def stop_all(self):
        """Cancels every running execution and waits (bounded) until each has sent its answer."""
        with self.lock:
            entries = list(self.running.values())
        for entry in entries:
            entry["cancelled"] = True
            if entry["sandbox"]:
                entry["sandbox"].stop("cancelled")
        for entry in entries:
            entry["thread"].join(sandbox.DRAIN_SECONDS + 3)

    # One execution ------------------------------------------------------------------------------

    def run(self, policy, code, execution_id, entry):
        try:
            box = sandbox.Sandbox(policy, code)
        except OSError as error:
            return self.failure(execution_id, {"type": "internal", "message": f"the sandbox could not start: {error}"}, None, 0)
        entry["sandbox"] = box
        if entry["cancelled"]:
            box.stop("cancelled")
        status, wall_ms = box.wait()
        error, result, truncated = self.outcome(box, status, wall_ms)
        if error:
            return self.failure(execution_id, error, box, wall_ms)
        answer = {"status": "ok", **self.common(execution_id, box, wall_ms), "resultTruncated": truncated}
        if result is not NO_RESULT:
            answer["result"] = result
        return answer

    def outcome(self, box, status, wall_ms):
        """(error, result, truncated): the executor's own mechanisms first, then what the sandbox reported."""
        policy, reasons = box.policy, box.reasons
        if "cancelled" in reasons:
            return {"type": "cancelled", "message": "the execution was cancelled"}, None, False
        if "timeout" in reasons:
            return {"type": "timeout", "message": f"the wall-time budget of {policy['wallTimeMs']} ms ran out",
                    "limit": {"kind": "wall_time", "configured": policy["wallTimeMs"], "observed": round(wall_ms)}}, None, False
        if "output_limit" in reasons:
            stream, capture = ("stdout", box.stdout) if box.stdout.exceeded else ("stderr", box.stderr)
            return {"type": "output_limit", "message": f"{stream} passed its cap of {capture.cap} bytes",
                    "limit": {"kind": stream, "configured": capture.cap, "observed": capture.total}}, None, False
        report = bytes(box.report.kept)
        if not report.startswith(b"R"):
            return {"type": "internal", "message": f"the sandbox did not start (exit status {status})"}, None, False
        header_line, newline, data = report[1:].partition(b"\n")
        try:
            header = json.loads(header_line) if newline else None
        except ValueError:
            header = None
        if not isinstance(header, dict):
            if status == 0:
                return None, NO_RESULT, False  # The code ended the interpreter itself, without a value.
            how = f"was killed by signal {-status}" if status < 0 else f"exited with status {status}"
            return {"type": "runtime", "message": f"the Python process {how} before it reported a result"}, None, False
        if isinstance(header.get("error"), dict):
            reported = header["error"]
            kind = reported.get("type") if reported.get("type") in ("resource", "permission", "syntax", "runtime") else "runtime"
            error = {"type": kind, "message": str(reported.get("message", ""))[:4096], "name": str(reported.get("name", ""))[:256], "stack": str(reported.get("stack", ""))[:16384]}
            if kind == "resource":
                disk = reported.get("limit") == "disk"
                configured = sandbox.scratch_bytes(policy["memoryBytes"]) if disk else policy["memoryBytes"]
                observed = reported.get("observed") if isinstance(reported.get("observed"), int) and reported["observed"] >= 0 else 0
                # A refused allocation never reaches the cap it was refused by: what the code
                # demanded was at least the cap (protocol 7.4), whatever the process held before.
                if not disk:
                    observed = max(observed, configured)
                error["limit"] = {"kind": "disk" if disk else "memory", "configured": configured, "observed": observed}
            return error, None, False
        if not header.get("result"):
            return None, NO_RESULT, False
        cap, size = policy["output"]["resultBytes"], box.report.total - len(header_line) - 2
        if size > cap and policy["output"]["onExceed"] == "kill":
            return {"type": "output_limit", "message": f"the result is {size} bytes, above the cap of {cap}",
                    "limit": {"kind": "result", "configured": cap, "observed": size}}, None, False
        if size > cap:
            return None, sandbox.text_within(data, cap), True
        try:
            return None, json.loads(data.decode("utf-8")), False
        except (ValueError, RecursionError) as error:
            return {"type": "runtime", "message": f"the result cannot be forwarded as JSON: {str(error)[:200]}"}, None, False

    def common(self, execution_id, box, wall_ms):
        def stream(capture):
            if capture is None:
                return {"text": "", "truncated": False, "bytes": 0}
            return {"text": sandbox.text_within(capture.kept, capture.cap), "truncated": capture.exceeded, "bytes": capture.total}
        return {"executionId": execution_id, "stdout": stream(box and box.stdout), "stderr": stream(box and box.stderr),
                "toolCalls": [], "usage": {"wallMs": round(wall_ms, 1)}, "redactions": 0, "auditIds": []}

    def failure(self, execution_id, error, box, wall_ms):
        return {"status": "error", **self.common(execution_id, box, wall_ms), "error": error}


def peek_id(head):
    """The id of a message that cannot be parsed whole (too large, too deep), when its head shows it."""
    match = re.match(rb'\s*\{\s*"jsonrpc"\s*:\s*"2\.0"\s*,\s*"id"\s*:\s*("[A-Za-z0-9._:-]{1,128}"|-?[0-9]{1,15})\s*,', head)
    return json.loads(match.group(1)) if match else None


def _raise(error):
    raise error


if __name__ == "__main__":
    Executor().serve()
