// SPDX-License-Identifier: GPL-3.0-or-later
// The LaTeX-name table behind Tab completion (see latex_names.hpp).
#include "repl/latex_names.hpp"

#include <utility>

#include "core/greek.hpp"

namespace ddx {
namespace {

// The LaTeX names that are not Greek letters; every symbol is one grammar/utf8.cpp accepts.
constexpr std::pair<std::string_view, std::string_view> k_operators[] = {
    {"\\partial", "∂"}, {"\\cdot", "·"}, {"\\times", "×"}, {"\\sqrt", "√"}, {"\\varepsilon", "ε"},
};

}  // namespace

const char* latex_symbol(std::string_view name) {
  for (const auto& [latex, symbol] : k_operators)
    if (name == latex) return symbol.data();
  if (name.starts_with("\\"))
    if (std::string_view letter = greek_letter(name.substr(1)); !letter.empty()) return letter.data();
  return nullptr;
}

std::vector<std::string> latex_symbol_names() {
  std::vector<std::string> out;
  for (const auto& [latex, symbol] : k_operators) out.emplace_back(latex);
  for (const GreekLetter& g : greek_letters) out.push_back("\\" + std::string(g.name));
  return out;
}

}  // namespace ddx
