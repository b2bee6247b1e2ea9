#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The benchmark orchestrator (bench/run.sh is the one command): generates each cell's task,
# runs ddx and its peers in alternation with timeouts, then prints medians (whole run and
# derivative-only), ddx/GiNaC ratios, output sizes, peak RSS and a numeric check against GiNaC.
import argparse
import os
import signal
import statistics
import subprocess
import sys
import threading
import time

import gen

# SymEngine's figures, measured once from its sources (whole s, diff-only s): the bar, since SymEngine is no Debian package.
SYMENGINE = {
    "W1 2000": (0.060, 0.0020), "W1 20000": (9.6, 0.029), "W2 200": (0.019, 0.0010),
    "W2 2000": (2.74, 0.108), "W3 100": (0.021, 0.00066), "W3 400": (0.28, 0.0092),
    "W4 30": (0.036, 0.020), "W4 100": (1.48, 1.02), "W5 50": (0.012, 0.0036),
    "W5 200": (0.098, 0.054), "W6 20": (0.0044, 0.00014), "W6 40": (0.0045, 0.00028),
    "W7 10000": (0.096, 0.022), "W7 100000": (0.90, 0.22), "W8 1000000": (14.6, 0.22),
}


def ddx_script(variables, order, exprs):
    """ddx statements for a task: one result line per (expression, variable) pair. Where each
    expression is taken by several variables it is defined once and read once, as the GiNaC and
    SymPy drivers parse it once."""
    suffix = "" if order == 1 else f", {order}"
    if len(variables) > 1:
        # ∂/∂v of a defined name answers with the derivative; diff(F, v) would show the chain
        operator = (lambda v: f"∂^{order}/∂{v}^{order}") if order > 1 else (lambda v: f"∂/∂{v}")
        return "".join(f"F{i} = {e}\n" for i, e in enumerate(exprs, 1)) + "".join(
            f"{operator(v)} F{i}\n" for i in range(1, len(exprs) + 1) for v in variables)
    return "".join(f"diff({e}, {v}{suffix})\n" for e in exprs for v in variables)


def maxima_script(variables, order, exprs):
    head = "display2d:false$\nlinel:1000000$\n"
    if len(variables) > 1:
        return head + "".join(f"F{i}: {e}$\n" for i, e in enumerate(exprs, 1)) + "".join(
            f"print(diff(F{i}, {v}, {order}))$\n" for i in range(1, len(exprs) + 1) for v in variables)
    return head + "".join(f"print(diff({e}, {v}, {order}))$\n" for e in exprs for v in variables)


class Result:
    def __init__(self, status, wall=None, diff=None, rss_kb=None, out_chars=None, parse=None, printing=None,
                 grammar=None):
        self.status, self.wall, self.diff, self.rss_kb, self.out_chars = status, wall, diff, rss_kb, out_chars
        # ddx's other --stats phases: reading; printing; the grammar alone (text -> syntax tree, part of reading)
        self.parse, self.printing, self.grammar = parse, printing, grammar
        self.parse_mb_s = None  # ddx: input bytes / grammar seconds


def run_once(measure, cmd, out_path, timeout, stdin_path=None, expected_lines=None):
    """Runs cmd with stdout to a file; wall time, peak RSS and the program's own `stats:` line."""
    err_path, report_path = out_path + ".err", out_path + ".measure"
    # bench/measure.c times the command from its spawn to its exit and reads its peak RSS from
    # wait4: its own start-up is not counted, and the pages of this Python process are not in the
    # RSS (as they would be in wait4's figure for a child of Python).
    cmd = [measure, report_path] + cmd
    with open(out_path, "wb") as out, open(err_path, "wb") as err, \
            open(stdin_path or os.devnull, "rb") as inp:
        p = subprocess.Popen(cmd, stdin=inp, stdout=out, stderr=err, start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            os.killpg(p.pid, signal.SIGKILL)
        timer = threading.Timer(timeout, kill)
        timer.start()
        p.wait()
        timer.cancel()
    if timed_out.is_set():
        return Result("timeout")
    stats = {}
    with open(err_path, errors="replace") as f:
        for line in f:
            if line.startswith("stats:"):
                stats = dict(kv.split("=") for kv in line.split()[1:])
    if p.returncode != 0:
        return Result("fails")
    with open(out_path, "rb") as f:
        lines = [line.rstrip(b"\n") for line in f
                 if line.strip() and not line.startswith(b"batchload(") and line.strip() != b"quit()"]
    # Maxima reports a Lisp stack overflow and still exits 0: a result missing is a failure.
    if expected_lines is not None and len(lines) != expected_lines:
        return Result("fails")
    chars = sum(len(line) for line in lines)
    diff = float(stats["diff"]) if "diff" in stats else None
    with open(report_path) as f:
        wall, rss_kb = f.read().split()
    wall, rss_kb = float(wall), int(rss_kb)
    phase = lambda k: float(stats[k]) if k in stats else None  # noqa: E731
    return Result("ok", wall, diff, rss_kb, chars, phase("parse"), phase("print"), phase("grammar"))


def systems(args, workdir, cell_name):
    base = os.path.join(workdir, cell_name.replace(" ", "_"))
    out = {"ddx": ([args.ddx, "--stats", "--format", "code", base + ".ddx"], base + ".ddx.out", None)}
    if args.ginac:
        out["GiNaC"] = ([args.ginac, "run", base + ".task"], base + ".ginac.out", None)
    if "sympy" in args.peers:
        out["SymPy"] = ([args.python, os.path.join(os.path.dirname(__file__), "sympy_driver.py"), base + ".task"],
                        base + ".sympy.out", None)
    if "maxima" in args.peers:
        out["Maxima"] = (["maxima", "--very-quiet", "-r", f'batchload("{base}.mac")$ quit();'], base + ".maxima.out",
                         None)
    return base, out


def write_inputs(base, workload, size):
    variables, order, exprs = gen.GENERATORS[workload](size)
    with open(base + ".task", "w") as f:
        f.write(gen.task_text(workload, size))
    with open(base + ".ddx", "w") as f:
        f.write(ddx_script(variables, order, exprs))
    with open(base + ".mac", "w") as f:
        f.write(maxima_script(variables, order, exprs))


def bench_cell(args, workdir, workload, size):
    name = f"{workload} {size}"
    base, cmds = systems(args, workdir, name)
    variables, _, exprs = gen.GENERATORS[workload](size)
    expected = len(variables) * len(exprs)
    write_inputs(base, workload, size)
    runs = {s: [] for s in cmds}
    for _ in range(args.runs):
        for s, (cmd, out_path, stdin) in cmds.items():  # alternate systems within each round
            if runs[s] and runs[s][-1].status != "ok":
                continue  # a peer that timed out or failed once is not retried
            timeout = args.peer_timeout if s in ("SymPy", "Maxima") else args.timeout
            runs[s].append(run_once(args.measure, cmd, out_path, timeout, stdin, expected))
    summary = {}
    for s, rs in runs.items():
        ok = [r for r in rs if r.status == "ok"]
        if len(ok) < len(rs) or not ok:
            summary[s] = Result(rs[-1].status if rs else "skipped")
            continue
        med = lambda xs: statistics.median(xs) if xs else None  # noqa: E731
        summary[s] = Result("ok", statistics.median(r.wall for r in ok), med([r.diff for r in ok if r.diff is not None]),
                            max(r.rss_kb for r in ok), ok[-1].out_chars, med([r.parse for r in ok if r.parse is not None]),
                            med([r.printing for r in ok if r.printing is not None]),
                            med([r.grammar for r in ok if r.grammar is not None]))
        if summary[s].grammar:
            summary[s].parse_mb_s = os.path.getsize(cmds[s][0][-1]) / summary[s].grammar / 1e6
    check = "-"
    if args.ginac and summary["ddx"].status == "ok":
        p = subprocess.run([args.ginac, "check", base + ".task", cmds["ddx"][1], str(args.samples)],
                           capture_output=True, text=True, timeout=args.timeout * 4)
        line = (p.stdout.strip().splitlines() or [p.stderr.strip() or "FAIL"])[-1]
        check = "ok" if p.returncode == 0 else "FAIL"
        if p.returncode != 0:
            print(f"  check {name}: {p.stdout.strip()} {p.stderr.strip()}", file=sys.stderr)
        else:
            check = "ok " + line.split(": ")[1].split(" of")[0]
    return name, summary, check


def fmt_t(r, attr="wall"):
    if r is None:
        return "-"
    if r.status != "ok":
        return r.status
    v = getattr(r, attr)
    return "-" if v is None else f"{v:.4f}" if v < 10 else f"{v:.1f}"


def ratio(a, b, attr):
    if not a or not b or a.status != "ok" or b.status != "ok" or getattr(a, attr) is None or not getattr(b, attr):
        return "-"
    return f"{getattr(a, attr) / getattr(b, attr):.2f}"


PARSE_TARGET_MB_S = 25  # on the W1, W7 and W8 inputs


def targets(name, d, g):
    """W: whole <= 0.5 GiNaC and <= SymEngine; D: diff <= SymEngine; M: RSS <= GiNaC; P (W1, W7, W8): the grammar
    reads >= 25 MB/s. '+' met, '-' missed."""
    parse_cell = name.split()[0] in ("W1", "W7", "W8")
    if d.status != "ok":
        return "W- D- M-" + (" P-" if parse_cell else "")
    se = SYMENGINE.get(name)
    gok = g is not None and g.status == "ok"
    w = (not gok or d.wall <= 0.5 * g.wall) and (se is None or d.wall <= se[0])
    dd = se is None or d.diff is None or d.diff <= se[1]
    m = not gok or d.rss_kb <= g.rss_kb
    marks = [("W", w), ("D", dd), ("M", m)]
    if parse_cell:
        marks.append(("P", d.parse_mb_s is not None and d.parse_mb_s >= PARSE_TARGET_MB_S))
    return " ".join(k + ("+" if ok else "-") for k, ok in marks)


def print_table(rows):
    head = ["cell", "ddx whole", "ddx read", "ddx parse MB/s", "ddx diff", "ddx print", "GiNaC whole", "GiNaC diff", "ratio whole",
            "ratio diff", "SymPy whole",
            "Maxima whole", "ddx chars", "GiNaC chars", "ddx RSS MB", "GiNaC RSS MB", "targets", "check"]
    table = [head]
    for name, s, check in rows:
        d, g = s["ddx"], s.get("GiNaC")
        mb = lambda r: f"{r.rss_kb / 1024:.1f}" if r and r.status == "ok" else "-"  # noqa: E731
        chars = lambda r: str(r.out_chars) if r and r.status == "ok" else "-"  # noqa: E731
        mb_s = f"{d.parse_mb_s:.1f}" if d.status == "ok" and d.parse_mb_s else "-"
        table.append([name, fmt_t(d), fmt_t(d, "parse"), mb_s, fmt_t(d, "diff"), fmt_t(d, "printing"), fmt_t(g), fmt_t(g, "diff"),
                      ratio(d, g, "wall"),
                      ratio(d, g, "diff"), fmt_t(s.get("SymPy")), fmt_t(s.get("Maxima")), chars(d), chars(g), mb(d),
                      mb(g), targets(name, d, g), check])
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in table]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print("\n".join(lines))
    print("times in seconds (medians); ddx's phases from --stats: read = parsing, resolving and evaluating less"
          " differentiation, diff, print; parse MB/s = input bytes / the grammar's own time (part of read);"
          " targets: W whole <= 0.5x GiNaC and <= SymEngine, D diff <= SymEngine,"
          " M peak RSS <= GiNaC, P parse >= 25 MB/s (W1, W7, W8); check = ddx results compared numerically with GiNaC's on a sample")


def scaling(rows):
    by = {name: s["ddx"] for name, s, _ in rows}
    for small, big in (("W1 2000", "W1 20000"), ("W2 200", "W2 2000")):
        a, b = by.get(small), by.get(big)
        if a and b and a.status == b.status == "ok":
            print(f"scaling {big} / {small}: time x{b.wall / a.wall:.1f} (diff x{(b.diff or 0) / max(a.diff or 1e-9, 1e-9):.1f}),"
                  f" output x{b.out_chars / max(a.out_chars, 1):.1f}")


def memory_run(args, lines=1_000_000):
    """A batch of a million independent lines (W7's formulas): ddx's peak RSS must stay under 100 MB,
    since nodes no statement holds any more are reclaimed between lines."""
    base = os.path.join(args.workdir, f"memory_{lines}")
    variables, order, exprs = gen.GENERATORS["W7"](lines)
    with open(base + ".ddx", "w") as f:
        f.write(ddx_script(variables, order, exprs))
    r = run_once(args.measure, [args.ddx, "--stats", "--format", "code", base + ".ddx"], base + ".ddx.out",
                 args.timeout * 4, None, len(exprs))
    if r.status != "ok":
        print(f"memory: {lines:,} independent lines (W7): ddx {r.status}")
        return
    mb = r.rss_kb / 1024
    print(f"memory: {lines:,} independent lines (W7): ddx peak RSS {mb:.1f} MB ({'met' if mb < 100 else 'MISSED'}:"
          f" target < 100 MB), {r.wall:.1f} s")


def startup(ddx, runs=50):
    """Median start-to-exit of `ddx -e 'd/dx x^2'`, spawned as cheaply as Python can (posix_spawn)."""
    times = []
    devnull = os.open(os.devnull, os.O_WRONLY)
    for _ in range(runs):
        t0 = time.perf_counter()
        pid = os.posix_spawn(ddx, [ddx, "-e", "d/dx x^2"], os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
        os.waitpid(pid, 0)
        times.append(time.perf_counter() - t0)
    os.close(devnull)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ddx", required=True)
    ap.add_argument("--measure", help="bench/measure.c built (default: bench_measure beside --ddx)")
    ap.add_argument("--ginac", help="ginac_driver binary (omit to run ddx alone)")
    ap.add_argument("--python", default="/usr/bin/python3", help="python with sympy for the SymPy peer")
    ap.add_argument("--peers", default="sympy,maxima", help="comma list of extra peers: sympy, maxima")
    ap.add_argument("--quick", action="store_true", help="the smaller size of each workload, 3 runs")
    ap.add_argument("--cells", help="e.g. W1:2000,W2:200 (default: every cell of the issue)")
    ap.add_argument("--runs", type=int)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--peer-timeout", type=float)
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--workdir", default="/tmp/ddx-bench")
    ap.add_argument("--no-memory-run", action="store_true", help="skip the 1,000,000-line memory run")
    args = ap.parse_args()
    args.measure = args.measure or os.path.join(os.path.dirname(os.path.abspath(args.ddx)), "bench_measure")
    args.runs = args.runs or (3 if args.quick else 5)
    args.peer_timeout = args.peer_timeout or (20 if args.quick else args.timeout)
    args.peers = [p for p in args.peers.split(",") if p]
    if args.cells:
        cells = [(c.split(":")[0], int(c.split(":")[1])) for c in args.cells.split(",")]
    else:
        cells = [(w, n) for w, sizes in gen.SIZES.items() for n in (sizes[:1] if args.quick else sizes)]
    os.makedirs(args.workdir, exist_ok=True)
    rows = []
    for w, n in cells:
        print(f"running {w} {n} ...", file=sys.stderr, flush=True)
        rows.append(bench_cell(args, args.workdir, w, n))
    print_table(rows)
    scaling(rows)
    if not (args.quick or args.cells or args.no_memory_run):
        print("running the memory run ...", file=sys.stderr, flush=True)
        memory_run(args)
    floor = startup("/bin/true")  # what spawning any process costs on this machine, from Python
    whole = startup(args.ddx)
    print(f"startup: ddx -e 'd/dx x^2' median {whole * 1000:.2f} ms spawn-to-exit, /bin/true {floor * 1000:.2f} ms:"
          f" ddx's own {(whole - floor) * 1000:.2f} ms (target < 1 ms)")


if __name__ == "__main__":
    main()
