// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix expressions (src/matrix/tree.hpp) in every format, in matrix notation:
//   text     (A + A^T) x     2X^T (X w - y)     det(X) X^-T     2x/(x^T x)     norm(u)^2
//   unicode  (A + Aᵀ) x      2Xᵀ (X w − y)      det(X) X⁻ᵀ      2x/(xᵀ x)      norm(u)²
//   latex    \left(A + A^{\top}\right) x   \det\left(X\right) X^{-\top}   \frac{2 x}{x^{\top} x}
//   code     (A + A^T)*x     2*X^T*(X*w - y)    det(X)*X^-T     2*x/(x^T*x)
// Letters stay plain italic in LaTeX (as SymPy prints matrix symbols), not bold: a declared name
// is the same letter in the answer as in the question. Text, unicode and code read back as the
// same expression.
#pragma once

#include <string>

#include "matrix/tree.hpp"
#include "print/print.hpp"

namespace ddx::print {

std::string matrix_string(const matrix::Tree& a, Format f);

}  // namespace ddx::print
