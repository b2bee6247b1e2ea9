// SPDX-License-Identifier: GPL-3.0-or-later
// Printing a chain-rule derivation (calc::Chain) as a textbook does: one line per step in text,
// unicode and code, one aligned block in LaTeX.
#pragma once

#include <string>

#include "calculus/chain.hpp"
#include "print/print.hpp"

namespace ddx::print {

std::string render_chain(const calc::Chain& c, Format f);

}  // namespace ddx::print
