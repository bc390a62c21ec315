"""Runs inside the sandbox, before and around the untrusted code (python3 -c this-file).

argv: the report descriptor. stdin: the policy's environment as one JSON line, then the code.
1. Install a seccomp filter (kernel-enforced): no execve/execveat, no fork/vfork, no clone
   without CLONE_THREAD (threads still work), clone3 answered ENOSYS so glibc falls back to clone,
   no memfd_create.
2. Add an audit hook (a second, Python-level layer): subprocess, exec, spawn, fork, ctypes
   loading and socket connect/bind raise PermissionError.
3. Run the code; the value of its last expression is the result.
4. Write the report on its descriptor: "R" once the layers are in place, then one JSON header
   line, then the result's JSON text.

The code runs in this same process, so it can write to the report descriptor too. It can only
lie about its own result that way: wall time, output and memory caps, and the isolation, are
enforced outside this process by the kernel and the executor.
"""
import ast, asyncio, errno, gc, inspect, json, os, platform, sys, traceback

REPORT_FD = int(sys.argv[1])

def deny_processes():
    import ctypes, struct
    if platform.machine() != "x86_64":
        raise OSError("the seccomp filter is written for x86_64 only")
    ld, jeq, jge, jset, ret = 0x20, 0x15, 0x35, 0x45, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, JGE, JSET, BPF_RET
    allow, deny, enosys = 0x7FFF0000, 0x00050000 | 1, 0x00050000 | 38  # ALLOW, ERRNO(EPERM), ERRNO(ENOSYS)
    head = [(ld, 0, 0, 4), (jeq, 1, 0, 0xC000003E), (ret, 0, 0, 0x80000000), (ld, 0, 0, 0)]  # another ABI: kill
    checks = [(jge, 0x40000000, "deny"),  # x32 system calls
              (jeq, 59, "deny"), (jeq, 322, "deny"), (jeq, 57, "deny"), (jeq, 58, "deny"),  # execve, execveat, fork, vfork
              (jeq, 319, "deny"),  # memfd_create: its pages are memory outside RLIMIT_AS
              (jeq, 435, "enosys"), (jeq, 56, "clone")]  # clone3 (glibc then falls back to clone), clone
    first = len(head) + len(checks)
    at = {"clone": first + 1, "deny": first + 3, "enosys": first + 5}
    program = head + [(op, at[label] - (len(head) + i + 1), 0, value) for i, (op, value, label) in enumerate(checks)]
    program += [(ret, 0, 0, allow),
                (ld, 0, 0, 16), (jset, 1, 0, 0x00010000),  # clone: args[0] & CLONE_THREAD, a thread, is allowed
                (ret, 0, 0, deny), (ret, 0, 0, allow), (ret, 0, 0, enosys)]
    filters = b"".join(struct.pack("HBBI", *instruction) for instruction in program)
    buffer = ctypes.create_string_buffer(filters)
    fprog = struct.pack("HxxxxxxP", len(program), ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0 or libc.prctl(22, 2, ctypes.c_char_p(fprog), 0, 0) != 0:  # NO_NEW_PRIVS, SECCOMP filter
        raise OSError(ctypes.get_errno(), "prctl failed")

DENIED = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
          "pty.spawn", "ctypes.dlopen", "ctypes.dlsym", "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg")

def audit(event, args):
    if event in DENIED:
        raise PermissionError(f"denied by the sandbox: {event}")

def report(header, result=b""):
    data = json.dumps(header).encode() + b"\n" + result
    while data:
        data = data[os.write(REPORT_FD, data):]
    os.close(REPORT_FD)

def describe(error, kind):
    return {"type": kind, "name": type(error).__name__, "message": str(error)[:4096], "stack": traceback.format_exc()[-16384:]}

def vm_peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmPeak:"):
            return int(line.split()[1]) * 1024
    return 0

def settle(value):
    return asyncio.run(value) if inspect.iscoroutine(value) else value

def main():
    env, _, source = sys.stdin.buffer.read().partition(b"\n")
    source = source.decode("utf-8", "replace")
    null = os.open("/dev/null", os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    deny_processes()
    sys.addaudithook(audit)
    # bwrap sets PWD and Python may coerce LC_CTYPE: the code must see the policy's environment only.
    os.environ.clear()
    os.environ.update(json.loads(env))
    os.write(REPORT_FD, b"R")  # Ready: the isolation is in place, the code starts now.
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    try:
        tree = compile(source, "<code>", "exec", ast.PyCF_ONLY_AST | flags)
    except (SyntaxError, ValueError) as error:
        return report({"error": describe(error, "syntax")})
    last = ast.Expression(tree.body.pop().value) if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    scope = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        settle(eval(compile(tree, "<code>", "exec", flags), scope))
        value = settle(eval(compile(last, "<code>", "eval", flags), scope)) if last else None
        if value is None:
            return report({"ok": True})
        try:
            data = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
        except UnicodeEncodeError:
            data = json.dumps(value, allow_nan=False, separators=(",", ":")).encode()
        report({"ok": True, "result": True}, data)
    except SystemExit as error:
        report({"ok": True} if error.code in (None, 0) else {"error": describe(error, "runtime")})
    except BaseException as error:
        # What the code holds is freed first: reporting an exhausted memory limit needs memory.
        scope.clear()
        gc.collect()
        report({"error": classify(error)})

def classify(error):
    """The error type of what the code did not catch: a limit or a denial of the sandbox, or its own."""
    if isinstance(error, MemoryError):
        return {**describe(error, "resource"), "limit": "memory", "observed": vm_peak()}
    if isinstance(error, OSError) and error.errno in (errno.EFBIG, errno.ENOSPC):
        usage = os.statvfs("/work")
        return {**describe(error, "resource"), "limit": "disk", "observed": (usage.f_blocks - usage.f_bfree) * usage.f_frsize}
    if isinstance(error, PermissionError):
        return describe(error, "permission")
    return describe(error, "runtime")

try:
    main()
except MemoryError:
    os.write(REPORT_FD, b'{"error":{"type":"resource","name":"MemoryError","message":"out of memory while reporting","limit":"memory"}}\n')
