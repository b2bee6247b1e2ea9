// SPDX-License-Identifier: GPL-3.0-or-later
// A decimal answer made by double arithmetic, checked against the statement's formula: typed
// constants and defined functions at decimals fold into doubles as they are read, one rounding
// after another, and sec(sinh(12.5 e)) came out as -2.09 for 17.0002.
#pragma once

#include <string_view>

#include "eval/result.hpp"
#include "resolve/request.hpp"

namespace ddx {

class Session;

// When r is a decimal number and body (the statement, as resolved) is arithmetic or functions of
// values: reads `statement` once more with its decimals as symbols, evaluates that, and lets
// calc::checked_decimal keep r, correct its digits or refuse it (MathError). Anything the second
// reading cannot do leaves r as it is; Ctrl-C and --timeout still stop it.
void check_decimal_answer(eval::Result& r, const resolve::Term& body, std::string_view statement, const Session& session);

}  // namespace ddx
