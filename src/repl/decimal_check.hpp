// SPDX-License-Identifier: GPL-3.0-or-later
// A decimal answer made by double arithmetic, checked against the statement's formula: typed
// constants and defined functions at decimals fold into doubles as they are read, one rounding
// after another, and sec(sinh(12.5 e)) came out as -2.09 for 17.0002.
#pragma once

#include <string_view>

#include "eval/result.hpp"
#include "resolve/request.hpp"
#include "resolve/scope.hpp"

namespace ddx {

class Session;

// The value of an expression statement whose reading in doubles failed where its decimals as the
// exact numbers they are written as have one (1/(1 - cos(1e-8)) divided by the doubles' 0, and
// is 2e16): set in `value`, its exact form returned (what `ans` is in a later check). Nullopt
// where that reading fails too, or gives no scalar: the first reading's error stands.
std::optional<ExactForm> value_beyond_doubles(std::string_view statement, const Session& session, Expr& value);
// The same for a statement whose answer is a vector or a matrix of numbers (grad(1/(1 - cos(x)))
// at x = 1e-8 divided by the doubles' 0 as d/dx did): each entry its precise value as a decimal.
// Nullopt where an entry has none, or the answer is no list of numbers.
std::optional<eval::Result> list_beyond_doubles(std::string_view statement, const Session& session);
// The answers that are no formula to check, approx's digits, =='s verdict and a table's rows
// (1e6 pi .. 1e6 pi + pi took its x in doubles), with every
// decimal the exact number it is written as, as every other answer reads them
// (approx(0.1 + 0.2 - 0.3) printed the doubles' 5.55e-17, where 0.1 + 0.2 - 0.3 is 0.0;
// approx(sin(1e300)) sin of the double nearest 10^300; pi == 3.141592653589793 was true): the
// statement read so, when it holds decimals, or a definition it may use does; nullopt otherwise.
// That reading's refusal (ResolveError, EvalError, MathError) is the statement's.
bool answered_as_written(const eval::Result& r);
// How many decimals `text` writes (2.5, .5, 1e-3, and approx's decimal; an upper bound).
std::size_t decimals_written(std::string_view text);
std::optional<eval::Result> answer_as_written(std::string_view statement, const Session& session);
// A Taylor polynomial's statement read so: its refusal is the statement's (taylor(abs(x - 0.3),
// x = 0.1 + 0.2, 2) was a line through 0.30000000000000004, where x = 3/10 is a corner), and its
// centre and coefficients, as decimals, the answer's (taylor(sqrt(x - 0.3), x = 0.1 + 0.2, 1) was
// 7.45e-09 for 0.0). Where a coefficient has no decimal, the doubles' answer stands.
void taylor_as_written(std::string_view statement, const Session& session, eval::Result& answer);
// A table so read keeps the headers of the statement as typed (0.5x, not x/2).
void keep_typed_labels(const eval::Result& typed, eval::Result& exact);
// Whether a result's answer is its value alone, which check_decimals can check: a plain answer, a
// named derivative's (`dv/dx = VALUE`), a tangent line, a total differential (whose terms the
// caller makes again from a corrected value), or a chain's (whose lines the caller drops when the
// value is corrected).
bool answer_is_value(const eval::Result& r);
// When v holds decimal numbers (itself, or entries of a vector or matrix) and `body` (the
// statement's expression, or a definition's right-hand side, as resolved) is arithmetic or a
// point of it: reads `statement` once more with its decimals as symbols for the
// exact numbers they are written as, evaluates that, and lets checked_decimal keep each
// decimal, correct its digits or refuse it (MathError). Anything the second reading cannot do
// leaves v as it is; Ctrl-C and --timeout still stop it.
// Returns the answer's exact form when it is a scalar so read (what `ans` is in a later check).
// Each exact constant beside a decimal coefficient folded into it, in a vector's or a matrix's
// entries too: 2.0 sqrt(3) is 3.4641016151377544 (grad and hessian at decimal points printed it
// half exact). An answer with decimals in it is a decimal.
void fold_constants_into_decimals(eval::Value& v);
// `checked`, if given, is set when v was checked so (a reading that cannot be had leaves it).
std::optional<ExactForm> check_decimals(eval::Value& v, const resolve::Term& body, std::string_view statement,
                                        const Session& session, bool* checked = nullptr);

// A function definition whose body holds decimals gets its exact form (FunctionDefinition::
// exact): `statement` read once more with each decimal a symbol for its exact value, and each
// definition it uses in its exact form.
void read_body_exactly(resolve::FunctionDefinition& def, std::string_view statement, const Session& session);

// The exact form of a variable's body that holds decimals (Definitions::Variable::exact), read
// as read_body_exactly reads a function's, where reading it again is cheap (`read`: the body as
// resolved); nullopt otherwise.
std::optional<ExactForm> read_value_exactly(Expr body, const resolve::Term& read, std::string_view statement,
                                            const Session& session);

}  // namespace ddx
