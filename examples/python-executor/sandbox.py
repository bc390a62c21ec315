"""One execution in a fresh sandbox: bubblewrap namespaces under prlimit, watched by the executor.

The limits and who enforces them:
- wall time: the executor's clock; at the budget it kills the sandbox's process group, and
  bubblewrap's --die-with-parent and PID namespace take every process of the sandbox with it;
- memory: RLIMIT_AS (the kernel refuses to map more), plus a size-capped tmpfs scratch directory
  whose pages are subtracted from the budget, since tmpfs memory is not in the address space;
- output: the executor reads every stream with a cap, counts the rest, and in kill mode kills
  the sandbox as soon as a stream passes its cap;
- processes: a seccomp filter (no exec, no fork); files: only the interpreter is mounted, read-only;
  network: an empty network namespace; environment: cleared, then the policy's variables only.
"""
import json, os, shutil, signal, subprocess, threading, time
from pathlib import Path

BWRAP = shutil.which("bwrap", path="/usr/bin:/bin") or "/usr/bin/bwrap"
PRLIMIT = shutil.which("prlimit", path="/usr/bin:/bin") or "/usr/bin/prlimit"
SETPRIV = shutil.which("setpriv", path="/usr/bin:/bin") or "/usr/bin/setpriv"
PYTHON = os.path.realpath("/usr/bin/python3")
PYTHON_LIB = f"/usr/lib/{os.path.basename(PYTHON)}"  # Debian's standard library: /usr/lib/python3.11
PRELUDE = (Path(__file__).parent / "sandbox_prelude.py").read_text("utf-8")
MiB = 1024 * 1024
#: A report header longer than this is not one the prelude wrote (it caps messages and stacks).
HEADER_BYTES = 64 * 1024
#: How long the streams may take to close after the sandbox was killed.
DRAIN_SECONDS = 2.0
#: How long the interpreter may take to put its layers in place and reach the code. The wall-time
#: budget is the code's and starts after that: on a loaded machine, starting Python in bwrap alone
#: took a 1-second budget, and the code never ran at all.
START_SECONDS = 30.0


def scratch_bytes(memory_bytes):
    """The tmpfs size: part of the memory budget, never all of it."""
    return min(16 * MiB, memory_bytes // 4)


def command(policy, report_fd):
    """prlimit, then bwrap, then the interpreter running the prelude."""
    scratch = scratch_bytes(policy["memoryBytes"])
    wall_seconds = -(-policy["wallTimeMs"] // 1000)
    limits = [
        f"--as={policy['memoryBytes'] - scratch}",
        f"--fsize={scratch}",
        "--nofile=64",
        "--core=0",
        # A backstop only, never reached first: every core busy for the whole budget, plus one second.
        f"--cpu={wall_seconds * (os.cpu_count() or 1) + 1}",
    ]
    sandbox = [
        "--unshare-all", "--unshare-user", "--disable-userns", "--uid", "65534", "--gid", "65534",
        "--cap-drop", "ALL", "--die-with-parent", "--new-session", "--clearenv",
        "--ro-bind", PYTHON, PYTHON,
        "--ro-bind", PYTHON_LIB, PYTHON_LIB,
        "--ro-bind", "/usr/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
        "--ro-bind", "/usr/lib64", "/usr/lib64",
        "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
        "--proc", "/proc", "--dev", "/dev",
        "--size", str(scratch), "--tmpfs", "/work",
        # bwrap's own root and /dev are tmpfs without a size: writable, they would be memory outside the caps.
        "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/work",
    ]
    program = [PYTHON, "-I", "-S", "-B", "-u", "-c", PRELUDE, str(report_fd)]
    # bwrap started by root maps the sandbox's uid to the host's root: drop to nobody first.
    unprivileged = [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--"]
    return [PRLIMIT, *limits, "--", *(unprivileged if os.geteuid() == 0 else []), BWRAP, *sandbox, "--", *program]


class Capture:
    """Reads one stream to its end, keeping at most `cap` bytes and counting all of them."""

    def __init__(self, fd, cap, on_exceed=None):
        self.kept = bytearray()
        self.total = 0
        self.cap = cap
        self._on_exceed = on_exceed
        #: Set at the first byte, or at the end of a stream that had none.
        self.first = threading.Event()
        self._thread = threading.Thread(target=self._drain, args=(fd,), daemon=True)
        self._thread.start()

    def _drain(self, fd):
        try:
            while chunk := os.read(fd, 65536):
                self.first.set()
                self.total += len(chunk)
                if len(self.kept) < self.cap:
                    self.kept += chunk[: self.cap - len(self.kept)]
                if self.total > self.cap and self._on_exceed:
                    self._on_exceed()
        finally:
            self.first.set()
            os.close(fd)

    def join(self, timeout):
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def exceeded(self):
        return self.total > self.cap


def text_within(data, cap):
    """UTF-8 text of at most `cap` bytes: a character cut at the end is dropped, bad bytes are U+FFFD."""
    text = bytes(data[:cap]).decode("utf-8", "replace")
    encoded = text.encode("utf-8")
    if len(encoded) <= cap:
        return text
    # Each bad byte became a 3-byte U+FFFD. Cut the valid encoding at the cap and drop the character
    # the cut split: linear, where dropping one character at a time and re-encoding was quadratic
    # (4.6 s of CPU for 64 KiB of 0xFF, past the harness's deadline on a loaded machine).
    return encoded[:cap].decode("utf-8", "ignore")


class Sandbox:
    """One running execution; `stop(reason)` may be called from any thread."""

    def __init__(self, policy, code):
        self.policy = policy
        self.reasons = set()
        self._lock = threading.Lock()
        output = policy["output"]
        kill_on_exceed = output["onExceed"] == "kill"
        report_read, report_write = os.pipe()
        self.process = subprocess.Popen(
            command(policy, report_write), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=(report_write,), env={}, start_new_session=True, close_fds=True,
        )
        os.close(report_write)
        self.stdout = Capture(os.dup(self.process.stdout.fileno()), output["stdoutBytes"], kill_on_exceed and (lambda: self.stop("output_limit")))
        self.stderr = Capture(os.dup(self.process.stderr.fileno()), output["stderrBytes"], kill_on_exceed and (lambda: self.stop("output_limit")))
        self.process.stdout.close()
        self.process.stderr.close()
        self.report = Capture(report_read, 1 + HEADER_BYTES + 1 + output["resultBytes"] + 1)
        # The environment travels with the code (256 variables of 32 KiB would not fit in argv), written
        # by a thread of its own so that the wall clock runs even if the sandbox never reads it.
        stdin = json.dumps(policy.get("env", {})).encode() + b"\n" + code.encode("utf-8", "surrogatepass")
        threading.Thread(target=self._feed, args=(stdin,), daemon=True).start()

    def _feed(self, data):
        try:
            self.process.stdin.write(data)
            self.process.stdin.close()
        except OSError:
            pass  # The sandbox died before it read everything; its exit status tells why.

    def stop(self, reason):
        """Records why the sandbox is stopped and kills every process in it."""
        with self._lock:
            self.reasons.add(reason)
            if self.process.returncode is None:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def wait(self):
        """Waits for the end or the wall-time budget; returns (exit status, wall ms).

        The budget runs from the code's start: the prelude's "R" on the report descriptor, written
        just before the code runs (or the report's end, if the sandbox died first), bounded by
        START_SECONDS. The code cannot move that moment: it runs only after "R" is written.
        """
        budget = self.policy["wallTimeMs"] / 1000
        self.report.first.wait(START_SECONDS)
        started = time.monotonic()
        try:
            self.process.wait(timeout=max(0.0, started + budget - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.stop("timeout")
            self.process.wait()
        wall_ms = (time.monotonic() - started) * 1000
        for capture in (self.stdout, self.stderr, self.report):
            capture.join(DRAIN_SECONDS)
        return self.process.returncode, wall_ms
