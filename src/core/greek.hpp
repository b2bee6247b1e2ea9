// SPDX-License-Identifier: GPL-3.0-or-later
// The one table of Greek letters: how each is spelt in ASCII input and names (`alpha`), written
// in Unicode (`α`) and typed (U+03B1). The reader, the printers and Tab completion all use it.
#pragma once

#include <array>
#include <string_view>

namespace ddx {

struct GreekLetter {
  std::string_view name;    // the identifier: alpha (LaTeX: \alpha)
  std::string_view letter;  // UTF-8
  char32_t code;
};

// Lower case, alphabetical by code point (π is a Greek letter too: the constant pi), then the
// capitals that look unlike Latin ones (Δx, Σ, Ω are names; Π is not the constant).
inline constexpr std::array<GreekLetter, 35> greek_letters{{
    {"alpha", "α", 0x03B1},   {"beta", "β", 0x03B2},  {"gamma", "γ", 0x03B3},   {"delta", "δ", 0x03B4},
    {"epsilon", "ε", 0x03B5}, {"zeta", "ζ", 0x03B6},  {"eta", "η", 0x03B7},     {"theta", "θ", 0x03B8},
    {"iota", "ι", 0x03B9},    {"kappa", "κ", 0x03BA}, {"lambda", "λ", 0x03BB},  {"mu", "μ", 0x03BC},
    {"nu", "ν", 0x03BD},      {"xi", "ξ", 0x03BE},    {"omicron", "ο", 0x03BF}, {"pi", "π", 0x03C0},
    {"rho", "ρ", 0x03C1},     {"sigma", "σ", 0x03C3}, {"tau", "τ", 0x03C4},     {"upsilon", "υ", 0x03C5},
    {"phi", "φ", 0x03C6},     {"chi", "χ", 0x03C7},   {"psi", "ψ", 0x03C8},     {"omega", "ω", 0x03C9},
    {"Gamma", "Γ", 0x0393},   {"Delta", "Δ", 0x0394}, {"Theta", "Θ", 0x0398},   {"Lambda", "Λ", 0x039B},
    {"Xi", "Ξ", 0x039E},      {"Pi", "Π", 0x03A0},    {"Sigma", "Σ", 0x03A3},   {"Upsilon", "Υ", 0x03A5},
    {"Phi", "Φ", 0x03A6},     {"Psi", "Ψ", 0x03A8},   {"Omega", "Ω", 0x03A9},
}};

// Other code points read as one of the letters: final ς, ϑ, ϕ, ϵ and the micro sign µ.
inline constexpr std::array<std::pair<char32_t, std::string_view>, 5> greek_variants{{
    {0x03C2, "sigma"}, {0x03D1, "theta"}, {0x03D5, "phi"}, {0x03F5, "epsilon"}, {0x00B5, "mu"},
}};

// The letter spelt `name` (alpha -> α), or empty.
constexpr std::string_view greek_letter(std::string_view name) {
  for (const GreekLetter& g : greek_letters)
    if (g.name == name) return g.letter;
  return {};
}

// The name of a typed Greek code point (U+03B1 -> alpha, ϑ -> theta), or empty.
constexpr std::string_view greek_name(char32_t code) {
  for (const GreekLetter& g : greek_letters)
    if (g.code == code) return g.name;
  for (const auto& [variant, name] : greek_variants)
    if (variant == code) return name;
  return {};
}

}  // namespace ddx
