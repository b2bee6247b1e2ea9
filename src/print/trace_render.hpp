// SPDX-License-Identifier: GPL-3.0-or-later
// A reverse-mode trace (calc::Trace) as a table: a forward block, one line per node with its
// definition and value, then a backward block, one line per adjoint: the sum over consumers of
// adjoint times local partial, then the same filled in, then the value. Text, unicode, code (the
// gradient alone), LaTeX (one aligned block) and the rows JSON carries.
#pragma once

#include <string>
#include <vector>

#include "calculus/reverse_mode.hpp"
#include "print/print.hpp"

namespace ddx::print {

std::string render_trace(const calc::Trace& t, Format f);

// One JSON object per node: {"node", "definition", "value", "adjoint", "local_partials"}.
std::string trace_json(const calc::Trace& t);

}  // namespace ddx::print
