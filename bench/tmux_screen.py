"""Shared harness: run a program in a private tmux server and time what its screen shows.

A persistent tmux control-mode client does the polling, so one `capture-pane` costs a pipe
round trip instead of a fork+exec of the tmux client; on a 2-core machine that keeps the
measuring from stealing the CPU the measured app needs. `--selftest` prints both costs.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import itertools
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

WIDTH = 160
HEIGHT = 48
SESSION = "bench"
POLL_INTERVAL = 0.002
ANSI = re.compile(r"\x1b\[[0-9;:?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")
BENCH_DIR = Path(__file__).resolve().parent

_counter = itertools.count()


class HarnessError(Exception):
    """Something the benchmark needs is missing or broke; the message says what."""


class AppDied(HarnessError):
    """The program under test exited while we waited; `screen` holds its last words."""

    def __init__(self, message: str, screen: str) -> None:
        super().__init__(message)
        self.screen = screen


VERBOSE = bool(os.environ.get("BENCH_VERBOSE"))


def log(message: str) -> None:
    """Progress on stderr when BENCH_VERBOSE is set (to see where a long run is)."""
    if VERBOSE:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


def require_tmux() -> str:
    path = shutil.which("tmux")
    if path is None:
        raise HarnessError("tmux is not installed (apt-get install tmux); the screen "
                           "benchmarks run the app inside tmux")
    return path


def find_tuireader(explicit: str | None = None) -> str:
    """The installed `tuireader` script: --tuireader, then PATH, then the repo's .venv."""
    if explicit:
        if os.access(explicit, os.X_OK):
            return explicit
        raise HarnessError(f"--tuireader {explicit}: not an executable file")
    candidates = [shutil.which("tuireader"), str(BENCH_DIR.parent / ".venv/bin/tuireader")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            compile_bytecode(candidate)
            return candidate
    raise HarnessError("tuireader is not installed: run `pip install -e /work/main` in the "
                       "venv (or pass --tuireader PATH)")


def compile_bytecode(script: str) -> None:
    """Write tuireader's bytecode caches, as `pip install .` does: in an editable checkout
    a module edited since its last import (or with PYTHONDONTWRITEBYTECODE set) is otherwise
    compiled again on every start, which is not what a user's start-up costs."""
    python = python_of(script)
    where = subprocess.run([python, "-c", "import tuireader, os; "
                            "print(os.path.dirname(tuireader.__file__))"],
                           capture_output=True, text=True, check=False).stdout.strip()
    if where:
        subprocess.run([python, "-m", "compileall", "-q", where], check=False,
                       stdout=subprocess.DEVNULL)


def python_of(script: str) -> str:
    """The interpreter a console script runs under, so the baseline app uses the same one."""
    with open(script, "rb") as handle:
        first = handle.readline().decode(errors="replace").strip()
    if first.startswith("#!"):
        words = shlex.split(first[2:])
        if words and os.access(words[0], os.X_OK) and "python" in Path(words[0]).name:
            return words[0]
    return sys.executable


def minimal_app_command(python: str, *extra: str) -> list[str]:
    return [python, str(BENCH_DIR / "minimal_app.py"), *extra]


@dataclass
class Capture:
    """One screen read: the text with attributes (for change detection) and without."""

    raw: str
    started: float
    finished: float

    @functools.cached_property
    def text(self) -> str:
        return strip_ansi(self.raw)

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Wait:
    """How long a wait took, measured from `since` to the reply that satisfied it.

    `elapsed` is an upper bound; the event happened after the previous capture started
    (`elapsed - resolution`). `corrected` takes one capture round trip off the bound.
    """

    elapsed: float
    resolution: float
    capture: Capture
    polls: int
    capture_cost: float

    @property
    def corrected(self) -> float:
        return max(0.0, self.elapsed - self.capture_cost)


@dataclass
class TmuxScreen:
    """A private tmux server (socket `bench-<pid>-<n>`) with one 160x48 pane.

    Use as a context manager: the server is always killed on exit. `launch` (re)starts the
    program in the pane and returns the launch time; `wait_for` polls the screen.
    """

    width: int = WIDTH
    height: int = HEIGHT
    env: dict[str, str] = field(default_factory=dict)
    control: bool = True
    poll_interval: float = POLL_INTERVAL
    socket: str = field(default_factory=lambda: f"bench-{os.getpid()}-{next(_counter)}")
    _client: subprocess.Popen[bytes] | None = None
    _conf: Path | None = None
    _round_trips: list[float] = field(default_factory=list)

    def __enter__(self) -> TmuxScreen:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def start(self) -> None:
        tmux = require_tmux()
        handle, conf = tempfile.mkstemp(prefix="bench-tmux-", suffix=".conf")
        os.close(handle)
        self._conf = Path(conf)
        self._conf.write_text(
            "set -g default-terminal xterm-256color\n"
            "set -g escape-time 0\n"
            "set -g history-limit 100\n"
        )
        env = {**os.environ, "TERM": "xterm-256color", **self.env}
        env.pop("TMUX", None)
        # Measure what a user runs: an installed program keeps its bytecode cache, and a
        # test runner's COLUMNS/LINES would lie to the app about the pane's size.
        for name in ("PYTHONDONTWRITEBYTECODE", "COLUMNS", "LINES"):
            env.pop(name, None)
        self._run(tmux, "-f", str(self._conf), "new-session", "-d", "-s", SESSION,
                  "-x", str(self.width), "-y", str(self.height), "sleep 86400",
                  # tmux 3.3a's server dies on these in a -f file; set after start instead.
                  ";", "set", "-g", "status", "off", ";", "set", "-g", "window-size", "manual",
                  ";", "set", "-g", "remain-on-exit", "on", ";", "resize-window", "-t", SESSION,
                  "-x", str(self.width), "-y", str(self.height), env=env)
        if self.control:
            self._client = subprocess.Popen(
                [tmux, "-L", self.socket, "-C", "attach", "-t", SESSION],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env=env,
            )
            self._read_block("attach")  # the attach command's own (empty) reply
            self.command("refresh-client -f no-output")
        size = self.command(f"display -p -t {SESSION} '#{{window_width}}x#{{window_height}}'")
        if size.strip() != f"{self.width}x{self.height}":
            raise HarnessError(f"tmux pane is {size.strip()}, wanted {self.width}x{self.height}")

    def close(self) -> None:
        if self._client is not None:
            with contextlib.suppress(OSError):
                self._client.stdin.close()  # type: ignore[union-attr]
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._client.wait(timeout=1)
            if self._client.poll() is None:
                self._client.kill()
            self._client = None
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            subprocess.run(["tmux", "-L", self.socket, "kill-server"],
                           capture_output=True, timeout=5)
        if self._conf is not None:
            self._conf.unlink(missing_ok=True)

    def _run(self, tmux: str, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run([tmux, "-L", self.socket, *args], capture_output=True,
                              env=env, timeout=10)
        if done.returncode != 0:
            raise HarnessError(f"tmux {' '.join(args)} failed: {done.stderr.decode().strip()}")
        return done.stdout.decode(errors="replace")

    def command(self, line: str) -> str:
        """Run one tmux command and return its output (control client, else a subprocess)."""
        started = time.perf_counter()
        out = (self._run("tmux", *shlex.split(line)) if self._client is None
               else self._control(line))
        self._round_trips.append(time.perf_counter() - started)
        return out

    def _control(self, line: str) -> str:
        client = self._client
        assert client is not None and client.stdin is not None and client.stdout is not None
        client.stdin.write(line.encode() + b"\n")
        client.stdin.flush()
        return self._read_block(line)

    def _read_block(self, line: str) -> str:
        """The next %begin..%end reply; notifications between replies are skipped."""
        client = self._client
        assert client is not None and client.stdout is not None
        body: list[bytes] = []
        inside = False
        while True:
            got = client.stdout.readline()
            if not got:
                raise HarnessError(f"tmux control client went away during {line!r}")
            if not inside:
                if got.startswith(b"%begin "):
                    inside = True
                continue
            if got.startswith((b"%end ", b"%error ")):
                if got.startswith(b"%error "):
                    raise HarnessError(f"tmux {line!r}: {b''.join(body).decode().strip()}")
                return b"".join(body).decode(errors="replace")
            body.append(got)

    def launch(self, argv: Sequence[str], env: dict[str, str] | None = None) -> float:
        """Start `argv` in the pane (replacing whatever ran there); returns perf_counter()."""
        env_flags = " ".join(f"-e {shlex.quote(f'{k}={v}')}" for k, v in (env or {}).items())
        line = (f"respawn-pane -k {env_flags} -t {SESSION} "
                + shlex.quote("exec " + shlex.join(argv)))
        started = time.perf_counter()
        self.command(line)
        return started

    def capture(self) -> Capture:
        started = time.perf_counter()
        raw = self.command(f"capture-pane -p -e -t {SESSION}")
        return Capture(raw=raw.rstrip("\n"), started=started, finished=time.perf_counter())

    def pane_dead(self) -> bool:
        return self.command(f"display -p -t {SESSION} '#{{pane_dead}}'").strip() == "1"

    def pane_pid(self) -> int:
        return int(self.command(f"display -p -t {SESSION} '#{{pane_pid}}'").strip())

    @property
    def capture_cost(self) -> float:
        """Median round trip of the tmux commands so far (the polling's own latency)."""
        recent = self._round_trips[-200:]
        return statistics.median(recent) if recent else 0.0

    def wait_for(self, predicate: Callable[[Capture], bool], since: float,
                 timeout: float = 30.0, what: str = "the screen",
                 screen_only: bool = True) -> Wait:
        """Poll until `predicate(capture)` holds; raise AppDied/TimeoutError otherwise.

        `screen_only`: the predicate depends on the screen alone, so an unchanged screen is
        not tested again (keeps the harness's own CPU use low on a 2-core machine).
        """
        previous_start = since
        polls = 0
        unchanged = None  # a screen the predicate already rejected: not worth parsing again
        log(f"waiting for {what}")
        while True:
            shot = self.capture()
            polls += 1
            if (not screen_only or shot.raw != unchanged) and predicate(shot):
                log(f"  {what}: {(shot.finished - since) * 1000:.1f} ms")
                return Wait(shot.finished - since, shot.finished - previous_start, shot, polls,
                            self.capture_cost)
            previous_start = shot.started
            unchanged = shot.raw
            # (Tested again: the program may have exited between the capture and now.)
            if polls % 100 == 0 and self.pane_dead() and not predicate(self.capture()):
                raise AppDied(f"the program exited while waiting for {what}", self.capture().text)
            if shot.finished - since > timeout:
                raise TimeoutError(f"{what} not seen within {timeout:g} s; last screen:\n"
                                   + shot.text)
            # 2 ms while it matters; then ~0.5% of the time waited, so long waits (a 100k
            # scan) do not load the tmux server and the 2 cores with thousands of captures.
            time.sleep(min(0.05, max(self.poll_interval, (shot.finished - since) / 200)))

    def wait_stable(self, quiet: float = 0.15, timeout: float = 10.0) -> Capture:
        """Wait until the screen has not changed for `quiet` seconds."""
        shot = self.capture()
        last_change = shot.finished
        deadline = shot.finished + timeout
        while True:
            time.sleep(max(self.poll_interval, 0.005))
            new = self.capture()
            if new.raw != shot.raw:
                shot, last_change = new, new.finished
            elif new.finished - last_change >= quiet or new.finished > deadline:
                return shot

    def send_keys(self, *keys: str) -> float:
        """Send tmux key names (`j`, `Enter`, `Tab`, `Space`); returns the send time."""
        started = time.perf_counter()
        self.command(f"send-keys -t {SESSION} " + " ".join(shlex.quote(k) for k in keys))
        return started

    def time_key(self, key: str, timeout: float = 3.0, settle: float | None = 0.1) -> Wait | None:
        """Send `key` and time until the screen (text or attributes) differs from before.

        With `settle`, first waits for a quiet screen so keys never queue behind repaints.
        None when nothing changed within `timeout` (e.g. `j` at the end of an article).
        """
        before = self.wait_stable(quiet=settle).raw if settle else self.capture().raw
        sent = self.send_keys(key)
        try:
            return self.wait_for(lambda shot: shot.raw != before, sent, timeout,
                                 f"a change after {key!r}")
        except TimeoutError:
            log(f"  no change after {key!r} within {timeout:g} s")
            return None

    def app_pid(self) -> int:
        """The python process in the pane (the pane pid itself when the command was exec'd)."""
        root = self.pane_pid()
        best = root
        for pid in [root, *descendants(root)]:
            if "python" in _comm(pid) or "tuireader" in _comm(pid):
                best = pid
                break
        return best


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: list[int] = []
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def memory_mib(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of `pid` in MiB, from /proc/<pid>/status."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def titles_visible(*titles: str) -> Callable[[Capture], bool]:
    def predicate(shot: Capture) -> bool:
        text = shot.text
        return all(title in text for title in titles)
    return predicate


def private_env(root: Path) -> dict[str, str]:
    """A data dir and config dir of the run's own, so no user state leaks in or out."""
    data = root / "data"
    config = root / "config"
    data.mkdir(parents=True, exist_ok=True)
    config.mkdir(parents=True, exist_ok=True)
    return {"TUIREADER_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(config),
            "XDG_CACHE_HOME": str(root / "cache"), "TERM": "xterm-256color",
            "COLORTERM": "truecolor"}


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.1f}"


def median(values: Iterable[float]) -> float | None:
    values = list(values)
    return statistics.median(values) if values else None


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    table = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in table) for i in range(len(headers))]
    for index, row in enumerate(table):
        print("  ".join(cell.rjust(w) if i else cell.ljust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
        if index == 0:
            print("  ".join("-" * w for w in widths))


def machine_note() -> str:
    load = os.getloadavg()
    return (f"{os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
            " (figures taken under load are noisy)")


def main_guard(run: Callable[[], int]) -> int:
    """Turn HarnessError into a one-line message and a non-zero exit."""
    try:
        return run()
    except HarnessError as error:
        print(f"{Path(sys.argv[0]).name}: {error}", file=sys.stderr)
        if isinstance(error, AppDied):
            print(error.screen, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _selftest(args: argparse.Namespace) -> int:
    """Measure polling cost both ways and check the pane against the minimal app."""
    print(machine_note())
    tuireader = None
    with contextlib.suppress(HarnessError):
        tuireader = find_tuireader()
    python = python_of(tuireader) if tuireader else sys.executable
    rows = []
    for control in (True, False):
        with TmuxScreen(control=control) as screen:
            costs = []
            for _ in range(args.samples):
                shot = screen.capture()
                costs.append(shot.finished - shot.started)
            started = screen.launch(minimal_app_command(python))
            wait = screen.wait_for(titles_visible("Articles", "Reader", "Timeline"), started,
                                   what="the minimal app")
            cpu = _polling_cpu(screen, seconds=2.0)
            rows.append(["control-mode client" if control else "tmux subprocess",
                         f"{statistics.median(costs) * 1000:.2f}", ms(max(costs)), ms(wait.elapsed),
                         ms(wait.corrected), wait.polls, f"{cpu[0]:.0f}%", f"{cpu[1]:.0f}%"])
    print_table(["capture via", "capture median ms", "max ms", "minimal app painted ms",
                 "corrected ms", "polls", "harness CPU", "tmux server CPU"], rows)
    print("CPU: share of one core during a 2 s wait on a screen that never changes "
          "(polls every 2 ms, slowing to 10 ms)")
    return 0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _polling_cpu(screen: TmuxScreen, seconds: float) -> tuple[float, float]:
    """(harness %, tmux server %) of one core while waiting on a screen that never changes."""
    server = int(screen.command("display -p '#{pid}'").strip())
    children = os.times()
    mine, theirs = time.process_time(), _cpu_seconds(server)
    started = time.perf_counter()
    with contextlib.suppress(TimeoutError):
        screen.wait_for(lambda _shot: False, started, seconds, "nothing")
    wall = time.perf_counter() - started
    spawned = sum(os.times()[2:4]) - sum(children[2:4])
    return ((time.process_time() - mine + spawned) / wall * 100,
            (_cpu_seconds(server) - theirs) / wall * 100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--selftest", action="store_true",
                        help="print capture-pane latency and time the minimal app once")
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    if not args.selftest:
        parser.print_help()
        return 0
    return main_guard(lambda: _selftest(args))


if __name__ == "__main__":
    sys.exit(main())
