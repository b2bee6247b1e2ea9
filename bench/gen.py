#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Deterministic generators for the benchmark workloads W1-W8. Each writes one neutral
# task file that every driver reads: `vars V...`, `order K`, then one expression per line (each is
# differentiated K times by each variable). The text is plain `*`, `^`, sin/cos/tan/exp/log, which
# ddx, GiNaC, SymPy and Maxima all read the same way.
import sys

# Sizes per workload: (quick/smoke, full...) as the issue defines them.
SIZES = {
    "W1": [2000, 20000], "W2": [200, 2000], "W3": [100, 400], "W4": [30, 100],
    "W5": [50, 200], "W6": [20, 40], "W7": [10000, 100000], "W8": [1000000],
}


class Lcg:
    """A fixed 64-bit LCG, so the W8 text never depends on Python's random module version."""

    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.s >> 33) % n


def w1(n):
    return ["x"], 1, [" + ".join(f"{i}*x^{i}" for i in range(1, n + 1))]


def w2(depth):
    return ["x"], 1, ["sin(" * depth + "x" + ")" * depth]


def w3(n):
    return ["x"], 1, ["*".join(f"sin({i}*x + 1)" for i in range(1, n + 1))]


def w4(n):
    terms = [f"x{i}*x{j}*sin(x{i} - x{j})" for i in range(1, n + 1) for j in range(i + 1, n + 1)]
    return [f"x{i}" for i in range(1, n + 1)], 1, [" + ".join(terms)]


def w5(n):
    # Cyclic indices: x_{n+1} = x_1, x_0 = x_n. Every F_i by every x_j is the full Jacobian.
    def x(i):
        return f"x{(i - 1) % n + 1}"
    return [x(i) for i in range(1, n + 1)], 1, [f"{x(i)}*exp({x(i + 1)}) + {x(i - 1)}^2" for i in range(1, n + 1)]


def w6(order):
    return ["x"], order, ["x^2*exp(x)*sin(x)"]


# Twenty textbook formulas; {k} is an integer that changes from line to line so no two are equal.
W7_FORMULAS = [
    "(3*x + {k})^2", "cos((exp(x) - 2*{k}*x)^3)", "{k}*x^x", "log({k}*x)^3", "tan({k}*x)",
    "sin(x)^2/(x + {k})", "exp(-{k}*x^2)", "x^{k}*log(x)", "sqrt(x^2 + {k})", "1/(x^2 + {k}*x + 1)",
    "sin({k}*x)*cos(x)", "exp(sin(x) + {k})", "(x + {k})^(1/3)", "log(x^2 + {k})", "x*exp({k}*x)*sin(x)",
    "(x^2 - {k})/(x^2 + {k})", "cos(x)^{k}", "atan({k}*x)", "exp(x)/(1 + {k}*exp(x))", "x^3 - {k}*x^2 + 7*x - 1",
]


def w7(lines):
    return ["x"], 1, [W7_FORMULAS[i % 20].format(k=i // 20 + 2) for i in range(lines)]


def w8(size):
    rng, parts, total = Lcg(20260101), [], 0
    while total < size:
        c, i, j, k = rng.below(99) + 1, rng.below(6), rng.below(6), rng.below(6)
        f = "sin" if rng.below(2) else "cos"
        a, b, d = rng.below(9) + 1, rng.below(9) + 1, rng.below(9) + 1
        powers = "".join(f"*{v}" if e == 1 else f"*{v}^{e}" if e else "" for v, e in (("x", i), ("y", j), ("z", k)))
        t = f"{c}{powers}*{f}({a}*x+{b}*y+{d})"
        parts.append(t)
        total += len(t) + 1
    return ["x"], 1, ["+".join(parts)]


GENERATORS = {"W1": w1, "W2": w2, "W3": w3, "W4": w4, "W5": w5, "W6": w6, "W7": w7, "W8": w8}


def task_text(workload, size):
    variables, order, exprs = GENERATORS[workload](size)
    return "vars " + " ".join(variables) + f"\norder {order}\n" + "".join(e + "\n" for e in exprs)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in GENERATORS:
        sys.exit("usage: gen.py W1..W8 SIZE > task.txt")
    sys.stdout.write(task_text(sys.argv[1], int(sys.argv[2])))
