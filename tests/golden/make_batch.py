#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the golden batch: a few thousand deterministic statements of every kind ddx answers
# (derivatives in every notation, chains, points, procedures, comparisons, errors), so that a
# change meant to keep behaviour can be checked byte for byte in every format. The outputs live
# beside it in tests/transcripts/golden_batch*.out; regenerate them only when a change of
# behaviour is intended, and read the diff:
#   python3 tests/golden/make_batch.py $(ls tests/transcripts/*.in | grep -v golden) \
#       > tests/transcripts/golden_batch.in
#   for b in golden_batch golden_batch_unicode; do (cd tests/transcripts &&
#       ../../build/ddx $(cat $b.args) < $b.in > $b.out 2> $b.err; echo $? > $b.status); done
import sys


class Lcg:
    """A fixed 64-bit LCG: the batch never depends on Python's random module version."""

    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.s >> 33) % n

    def choice(self, items):
        return items[self.below(len(items))]


FUNCTIONS = ["sin", "cos", "tan", "exp", "log", "sqrt", "atan", "sinh", "tanh", "sigmoid", "abs", "relu"]
LEAVES = ["x", "x", "y", "a", "2", "3", "1/2", "e", "pi"]


def expr(r, depth):
    if depth == 0 or r.below(5) == 0:
        return r.choice(LEAVES)
    k = r.below(10)
    a = expr(r, depth - 1)
    if k < 2:
        return f"{a} + {expr(r, depth - 1)}"
    if k < 3:
        return f"{a} - ({expr(r, depth - 1)})"
    if k < 5:
        return f"({a}) ({expr(r, depth - 1)})"
    if k < 6:
        return f"({a})/({expr(r, depth - 1)})"
    if k < 7:
        return f"({a})^{r.choice(['2', '3', '-1', '1/2', 'x'])}"
    return f"{r.choice(FUNCTIONS)}({a})"


def generated(r, n):
    lines = []
    for _ in range(n):
        e = expr(r, 3)
        k = r.below(14)
        if k < 3:
            lines.append(f"d/dx {e}")
        elif k < 4:
            lines.append(f"d({e})/dx")
        elif k < 5:
            lines.append(f"diff({e}, x, 2)")
        elif k < 6:
            lines.append(f"∂/∂y ({e})")
        elif k < 7:
            lines.append(f"d/dx ({e}) at x = {r.choice(['1', '1/2', '2', '-1', 'pi/6'])}")
        elif k < 8:
            lines.append(f"simplify({e})")
        elif k < 9:
            lines.append(f"expand({e})")
        elif k < 10:
            lines.append(f"grad({e})")
        elif k < 11:
            lines.append(f"{e}")
        elif k < 12:
            lines.append(f"steps d/dx {expr(r, 2)}")
        elif k < 13:
            lines.append(f"d/dx ({e}) == d/dx ({e})")
        else:
            lines.append(f"tangent({expr(r, 2)}, x = 1)")
    return lines


CURATED = """\
d/dx (3x+4)^2
d/dx (2x^3 + 4x + 8)
∂/∂x (2x^3 + 4xy + 5y^2)
d/dx a^x
d/dx log_a(x)
d/dx x^x
d/dx (a x^(3/2) + b x^(1/2) + c)
d/dx cos((e^x - a x)^3)
d/dx abs(x)
d^2/dt^2 (v_0 t + a t^2/2)
d/dx x^2 + 3x
d/dx x^2 + d/dx x^3
d/dx (x^2) + x
d/dx (x+1)^2 + x
d(x^2)/dx
dx^2/dx
d^2(x^3)/dx^2
df(x)/dx
∂(x^2 y)/∂x
d/dx ax^2
d/dx xe^x
d/dx x (x + 1)^3
a(b+c)^2 at a = 2, b = 1, c = 0
ax^2 == a x^2
cos(pi/6)
d/dx tan(x) at x = pi/3
d/dx sin(x)^2 / x
grad(x^2 y + y^3)
jacobian([x^2 y, 5x + sin(y)], [x, y])
hessian(x^2 y + y^3, [x, y])
grad(x^2 y) at x = 1, y = 2
total(2x^3 + 4xy + 5y^2)
tangent(x^2, x = 1)
approx(pi, 30)
approx(e)
table(x^2, x = -2 .. 2 step 0.5)
d/dx f(2x + 1)
d/dx f(x, y)
d/dx sigmoid(x)
d/dx softplus(x)
d/dx relu(x)
d/dx max(x, x^2)
d^3/dx^3 x^4
diff(x^2 y^3, x, y)
∂^2/∂x∂y (x^2 y^3)
simplify(sin(x)^2 + cos(x)^2)
simplify(log(e^x))
expand((x+1)^5)
d/dx abs(x) at x = 0
d/dx abs(x^2) at x = 0
d/dx sign(x) at x = 0
tangent(relu(x), x = 0)
integrate(x^2, x)
sin^-1(x)
1/0
log(0)
0^0
d/dx (3x+
x_
sinx
loss
(x^3 at x = 2) + 1
diff(x, x, 10**8)
y = u^3
u = 2x^3 + 3x^2
dy/dx
d^2y/dx^2
grad(x^2 y + y^3, [x, y])
:clear
z = f(u, v)
u = g(x, y)
v = h(x, y)
∂z/∂x
:clear
x3 = x1 + x2
x4 = x2^2 e^4
x5 = x3 x4 + e
∂x5/∂x2 at x1 = 3, x2 = 4
∂x5/∂x1 at x1 = 3, x2 = 4
∂x5/∂x3
:clear
f(x, y) = x^2 y
grad(f)
total(f)
diff(f, x)
∂f/∂x
h(t) = sin(t)
dh/dt
:clear
"""


def main():
    r = Lcg(20261202)
    lines = CURATED.splitlines()
    transcripts = sys.argv[1:]  # every line of the golden transcripts, file by file
    for path in transcripts:
        with open(path, encoding="utf-8") as f:
            lines += [line.rstrip("\n") for line in f if line.strip() and not line.startswith(":export")]
        lines.append(":clear")
    lines += generated(r, 2500)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
