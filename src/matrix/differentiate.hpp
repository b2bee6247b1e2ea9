// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix derivatives through differentials, as the matrix cookbook derives them: d(AB) = dA B +
// A dB, d(Aᵀ) = (dA)ᵀ, d(A⁻¹) = -A⁻¹ dA A⁻¹, d tr(A) = tr(dA), d det(A) = det(A) tr(A⁻¹ dA),
// d‖A‖ = tr(Aᵀ dA)/‖A‖, d log(s) = ds/s, d s^k = k s^(k-1) ds, and for columns d f(v) =
// diag(f'(v)) dv, d softmax(v) = (diag(s) - s sᵀ) dv. The differential of f by the
// declared name X is a sum of terms linear in dX, each `s L dX R` or `s tr(L dX R) P` (dX or
// dXᵀ); the derivative is read off them with the trace's cyclicity: tr(L dX R) = tr(R L dX)
// gives the gradient (R L)ᵀ.
#pragma once

#include "matrix/tree.hpp"

namespace ddx::matrix {

enum class Layout { Numerator, Denominator };

// d f / d var: for a scalar f, the gradient (var's shape); for a vector f and a vector var, the
// Jacobian (numerator layout: rows are f's entries; Denominator transposes it). MathError for
// what it cannot do (a matrix by a matrix, a vector by a matrix), never a silent 0.
Tree derivative(const Tree& f, const Tree& var, Layout layout = Layout::Numerator);

// The differential of f by var as matrix expressions, one per term, in which d var is the
// declared name "d" + var's name (dx): d(xᵀAx) = dxᵀ A x + xᵀ A dx. For `steps`.
std::vector<Tree> differential_terms(const Tree& f, const Tree& var);

// The Hessian of a scalar f by a vector var: the Jacobian of its gradient.
Tree hessian(const Tree& f, const Tree& var);

}  // namespace ddx::matrix
