// SPDX-License-Identifier: GPL-3.0-or-later
// A session for `:export` that uses every command and every procedure, with answers too long for
// one line: compiled with pdflatex (output_formats_test.cpp), its rows rendered by KaTeX
// (latex_corpus_test.cpp). PLOTS stands for a folder to draw plots into.
#pragma once

namespace ddx_test {

// Every command and every procedure, the forms of a question (at, Leibniz, primes, ==, ans,
// steps, backprop, names with digits) and answers too long for one line. Commands write nothing
// to the document but change what follows (:steps, :set layout, :plot-to, :clear).
inline const char* const k_export_everything =
    ":help procedures\n"
    ":format latex\n"
    ":format text\n"
    "f(x) = x^3 - 2x\n"
    "g(x, w) = x^2 w + sin(x w)\n"
    "d/dx f(x)\n"
    "f'(2)\n"
    "f''(x)\n"
    "g(1, 2)\n"
    "x3 = x1 x2\n"
    "x4 = e^x2\n"
    "x5 = x3^2 x4 / 3\n"
    "∂x5/∂x2 at x1 = 3, x2 = 4\n"
    "y = u^3\n"
    "u = 2x^3 + 3x^2\n"
    "dy/dx\n"
    "d^2y/dx^2\n"
    "dy/dx at x = 1\n"
    "ans + 1\n"
    "steps d/dx sin(x^2)\n"
    ":steps on\n"
    "d/dx x e^x\n"
    ":steps off\n"
    "diff(sin(x), x, 3)\n"
    "diff(x^2 w^3, x, w)\n"
    "expand((a + b + c + d)^4)\n"
    "expand((a + b + c + d + h + m)^7)\n"  // longer than a page
    "simplify(sin(x)^2 + cos(x)^2)\n"
    "factor(x^4 - 1)\n"
    "approx(pi, 30)\n"
    "approx(sqrt(2))\n"
    "grad(x v s, [x, v])\n"
    ":set layout denominator\n"
    "jacobian([x w^2, sin(x)], [x, w])\n"
    ":set layout numerator\n"
    "hessian(x^3 v + v^2)\n"
    "hessian(x^3 v + v^2) at x = 1, v = 2\n"
    "z = x^2 v + v^3\n"
    "total(z)\n"
    "total(x^2 w)\n"
    "tangent(x^2, x = 1)\n"
    "critical(x^2 + v^2 - 2x)\n"
    "critical(x^2 + sin(x))\n"
    "taylor(sin(x), x = 0, 6)\n"
    "series(exp(x), x = 1, 4)\n"
    "implicit(x^2 + q^2 = 1, dq/dx)\n"
    "sum(k^2, k = 1 .. 10)\n"
    "mean(x_n, n = 1 .. N)\n"
    ":plot-to PLOTS/p.svg\n"
    "plot(sin(x), cos(x), x = -3 .. 3)\n"
    "table(x^2, x^3, x = 0 .. 1 step 0.25)\n"
    "(x+1)^2 == x^2 + 2x + 1\n"
    "backprop p r + sin(p) at p = 1, r = 2\n"
    "d/dx (x^2 + 1)^10 sin(x)^3 (x^3 - x + 5)^4\n"
    "d/dx tanh(x^2 + 3x) / (1 + e^(-x^2 sin(x)))\n"
    "d/dx (x^2+1)/(x^3 + 2x^2 + 3x + 4 + 5x^4 + 6 x^5 + 7x^6 + 8 x^7 + 9 x^8 + 10 x^9 + 11 x^10)\n"
    "d/dx 1/(x + 2x^2 + 3x^3 + 4x^4 + 5x^5 + 6x^6 + 7x^7 + 8x^8 + 9x^9 + 10x^10 + 11x^11 + 12x^12 + 13x^13 + "
    "14x^14 + 15x^15 + 16x^16 + 17x^17 + 18x^18 + 19x^19 + 20x^20)\n"  // a denominator wider than the page
    "d/dx (sin(x) + cos(x) + tan(x) + sinh(x) + cosh(x) + tanh(x) + exp(x) + log(x) + sqrt(x) + x^x)^2 at x = 2\n"
    "hessian(sin(x v) e^(x^2 v) + log(x^2 + v^2))\n"
    "grad(sin(x v) e^(x^2 v) + log(x^2 + v^2) + atan(x/v))\n"
    "jacobian([sin(x v) e^(x^2 v), log(x^2 + v^2) + x^5 v^7, tanh(x v)], [x, v])\n"
    ":vars\n"
    ":clear z\n";

}  // namespace ddx_test
