// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix notation for answers: the derivatives come out as sums of products, and a factor that
// every term shares goes outside, as one writes them by hand.
#pragma once

#include "matrix/tree.hpp"

namespace ddx::matrix {

// A factor shared by every term of a sum on the right (or left) goes outside, recursively:
// A x + Aᵀ x -> (A + Aᵀ) x. Anything else is returned as it is.
Tree factor_common(const Tree& a);

}  // namespace ddx::matrix
