#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The SymPy peer for the benchmark (Debian's python3-sympy): reads a gen.py task file,
# differentiates every expression by every variable, prints the results, and reports its own
# parse/diff/print times on stderr in the same `stats:` form as ddx and the GiNaC driver.
import sys
import time

import sympy


def main(path):
    t0 = time.perf_counter()
    with open(path) as f:
        variables = f.readline().split()[1:]
        order = int(f.readline().split()[1])
        lines = [line.strip() for line in f if line.strip()]
    syms = {v: sympy.Symbol(v) for v in variables}
    exprs = [sympy.sympify(s, locals=dict(syms)) for s in lines]
    t1 = time.perf_counter()
    out = [sympy.diff(e, syms[v], order) for e in exprs for v in variables]
    t2 = time.perf_counter()
    sys.stdout.write("".join(str(d) + "\n" for d in out))
    sys.stdout.flush()
    t3 = time.perf_counter()
    print(f"stats: parse={t1 - t0:.6f} diff={t2 - t1:.6f} print={t3 - t2:.6f}", file=sys.stderr)


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    main(sys.argv[1])
