#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# CI smoke test of the benchmark harness (ctest `bench_smoke`): tiny sizes of every workload,
# ddx only, no peers. Checks the generators, the ddx scripts and `--stats`, and compares a sample
# of ddx's answers with central differences of the input evaluated by Python. Never times anything.
import math
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import run  # noqa: E402

CELLS = [("W1", 40), ("W2", 30), ("W3", 8), ("W4", 5), ("W5", 5), ("W6", 2), ("W7", 60), ("W8", 3000)]
NAMES = {n: getattr(math, n) for n in ("sin", "cos", "tan", "exp", "log", "sqrt", "atan")}


def evaluate(text, point):
    """Evaluates ddx's code format or the generators' text (both use ^ for powers) with floats."""
    env = dict(NAMES, **point)
    return eval(re.sub(r"\^", "**", text), {"__builtins__": {}}, env)  # noqa: S307 (our own text)


def derivative(expr, var, order, point):
    """Central difference of the given order (1 or 2) in var at point."""
    h = 1e-4 if order == 1 else 1e-3
    at = lambda dx: evaluate(expr, dict(point, **{var: point[var] + dx}))  # noqa: E731
    if order == 1:
        return (at(h) - at(-h)) / (2 * h)
    return (at(h) - 2 * at(0) + at(-h)) / (h * h)


def check_cell(ddx, workload, size, tmp):
    variables, order, exprs = gen.GENERATORS[workload](size)
    script = os.path.join(tmp, f"{workload}.ddx")
    with open(script, "w") as f:
        f.write(run.ddx_script(variables, order, exprs))
    p = subprocess.run([ddx, "--stats", "--format", "code", script], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        return f"ddx failed: {p.stderr.strip()[:300]}"
    if not re.search(r"^stats: parse=\S+ grammar=\S+ diff=\S+ print=\S+ reclaim=\S+ peak_rss_kb=\d+ nodes=\d+$", p.stderr, re.M):
        return f"no --stats line on stderr: {p.stderr[:300]!r}"
    results = p.stdout.splitlines()
    pairs = [(e, v) for e in exprs for v in variables]
    if len(results) != len(pairs):
        return f"{len(results)} results for {len(pairs)} derivatives"
    step = max(1, len(pairs) // 8)
    for k in range(0, len(pairs), step):
        expr, var = pairs[k]
        for x in (0.3, 0.7):
            point = {v: x + 0.05 * i for i, v in enumerate(variables)}
            point.update({"x": x, "y": 0.4, "z": 0.6} if "x" in variables else {})
            want = derivative(expr, var, order, point)
            got = evaluate(results[k], point)
            if abs(got - want) > 1e-4 * max(1.0, abs(want)):
                return f"result {k + 1} (d/d{var}) at {x}: ddx {got!r}, finite difference {want!r}\n  {results[k][:200]}"
    return None


def main():
    ddx = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for workload, size in CELLS:
            problem = check_cell(ddx, workload, size, tmp)
            print(f"{workload} {size}: {problem or 'ok'}")
            failures += problem is not None
    print(f"{len(CELLS) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
