/**
 * The program each execution starts inside its container (`python3 -c LAUNCHER`). It reads one
 * JSON request from stdin ({language, code, env, allowSubprocesses}), then runs the code with
 * the native runtime: Python in its own process, JavaScript with node, shell with bash. When
 * subprocesses are denied it first stacks a seccomp filter on top of Docker's default profile
 * that refuses fork, vfork and every clone that does not make a thread (and, for Python, which
 * keeps running the code itself, execve too), so the code cannot start another program.
 *
 * It writes the request's start token to stderr just before the code runs, which starts the
 * executor's wall clock. JavaScript runs inside an async function and Python is compiled with top-level await allowed,
 * so payloads written for the Deno backend run unchanged. Exit statuses tell the executor how
 * Python code failed: 65 syntax, 77 permission, 74 a file over the fsize limit, 75 a full work dir,
 * 1 other.
 */
export const CONTAINER_LAUNCHER = String.raw`
import ast, asyncio, ctypes, errno, inspect, json, os, struct, sys, traceback

def deny_subprocesses(deny_exec):
    machine = os.uname().machine
    if machine == 'x86_64':
        arch, nr = 0xC000003E, {'clone': 56, 'fork': 57, 'vfork': 58, 'execve': 59, 'execveat': 322, 'clone3': 435}
    elif machine == 'aarch64':
        arch, nr = 0xC00000B7, {'clone': 220, 'execve': 221, 'execveat': 281, 'clone3': 435}
    else:
        sys.stderr.write('gauntlet: cannot deny subprocesses on ' + machine + '\n')
        os._exit(70)
    allow, eperm, enosys = 0x7FFF0000, 0x00050001, 0x00050026
    op = lambda code, k, jt=0, jf=0: struct.pack('HBBI', code, jt, jf, k)
    prog = [op(0x20, 4), op(0x15, arch, 1, 0), op(0x06, eperm), op(0x20, 0)]
    if machine == 'x86_64':
        prog += [op(0x35, 0x40000000, 0, 1), op(0x06, eperm)]
    denied = [nr[k] for k in ('fork', 'vfork') if k in nr] + ([nr['execve'], nr['execveat']] if deny_exec else [])
    for number in denied:
        prog += [op(0x15, number, 0, 1), op(0x06, eperm)]
    prog += [op(0x15, nr['clone3'], 0, 1), op(0x06, enosys)]
    prog += [op(0x15, nr['clone'], 0, 3), op(0x20, 16), op(0x45, 0x10000, 1, 0), op(0x06, eperm), op(0x06, allow)]
    buffer = ctypes.create_string_buffer(b''.join(prog))
    class Program(ctypes.Structure):
        _fields_ = [('len', ctypes.c_ushort), ('filter', ctypes.c_void_p)]
    program = Program(len(prog), ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(38, 1, 0, 0, 0)
    if libc.prctl(22, 2, ctypes.byref(program), 0, 0) != 0:
        sys.stderr.write('gauntlet: could not install the subprocess filter: ' + os.strerror(ctypes.get_errno()) + '\n')
        os._exit(70)

# A write refused by the fsize ulimit (Python ignores SIGXFSZ) or by the full work dir.
DISK_STATUS = {errno.EFBIG: 74, errno.ENOSPC: 75, errno.EDQUOT: 75}

request = json.loads(sys.stdin.buffer.read())
language, code = request['language'], request['code']
start = request['start'].encode()
home = '/work' if os.path.isdir('/work') else '/'
env = {'PATH': '/usr/local/bin:/usr/bin:/bin', 'HOME': home, 'LANG': 'C.UTF-8', 'PYTHONDONTWRITEBYTECODE': '1'}
env.update(request.get('env') or {})
os.chdir(home)
if language == 'python':
    os.environ.clear()
    os.environ.update(env)
    if not request.get('allowSubprocesses'):
        deny_subprocesses(True)
    del request
    scope = {'__name__': '__main__', '__builtins__': __builtins__}
    # Line-buffered, so what the code printed survives a kill; top-level await as in Pyodide.
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    try:
        compiled = compile(code, '<code>', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    except SyntaxError:
        traceback.print_exc(limit=0)
        sys.exit(65)
    del code
    os.write(2, start)
    try:
        pending = eval(compiled, scope)
        if inspect.iscoroutine(pending):
            asyncio.run(pending)
    except SystemExit:
        raise
    except BaseException as error:
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        status = 77 if isinstance(error, PermissionError) else 1
        if isinstance(error, OSError) and error.errno in DISK_STATUS:
            status = DISK_STATUS[error.errno]
        sys.exit(status)
    sys.stdout.flush()
else:
    argv = ['node', '-'] if language == 'javascript' else ['bash', '-s']
    path = '/usr/local/bin/node' if language == 'javascript' else '/bin/bash'
    if not os.path.exists(path):
        path = '/usr/bin/' + argv[0]
    read, write = os.pipe()
    if language == 'javascript':
        # Top-level await and return, as the Deno backend allows; require() stays available.
        code = '(async () => {\n' + code + '\n})().catch((error) => { console.error(error); process.exitCode = 1; });\n'
    data = code.encode('utf-8')
    try:
        import fcntl
        fcntl.fcntl(write, 1031, max(4096, min(len(data), 1 << 20)))
    except OSError:
        pass
    os.write(write, data)
    os.close(write)
    os.dup2(read, 0)
    os.close(read)
    if not request.get('allowSubprocesses'):
        deny_subprocesses(False)
    os.write(2, start)
    os.execve(path, argv, env)
`;
