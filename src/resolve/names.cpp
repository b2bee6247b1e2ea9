// SPDX-License-Identifier: GPL-3.0-or-later
// The names of the input language (see names.hpp).
#include "resolve/names.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/functions.hpp"
#include "core/greek.hpp"
#include "resolve/scope.hpp"
#include "support/by_name.hpp"

namespace ddx::resolve {


// A Greek letter's name, except pi (the constant).
bool is_greek(std::string_view w) { return w != "pi" && !greek_letter(w).empty(); }

// Other spellings of built-in functions that mean exactly the same function.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> function_aliases = {{
    {"ln", "log"},       {"arcsin", "asin"},  {"arccos", "acos"},   {"arctan", "atan"},   {"arsinh", "asinh"},
    {"arcosh", "acosh"}, {"artanh", "atanh"}, {"arcsinh", "asinh"}, {"arccosh", "acosh"}, {"arctanh", "atanh"},
}};

// Operations other systems have and ddx does not: naming one is an error that says so, never an
// abstract function echoed back as if it were an answer (and never split into letters).
constexpr std::array<std::string_view, 25> foreign_names = {
    "integrate", "integral", "int",        "antiderivative", "limit",     "lim",       "solve",
    "dsolve",    "nsolve",   "fsolve",     "roots",          "derivative", "Derivative", "factorial",
    "Integrate", "Limit",    "Solve",      "gcd",            "lcm",       "mod",       "floor",
    "ceil",      "round",    "binomial",   "erf"};

// Operations ddx does not have yet but will: an error that says so rather than an abstract
// function (a row leaves this list when its procedure lands).
constexpr std::array<std::string_view, 9> planned_names = {
    "prod", "product", "det", "inv", "tr", "transpose", "norm", "logdet", "softmax"};

// Other notations' names for functions ddx has (Russian and older European textbooks, Spanish
// and Portuguese ones; other systems' names for what ddx writes with its own functions, which
// were unknown functions echoed back: d/dx coth(x) was coth'(x)): the name, what it means, and
// how ddx writes it.
struct OtherNotation {
  std::string_view name, meaning, written;
};
constexpr std::array<OtherNotation, 33> other_notations = {{
    {"coth", "the hyperbolic cotangent", "1/tanh(x)"},  {"sech", "the hyperbolic secant", "1/cosh(x)"},
    {"csch", "the hyperbolic cosecant", "1/sinh(x)"},   {"acot", "the inverse cotangent", "atan(1/x) or pi/2 - atan(x) (conventions differ)"},
    {"asec", "the inverse secant", "acos(1/x)"},        {"acsc", "the inverse cosecant", "asin(1/x)"},
    {"acoth", "the inverse hyperbolic cotangent", "atanh(1/x)"}, {"asech", "the inverse hyperbolic secant", "acosh(1/x)"},
    {"acsch", "the inverse hyperbolic cosecant", "asinh(1/x)"},  {"log1p", "log(1 + x) in other systems", "log(1 + x)"},
    {"expm1", "e^x - 1 in other systems", "e^x - 1"},   {"cbrt", "the real cube root", "sign(x) abs(x)^(1/3)"},
    {"pow", "a power in other systems", "x^y"},         {"atan2", "the angle of the point (x, y)", "atan(y/x) where x > 0"},
    {"hypot", "sqrt(x^2 + y^2) in other systems", "sqrt(x^2 + y^2)"}, {"signum", "sign in other systems", "sign(x)"},
    {"sgn", "sign in other systems", "sign(x)"},
    {"tg", "tan", "tan(x)"},          {"ctg", "cot", "cot(x)"},         {"cotg", "cot", "cot(x)"},
    {"cosec", "csc", "csc(x)"},       {"sen", "sin", "sin(x)"},         {"sh", "sinh", "sinh(x)"},
    {"ch", "cosh", "cosh(x)"},        {"th", "tanh", "tanh(x)"},        {"tgh", "tanh", "tanh(x)"},
    {"cth", "coth", "1/tanh(x)"},     {"arctg", "atan", "atan(x)"},     {"arsh", "asinh", "asinh(x)"},
    {"arch", "acosh", "acosh(x)"},    {"arth", "atanh", "atanh(x)"},
    {"lg", "log_10 in some notations and log_2 in others", "log_10(x) or log_2(x)"},
}};

std::optional<std::string> other_notation_message(std::string_view w) {
  for (const OtherNotation& other : other_notations)
    if (w == other.name) {
      std::string meaning(other.meaning);
      if (meaning.find(' ') == std::string::npos) meaning += " in some notations";
      std::string message = "'" + std::string(w) + "' is " + meaning + ": write " + std::string(other.written);
      if (w.size() > 3) return message;  // (a longer run of letters is no product: it is unknown)
      message += ", or";
      for (char letter : w) message += std::string(" ") + letter;
      return message + " for the product of letters";
    }
  return std::nullopt;
}

std::optional<std::string> other_constant_message(std::string_view w) {
  // (C's and many a language's PI: read as P times I, the answer was a formula in them where a
  // number was meant)
  if (!is_other_constant(w)) return std::nullopt;
  return "'" + std::string(w) + "' is pi in other systems: write pi (or π), or " + w[0] + " " + w[1] +
         " for the product of letters";
}

std::optional<std::string_view> builtin_name(std::string_view w) {
  for (const auto& [alias, name] : function_aliases)
    if (w == alias) {
      if (find_function(name)) return name;
      return std::nullopt;
    }
  if (auto f = find_function(w); f && !function_info(*f).abstract) return std::string_view(function_info(*f).name);
  return std::nullopt;
}

bool is_planned_name(std::string_view w) {
  return std::find(planned_names.begin(), planned_names.end(), w) != planned_names.end();
}

bool is_foreign_name(std::string_view w) {
  return std::find(foreign_names.begin(), foreign_names.end(), w) != foreign_names.end();
}
std::string_view log_base(std::string_view w) {
  if (w.size() > 4 && w.starts_with("log_")) return w.substr(4);
  return {};
}

bool is_fgh_name(std::string_view w) {
  if (w.empty() || (w[0] != 'f' && w[0] != 'g' && w[0] != 'h')) return false;
  if (w.size() == 1) return true;
  std::string_view rest = w.substr(1);
  if (std::all_of(rest.begin(), rest.end(), is_digit)) return true;
  return rest.size() >= 2 && rest[0] == '_' && std::all_of(rest.begin() + 1, rest.end(), is_alnum);
}

std::string function_prefix(std::string_view w) {
  std::string best;
  for (const std::string& name : builtin_function_names())
    if (w.size() > name.size() && w.starts_with(name) && name.size() > best.size()) best = name;
  if (best.empty() && w.size() > 2 && w.starts_with("ln")) best = "ln";
  return best;
}

std::string function_suffix(std::string_view w) {
  std::string best;
  for (const std::string& name : builtin_function_names())
    if (w.size() > name.size() && w.ends_with(name) && name.size() > best.size()) best = name;
  // (and their other spellings: xarctan was xarc tan(...), arctan's tan)
  for (const auto& [alias, name] : function_aliases)
    if (w.size() > alias.size() && w.ends_with(alias) && alias.size() > best.size()) best = alias;
  if (best.empty()) return best;
  std::string_view head = w.substr(0, w.size() - best.size());
  // (a name with its digits before it too: x1sin(x) was an unknown function x1sin)
  return std::all_of(head.begin(), head.end(), is_letter) || is_identifier(head) ? best : std::string();
}

std::vector<std::string_view> split_run(std::string_view w) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  // A run that begins with a Greek letter's name and its digits begins with that name: beta1x is
  // beta1 x, as x1x is x1 x (it was b e t a1 x, refused). Only at the start: in xeta2 the letters
  // could be x e t a2 as well as x eta2.
  for (std::size_t letters = 2; letters + 1 < w.size() && letters <= 7; ++letters)
    if (is_greek(w.substr(0, letters)) && is_digit(w[letters])) {
      i = letters;
      while (i < w.size() && is_digit(w[i])) ++i;
      parts.push_back(w.substr(0, i));
      break;
    }
  while (i < w.size()) {
    std::size_t start = i++;
    if (i < w.size() && is_digit(w[i])) {
      while (i < w.size() && is_digit(w[i])) ++i;
    } else if (i + 1 < w.size() && w[i] == '_' && is_alnum(w[i + 1])) {
      ++i;
      while (i < w.size() && is_alnum(w[i])) ++i;
    }
    parts.push_back(w.substr(start, i - start));
  }
  return parts;
}

namespace {
// What may follow a letter in a name: digits (x1, w12), or `_` and letters or digits (x_1, x_ab).
bool is_name_index(std::string_view rest) {
  if (std::all_of(rest.begin(), rest.end(), is_digit)) return true;
  if (rest.size() < 2 || rest[0] != '_' || !std::all_of(rest.begin() + 1, rest.end(), is_alnum)) return false;
  // An index of digits and then letters is none: x_1sin(x) was the name x_1sin times x, and x_1x
  // a name whose derivative by x is 0 (word_parts asks which is meant).
  return !is_digit(rest[1]) || std::all_of(rest.begin() + 1, rest.end(), is_digit);
}
}  // namespace

bool is_identifier(std::string_view w) {
  if (w.empty() || !is_letter(w[0])) return false;
  if (is_name_index(w.substr(1))) return true;
  if (w == "pi" || is_greek(w)) return true;
  // A Greek letter is a letter too, with its index: theta1, beta_0, eta_t (θ1 was θ·1, eta_1 was
  // e·a_1·t).
  for (std::size_t letters = 2; letters < w.size(); ++letters)
    if (is_greek(w.substr(0, letters)) && is_name_index(w.substr(letters))) return true;
  return false;
}

namespace {

// The facts of the words last asked about, one per slot by the hash of the word, for words of up
// to 16 characters (nearly all): a hit compares two words of memory where the map below hashes
// into a bucket and compares strings. The resolver asks about each word of a statement several
// times. (A word's facts depend on the word alone, so an entry never goes stale.)
class RecentWords {
 public:
  static constexpr std::size_t longest = 16;
  const WordFacts* find(std::string_view w, std::size_t hash) const {
    const Entry& e = slots_[hash % slots_.size()];
    Key k = key_of(w);
    return e.size == w.size() && e.key == k ? &e.facts : nullptr;
  }
  void remember(std::string_view w, std::size_t hash, const WordFacts& facts) {
    slots_[hash % slots_.size()] = {key_of(w), w.size(), facts};
  }

 private:
  using Key = std::array<std::uint64_t, 2>;
  static Key key_of(std::string_view w) {  // w.size() <= longest; the rest zero
    Key k{};
    std::memcpy(k.data(), w.data(), w.size());
    return k;
  }
  struct Entry {
    Key key{};
    std::size_t size = 0;  // 0: empty (the empty word is never cached)
    WordFacts facts;
  };
  std::array<Entry, 1024> slots_{};
};

WordFacts facts_of(std::string_view w) {
  static ByName<WordFacts> known;
  if (auto it = known.find(w); it != known.end()) return it->second;
  if (known.size() >= 100'000) known.clear();  // a bound for a session of ever new names
  WordFacts f;
  f.foreign = is_foreign_name(w);
  f.planned = is_planned_name(w);
  std::optional<std::string_view> builtin = builtin_name(w);
  bool const log_b = !log_base(w).empty();
  f.function = builtin.has_value() || log_b;
  f.identifier = is_identifier(w);
  if (builtin && !log_b) f.builtin = find_function(*builtin);
  return known.emplace(std::string(w), f).first->second;
}

}  // namespace

WordFacts word_facts(std::string_view w) {
  if (w.empty() || w.size() > RecentWords::longest) return facts_of(w);
  static RecentWords recent;
  std::size_t hash = name_hash(w);
  if (const WordFacts* f = recent.find(w, hash)) return *f;
  WordFacts f = facts_of(w);
  recent.remember(w, hash, f);
  return f;
}

bool is_reserved(std::string_view w, const Scope& scope) {
  return w == "e" || w == "pi" || w == "ans" || builtin_name(w).has_value() || scope.is_procedure(w) ||
         is_foreign_name(w) || is_planned_name(w);
}

std::string undefined_leibniz_message(std::string_view name, std::string_view var) {
  std::string n(name), v(var);
  // (de/dx suggested defining e, which cannot be)
  if (n == "e" || n == "pi")
    return "'" + n + "' is a constant, whose derivative is 0; to differentiate an expression write d/d" + v + " EXPR";
  return "'" + n + "' is not defined; define it first (e.g. " + n + " = " + v + "^2) or differentiate an expression: d/d" + v +
         " EXPR";
}

}  // namespace ddx::resolve
