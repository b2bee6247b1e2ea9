// SPDX-License-Identifier: GPL-3.0-or-later
#include "repl/typed_names.hpp"

#include <cctype>
#include <string>

#include "core/functions.hpp"
#include "eval/procedures.hpp"

namespace ddx {

std::vector<std::string_view> formula_words(std::string_view text) {
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); };
  auto part = [&](char c) { return letter(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'; };
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < text.size();) {
    bool after_digit = i > 0 && (std::isdigit(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '.');
    bool exponent = after_digit && (text[i] == 'e' || text[i] == 'E') && i + 1 < text.size() &&
                    (std::isdigit(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '-' || text[i + 1] == '+');
    if (!letter(text[i]) || exponent) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && part(text[i])) ++i;
    words.push_back(text.substr(start, i - start));
  }
  return words;
}

std::vector<Expr> typed_names(std::string_view statement) {
  std::vector<Expr> names;
  for (std::string_view word : formula_words(statement)) {
    std::optional<FunctionId> f = find_function(word);
    bool builtin = f && !function_info(*f).abstract;  // (an abstract f's LaTeX is its name's)
    if (!builtin && !eval::find_procedure(word)) names.push_back(sym(std::string(word)));
  }
  return names;
}

}  // namespace ddx
