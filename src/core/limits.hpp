// SPDX-License-Identifier: GPL-3.0-or-later
// Every documented limit of ddx, in one place (docs/language.md "Limits" quotes this file, and
// so do the README and `:help errors`). Each is checked before the work it guards and gives a
// positioned error; nothing here may depend on anything else, so every layer can include it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ddx {

// Input
inline constexpr std::size_t max_nesting = 10000;                    // brackets, sign runs, ^ chains, d/dx
inline constexpr std::size_t max_line_bytes = std::size_t{4} << 20;  // a 1,000,000-term sum fits
inline constexpr std::size_t max_integer_digits = 100'000;           // integers typed in

// Exact arithmetic and algebra
inline constexpr double max_result_digits = 1'000'000;    // exact results (10^10^10 is refused)
inline constexpr double max_expand_terms = 1'000'000;     // terms of an expansion, estimated first
inline constexpr double max_expand_digits = 100'000'000;  // terms x coefficient digits of a power expansion
inline constexpr int max_derivative_order = 1000;         // beyond it only a polynomial of lower degree (0)
inline constexpr int max_implicit_order = 10;             // implicit(F = G, d^ny/dx^n)
inline constexpr double max_taylor_digits = 10'000'000;   // a Taylor polynomial's coefficients: digits + nodes
inline constexpr std::size_t max_statement_nodes = 3'000'000;  // new subexpressions per statement (memory)
inline constexpr std::size_t max_expression_height = 30'000;   // an expression's depth (every walk's recursion)
inline constexpr int max_simplify_steps = 10000;          // rule applications per simplify
inline constexpr int max_evalf_digits = 100'000;          // approx(E, DIGITS)
// A trigonometric function's argument, in bits before its point (2^65536, about 10^19728): MPFR
// reduces it exactly, with pi to as many bits, and sin(e^250000000) took minutes.
inline constexpr long max_reduced_argument_bits = 1L << 16;
// factor and simplify's cancelling: every polynomial along the way, and the work in coefficient
// operations (cancelling runs inside simplify and must stay quick; factor is asked for).
inline constexpr std::size_t max_poly_terms = 5000;
inline constexpr std::uint32_t max_poly_degree = 200;
inline constexpr std::size_t max_poly_variables = 64;
inline constexpr double max_cancel_work = 2e7;
inline constexpr double max_factor_work = 1e8;

// critical(f): the variables, the polynomial work of solving the gradient's equations exactly,
// the points listed, and the numeric search for gradients that are not polynomial (each variable
// in [-bound, bound], a budget of expression nodes evaluated, at most so many variables).
inline constexpr std::size_t max_critical_variables = 6;
inline constexpr double max_critical_work = 1e8;
inline constexpr std::size_t max_critical_points = 200;
inline constexpr double critical_search_bound = 10;
inline constexpr double max_critical_search_work = 100'000'000;  // expression nodes evaluated
inline constexpr std::size_t max_critical_search_variables = 3;

// Output
inline constexpr std::size_t max_printed_terms = 5'000'000;  // an answer's printed size (sharing can make it exponential)
inline constexpr std::size_t max_steps_terms = 100'000;      // a steps trace in all; past it, the answer alone
inline constexpr double max_chain_factors = 2000;            // a chain's Leibniz products in all; past it, its value alone
inline constexpr int max_table_rows = 100'000;               // table(E, x = a .. b step s)
inline constexpr long max_sum_terms = 10'000;               // a sum written out term by term (at, approx)
inline constexpr long max_matrix_dimension = 12;            // a declared dimension written out in entries (at n = 3)

}  // namespace ddx
