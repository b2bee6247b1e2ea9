// SPDX-License-Identifier: GPL-3.0-or-later
// The names of the input language: which words are functions (and their other spellings),
// Greek letters, identifiers, names of operations ddx does not have, and how a run of letters
// splits into identifiers (`4xy` = 4·x·y, `x3x4` = x3·x4).
#pragma once

#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.hpp"

namespace ddx::resolve {

class Scope;

inline bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
inline bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
inline bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool is_greek(std::string_view w);
// The built-in function a word names (`ln` -> log, `arcsin` -> asin), or nullopt (abstract
// functions are not built-in).
std::optional<std::string_view> builtin_name(std::string_view w);
// An operation of other systems that ddx does not have (`integrate`, `limit`, `solve`, ...).
bool is_foreign_name(std::string_view w);
// An operation ddx does not have yet (`sum`, `det`, ...): refused as such, never an abstract f.
bool is_planned_name(std::string_view w);
// Another notation's name for a function ddx spells otherwise (`tg`, `sh`, `cosec`, `arctg`,
// `lg`): the message that says how ddx writes it, or nullopt. Such a name is never an abstract
// function, nor, before a factor (`tg x`), a product of letters.
std::optional<std::string> other_notation_message(std::string_view w);
// Other systems' name of pi, `PI`, and how ddx writes it (else nullopt). (`Pi` is ddx's spelling
// of the capital letter Π.)
inline bool is_other_constant(std::string_view w) { return w == "PI"; }
std::optional<std::string> other_constant_message(std::string_view w);
// `log_2`, `log_a`: the base part, or empty.
std::string_view log_base(std::string_view w);
// f, g, h with an optional index: f1, f_2, g_u (always calls, never products).
bool is_fgh_name(std::string_view w);
// Longest built-in function name that `w` starts with (for the `sinx` hint), or empty.
std::string function_prefix(std::string_view w);
// Longest built-in function name that `w` ends with after a run of letters (`xsin` -> sin), or empty.
std::string function_suffix(std::string_view w);
// Letter runs split into identifiers: x3x4 -> x3, x4; w_11y -> w_11y (a subscript takes letters too).
std::vector<std::string_view> split_run(std::string_view w);

// A plain identifier ddx accepts as a variable name (x, x1, x_1, w_11, alpha).
bool is_identifier(std::string_view name);

// What a word is to the language itself, whatever a session defines: the tests above, taken once
// per distinct word and kept (the resolver asks them of every word of every statement).
struct WordFacts {
  bool foreign = false;     // is_foreign_name
  bool planned = false;     // is_planned_name
  bool function = false;    // builtin_name or log_base: a built-in function (log_2 too)
  bool identifier = false;  // is_identifier
  std::optional<FunctionId> builtin;  // the built-in function builtin_name gives, unless a log_b
};
WordFacts word_facts(std::string_view w);
// A name that can never be defined: e, pi, ans, function and procedure names, other systems'
// operations.
bool is_reserved(std::string_view name, const Scope& scope);
// The error for dy/dx when y is not defined (resolving it, or evaluating a procedure's argument
// kept as written).
std::string undefined_leibniz_message(std::string_view name, std::string_view var);

}  // namespace ddx::resolve
