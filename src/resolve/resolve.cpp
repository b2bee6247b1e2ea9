// SPDX-License-Identifier: GPL-3.0-or-later
// Statements, names, products and calls (see resolve.hpp). The grammar knows no function names;
// this is where names meet the function table and the session's definitions.
#include "resolve/resolve.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <span>
#include <unordered_map>

#include <boost/container/small_vector.hpp>

#include "core/corner_sign.hpp"
#include "core/decimal_answer.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/greek.hpp"
#include "core/limits.hpp"
#include "core/substitute.hpp"
#include "resolve/names.hpp"
#include "resolve/resolver.hpp"

namespace ddx::resolve {
namespace {

SourceSpan sub_span(SourceSpan whole, std::size_t offset, std::size_t length) {
  return SourceSpan{static_cast<std::uint32_t>(whole.begin + offset), static_cast<std::uint32_t>(whole.begin + offset + length)};
}

// Longest run of unknown letters that still splits into factors (`abc` = a·b·c); a longer one is
// far more likely a name ddx does not know (`loss`, `backprop`) than a product.
constexpr std::size_t max_split_factors = 3;

std::string foreign_message(std::string_view w) {
  return "'" + std::string(w) + "' is not a ddx function: ddx differentiates; see :help functions";
}

std::string planned_message(std::string_view w) {
  return "'" + std::string(w) + "' is not supported yet in this version of ddx";
}

bool all_values(const std::vector<Term>& terms) {
  return std::all_of(terms.begin(), terms.end(), [](const Term& t) { return t.is_value(); });
}

// A one-factor list, the factor moved in (a braced list would copy it).
std::vector<Term> just(Term t) {
  std::vector<Term> one;
  one.push_back(std::move(t));
  return one;
}

Term composite(TermKind kind, std::vector<Term> children, std::string ops, SourceSpan span) {
  Term t;
  t.kind = kind;
  t.span = span;
  t.children = std::move(children);
  t.ops = std::move(ops);
  return t;
}

// `x.5`, `1.5.2`, `log_2.5(x)`: a number that begins with its point, right after a name, a
// number or a bracket with no space, was read as a product (0.5x, 0.3, log_2 of 0.5x), where a
// point too many or a decimal base was meant as often. The factor's leaf that is such a number,
// or null.
const Node* glued_decimal_point(const Node& before, const Node& factor) {
  const Node* leaf = &factor;
  while (leaf->kind == NodeKind::Pow) leaf = &leaf->children[0];
  bool const glued = leaf->kind == NodeKind::Number && leaf->text.starts_with(".") && before.span.end == leaf->span.begin;
  return glued ? leaf : nullptr;
}

// `0x10`, `0b101`: a number in another base, read as 0 times the name x10 (so 0). The factor k
// of the product when it is such a name glued to a 0 before it.
bool base_prefix_glued(const Node& product, std::size_t k) {
  if (k == 0 || product.op_before(k) != ' ') return false;
  const Node& zero = product.children[k - 1];
  const Node& word = product.children[k];
  if (zero.kind != NodeKind::Number || zero.text != "0" || word.kind != NodeKind::Word || zero.span.end != word.span.begin)
    return false;
  std::string_view const w = word.text;
  return w.size() >= 2 && std::string_view("xXbBoO").find(w[0]) != std::string_view::npos &&
         std::all_of(w.begin() + 1, w.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// `1/θα`, `1/xπ`: a Greek letter is a word of its own, and so a factor of its own, but written
// against a divisor that is a word, with no space, it reads as `1/ab` does (refused: 1/(ab) and
// b/a are both common). Whether the product's factor k is such a divisor.
// So is a power, a call or a bracket written against what follows it (`1/x^2(x+1)` was
// (x + 1)/x^2 where `1/x(x+1)` is refused, `a/b^2c` was a c/b^2, `1/(x+1)(x-1)` (x - 1)/(x + 1)).
// A number before it is no such divisor: `1/2x` is x/2, as the language says; but one before a
// Greek letter or pi is (`1/2π` was π/2, where 1/(2π) is what nearly everyone means by it).
// A factor as a message may quote it: x, 2, x^2, sin(...), (...).
std::string written_simply(const Node& n) {
  switch (n.kind) {
    case NodeKind::Word:
    case NodeKind::Number: return n.text.str();
    case NodeKind::Pow: return written_simply(n.children[0]) + "^" + written_simply(n.children[1]);
    case NodeKind::Apply: return n.text + "(...)";
    default: return "(...)";
  }
}

bool divisor_glued_to_a_word(const Node& product, std::size_t k) {
  if (k == 0 || k + 1 >= product.children.size() || product.op_before(k) != '/' || product.op_before(k + 1) != ' ')
    return false;
  const Node& divisor = product.children[k];
  const Node& next = product.children[k + 1];
  const Node* letter = &next;  // (or the base of its power: 1/2α^2)
  while (letter->kind == NodeKind::Pow) letter = &letter->children[0];
  // (a constant or a Greek letter after a number is read as one quantity, 2π, as often as not:
  // 1/2e was e/2, where 1/2π is refused)
  bool const greek_after_number = divisor.kind == NodeKind::Number && letter->kind == NodeKind::Word &&
                                  (letter->text == "pi" || letter->text == "e" || is_greek(letter->text.str()));
  bool const divisor_written = divisor.kind == NodeKind::Word || divisor.kind == NodeKind::Pow ||
                               divisor.kind == NodeKind::Apply || divisor.kind == NodeKind::Group || greek_after_number;
  bool const next_written = next.kind == NodeKind::Word || next.kind == NodeKind::Group || next.kind == NodeKind::Apply ||
                            next.kind == NodeKind::Pow;
  return divisor_written && next_written && divisor.span.end == next.span.begin;
}

}  // namespace

Expr value_of(const Term& t) { return t.expr; }

// values[0] ops[1] values[1] ...: the sum, each value negated where its operator is '-'.
Expr signed_sum(std::vector<Expr> values, const std::string& ops) {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (ops[i] == '-') values[i] = -values[i];
  return add(std::move(values));
}

Term sum_of(std::vector<Term> terms, std::string ops, SourceSpan span) {
  if (!all_values(terms)) return composite(TermKind::Sum, std::move(terms), std::move(ops), span);
  std::vector<Expr> values;
  values.reserve(terms.size());
  for (const Term& t : terms) values.push_back(t.expr);
  return Term::value(signed_sum(std::move(values), ops), span);
}

Term juxtaposed(std::vector<Term> factors, SourceSpan span) {
  std::string ops(factors.size(), ' ');
  return product_of(std::move(factors), std::move(ops), span);
}

// All factors go to one n-ary mul(), so that a printed product `3 (a) (b)` reads back as the
// same node (mul distributes a number over a lone sum, so pairwise folding could differ).
Term product_of(std::vector<Term> factors, std::string ops, SourceSpan span) {
  if (factors.size() == 1 && ops[0] == ' ') return std::move(factors[0]);
  if (!all_values(factors)) return composite(TermKind::Product, std::move(factors), std::move(ops), span);
  std::vector<Expr> parts;
  parts.reserve(factors.size());
  for (std::size_t i = 0; i < factors.size(); ++i)
    parts.push_back(ops[i] == '/' ? pow(factors[i].expr, Expr(-1)) : factors[i].expr);
  return Term::value(mul(std::move(parts)), span);
}

Term power_of(Term base, Term exponent, SourceSpan span) {
  if (base.is_value() && exponent.is_value()) return Term::value(pow(base.expr, exponent.expr), span);
  std::vector<Term> children;
  children.push_back(std::move(base));
  children.push_back(std::move(exponent));
  return composite(TermKind::Power, std::move(children), "", span);
}

Term negated(Term t, SourceSpan span) {
  if (t.is_value()) return Term::value(-t.expr, span);
  std::vector<Term> children;
  children.push_back(std::move(t));
  return composite(TermKind::Negate, std::move(children), "", span);
}

Term Resolver::term(const Node& n) {
  try {
    return term_unguarded(n);
  } catch (const MathError& e) {
    throw ResolveError{n.span, e.what()};
  } catch (const LimitError& e) {
    throw ResolveError{n.span, e.what()};
  }
}

// A word that stands for its own symbol whatever surrounds it: an identifier that is nothing
// else (not defined, not a function, constant, procedure or reserved word).
bool Resolver::plain_word(std::string_view w) const {
  if (w == "ans" || w == "e" || w == "pi" || is_other_constant(w)) return false;
  const WordFacts facts = word_facts(w);
  if (!facts.identifier || facts.foreign || facts.planned || facts.function) return false;
  return !is_variable(w) && !function(w) && !scope_.is_procedure(w);
}

// The value of what reads as nothing but a value: numbers, plain words, and sums, products (`*`,
// `/`, juxtaposition), powers, brackets, signs and built-in functions of such, built directly,
// as the general reading below would build them, without its lists of terms. Most of a long
// formula is such. nullopt for anything else (a function word to apply, a run of letters to
// split, a definition, a sign before a factor, a bracketed divisor, ...), and when building
// fails, so that the general reading reports the error from its own place. A node found not
// plain is remembered, so the general reading below it does not try again: linear however deep.
std::optional<Expr> Resolver::plain_value(const Node& n) {
  if (!not_plain_.empty() && not_plain_.contains(&n)) return std::nullopt;
  std::size_t const asks_before = plain_asks_++;
  std::optional<Expr> v;
  try {
    v = plain_value_unguarded(n);
  } catch (const MathError&) {
  } catch (const LimitError&) {
  }
  // Only a refusal that looked below the node is remembered: one made at once (a leaf, a call of
  // no built-in function, the `diff(` of every line) costs less to make again than to remember.
  bool looked_below = plain_asks_ > asks_before + 1;
  if (!v && looked_below) not_plain_.insert(&n);
  return v;
}

namespace {

// A factor that is a number, or a signed one (`-1`): the number, else null.
const Node* number_factor(const Node& factor) {
  const Node* n = &factor;
  while (n->kind == NodeKind::Neg) n = &n->children[0];
  return n->kind == NodeKind::Number ? n : nullptr;
}

// The number a factor ends with as written, signs and exponents included (`-1`, `x^2`, `10^-3`),
// and the one it begins with (`3^2`): else null. (A function word's power, the 2 of `sin^2 2x`,
// is none: its argument follows; nor is a superscript, the 2 of `x² 3`, whose digits cannot join
// a 3 written on the line: its span in the line as typed is longer than its digits.)
const Node* number_at_end(const Node& factor) {
  const Node* n = &factor;
  while (n->kind == NodeKind::Neg || n->kind == NodeKind::Pow) {
    if (n->kind == NodeKind::Pow && n->children[0].kind == NodeKind::Word &&
        (word_facts(n->children[0].text).function || !log_base(n->children[0].text).empty()))
      return nullptr;
    n = &n->children.back();
  }
  if (n->kind != NodeKind::Number || n->span.end - n->span.begin != n->text.size()) return nullptr;
  return n;
}
const Node* number_at_start(const Node& factor) {
  const Node* n = &factor;
  while (n->kind == NodeKind::Pow) n = &n->children[0];
  return n->kind == NodeKind::Number ? n : nullptr;
}

// A name that ends with digits written on the line (`x_1`, `x1`, `w_12`): `x_1 2` is x_1·2, or
// x_12 as spaces change nothing? Else null. (A function's, log_2 of `log_2 8`, is followed by
// its argument.)
const Node* index_at_end(const Node& factor) {
  bool const digit_last = factor.kind == NodeKind::Word && !factor.text.empty() && is_digit(factor.text.back()) &&
                          factor.span.end - factor.span.begin == factor.text.size() &&
                          !word_facts(factor.text).function && log_base(factor.text).empty();
  return digit_last ? &factor : nullptr;
}

// The product's factor k begins with a number juxtaposed to a number the factor before it ends
// with: `1 000`, `2 3`, `-1 000`, and through a power, where the digits may join as well
// (`10^1 000` is 10^1000 or 10·0; `x^2 3`, `2 3^2`).
bool numbers_side_by_side(const Node& product, std::size_t k) {
  return product.op_before(k) == ' ' && number_at_start(product.children[k]) &&
         (number_at_end(product.children[k - 1]) || index_at_end(product.children[k - 1]));
}

// Digits alone, as an exponent of scientific notation is written (not 0.5, nor 1e3).
bool is_whole_number_text(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Where `e` is the e (or E) of `1e 3` or `1.5e -3`, a letter e right after the digits
// `digits_before` ends with, as in the scientific notation 1e3: those digits. Else null. (Whether
// a blank parts it from the exponent's digits, the callers ask.)
const Node* exponent_letter_glued(const Node& e, const Node& digits_before) {
  if (e.kind != NodeKind::Word || (e.text != "e" && e.text != "E")) return nullptr;
  const Node* digits = number_at_end(digits_before);
  if (!digits || digits->span.end != e.span.begin || digits->text.find_first_of("eE") != std::string_view::npos) return nullptr;
  return digits;
}

// Where a product's factor k is a number after a blank and the e of exponent_letter_glued (`1e 3`):
// the digits before the e. Else null.
const Node* spaced_exponent(const Node& product, std::size_t k) {
  if (k < 2 || product.op_before(k) != ' ' || product.op_before(k - 1) != ' ') return nullptr;
  const Node& e = product.children[k - 1];
  const Node* digits = exponent_letter_glued(e, product.children[k - 2]);
  if (!digits) return nullptr;
  const Node* number = number_at_start(product.children[k]);
  if (!number || !is_whole_number_text(number->text) || e.span.end == product.children[k].span.begin) return nullptr;
  return digits;
}

void refuse_spaced_exponent(const Node& product, std::size_t k) {
  const Node* digits = spaced_exponent(product, k);
  if (!digits) return;
  const Node& e = product.children[k - 1];
  const Node* number = number_at_start(product.children[k]);
  std::string const mantissa = digits->text.str() + e.text.str();
  throw ResolveError{SourceSpan{digits->span.begin, number->span.end},
                     "'" + mantissa + " " + number->text.str() + "' is ambiguous: write " + mantissa + number->text.str() +
                         " for the number " + digits->text.str() + "·10^" + number->text.str() + ", or " + mantissa + "*" +
                         number->text.str() + " for a product"};
}

// A sum's term k begins with a number right after its sign, and the term before it ends with
// the e of exponent_letter_glued, one blank about the sign: `2e -5`, `2e- 5`.
[[gnu::cold, gnu::noinline]] void refuse_spaced_exponent_sign_apart(const Node& sum, std::size_t k) {
  const Node& before = sum.children[k - 1];
  if (before.kind != NodeKind::Product || before.children.size() < 2 || before.op_before(before.children.size() - 1) != ' ')
    return;
  const Node& e = before.children.back();
  const Node* digits = exponent_letter_glued(e, before.children[before.children.size() - 2]);
  const Node* first = &sum.children[k];
  while (first->kind == NodeKind::Product || first->kind == NodeKind::Pow) first = &first->children[0];
  if (!digits || first->kind != NodeKind::Number || !is_whole_number_text(first->text) ||
      first->span.begin != sum.children[k].span.begin)
    return;
  std::string const mantissa = digits->text.str() + e.text.str(), sign(1, sum.op_before(k)), power = first->text.str();
  throw ResolveError{SourceSpan{digits->span.begin, first->span.end},
                     "'" + mantissa + "' and '" + sign + power + "' one blank apart are ambiguous: write " + mantissa + sign +
                         power + " for the number " + digits->text.str() + "·10^" + (sign == "-" ? "-" : "") + power + ", or " +
                         mantissa + " " + sign + " " + power + " for a " + (sign == "-" ? "difference" : "sum")};
}

// (asked of every term of every sum: the rare case out of line)
inline void refuse_spaced_exponent_sign(const Node& sum, std::size_t k) {
  if (k != 0 && k < sum.children.size() && sum.children[k].span.begin == sum.children[k - 1].span.end + 2)
    refuse_spaced_exponent_sign_apart(sum, k);
}

// The letter d, or a power of it (the d^2 of d^2/d x^2).
bool is_letter_d(const Node& c) {
  const Node& base = c.kind == NodeKind::Pow ? c.children[0] : c;
  return base.kind == NodeKind::Word && base.text == "d";
}

// A first factor a derivative written as a fraction begins with: d, d^2, dy (d and a one-letter
// name), d(...).
bool reads_as_derivative_top(const Node& first) {
  const Node& base = first.kind == NodeKind::Pow ? first.children[0] : first;
  if (base.kind == NodeKind::Apply) return base.text == "d";
  if (base.kind != NodeKind::Word || base.text.str().empty() || base.text.str()[0] != 'd') return false;
  return base.text.size() == 1 || (base.text.size() == 2 && std::isalpha(static_cast<unsigned char>(base.text.str()[1])));
}

// A derivative's denominator written so that it reads otherwise: d and a name apart (`d x`, the
// product of d and x), or in brackets (`(dx)`, `(d x)`: a division by the product d·x).
std::optional<std::string> apart_denominator(const Node& n, std::size_t i) {
  const Node& c = n.children[i];
  if (is_letter_d(c) && i + 1 < n.children.size() && n.op_before(i + 1) == ' ') {
    const Node& next = n.children[i + 1];
    const Node& name = next.kind == NodeKind::Pow ? next.children[0] : next;
    if (name.kind == NodeKind::Word) return "d " + name.text.str();
  }
  if (c.kind == NodeKind::Group) {
    const Node& inner = c.children[0];
    if (inner.kind == NodeKind::Word && inner.text.size() == 2 && inner.text.str()[0] == 'd') return "(" + inner.text.str() + ")";
    if (inner.kind == NodeKind::Product && inner.op_before(1) == ' ' && is_letter_d(inner.children[0]) &&
        inner.children[1].kind == NodeKind::Word)
      return "(d " + inner.children[1].text.str() + ")";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> derivative_denominator_apart(const Node& product, std::size_t i) {
  if (product.op_before(i) != '/' || !reads_as_derivative_top(product.children[0])) return std::nullopt;
  // `d^n/dx^n`: an order that is no number reads as powers of d and of dx; so does one the
  // grammar took for no order (d^0.5/dx^0.5, or past 2^64), which said 'dx' was ambiguous.
  if (const Node& top = product.children[0], &bottom = product.children[i];
      top.kind == NodeKind::Pow && bottom.kind == NodeKind::Pow && bottom.children[0].kind == NodeKind::Word &&
      bottom.children[0].text.size() == 2 && bottom.children[0].text[0] == 'd') {
    std::string const var(bottom.children[0].text.substr(1));
    if (const Node& order = top.children[1]; order.kind == NodeKind::Number && !order.is_float)
      return "derivative order " + order.text.str() + " is beyond the limit of " + std::to_string(max_derivative_order) +
             " (diff(E, " + var + ", N) takes a larger N where E is a polynomial of lower degree)";
    return "a derivative's order must be a positive whole number as written: write d^2/d" + var +
           "^2 for the second derivative, or diff(E, " + var + ", 2)";
  }
  std::optional<std::string> written = apart_denominator(product, i);
  if (!written) return std::nullopt;
  std::string name = *written;  // without the brackets, the space and the d
  std::erase_if(name, [](char ch) { return ch == '(' || ch == ')' || ch == ' '; });
  name.erase(0, 1);
  if (written->front() == '(')
    return "'/" + *written + "' divides by a product with the variable d: write /d" + name +
           " (no brackets) for the derivative, or /(d*" + name + ") for the quotient";
  return "'/" + *written + "' divides by the variable d, then multiplies: write /d" + name +
         " (no space) for the derivative, or /d*" + name + " for the product";
}

// A number as written: a float when it has a point or an exponent, else exact. Read for a check of
// a decimal answer, a decimal is a symbol for the exact number it is written as (decimal_symbols_).
Expr Resolver::number_value(const Node& n) {
  if (!n.is_float) return num(Number::from_integer_text(n.text));
  // `2e1` after e1 = 5: the number 20, or 2 times the name the session gave a value? Ask.
  std::size_t const e = n.text.find_first_of("eE");
  if (e != std::string::npos && e + 1 < n.text.size() && is_digit(n.text[e + 1])) {
    std::string const name(n.text.substr(e)), mantissa(n.text.substr(0, e));
    if (is_variable(name) || function(name))
      throw ResolveError{n.span, "'" + n.text + "' is ambiguous: write " + mantissa + "*" + name + " for a product with the defined " +
                                     name + ", or " + mantissa + name.substr(0, 1) + "+" + name.substr(1) + " for the number"};
  }
  if (!decimal_symbols_) return num(Number::from_double(std::strtod(n.text.str().c_str(), nullptr)));
  Expr exact = num(Number::from_decimal_text(n.text));
  Expr symbol = decimal_symbol(*decimal_symbols_, exact);
  return decimals_read_ == DecimalsRead::Exact || (decimals_read_ == DecimalsRead::ExactPoints && reading_point_) ? exact
                                                                                                                 : symbol;
}

std::optional<Expr> Resolver::plain_value_unguarded(const Node& n) {
  switch (n.kind) {
    case NodeKind::Number: return number_value(n);
    case NodeKind::Word:
      if (!plain_word(n.text)) return std::nullopt;
      return sym(n.text);
    case NodeKind::Group: return plain_value(n.children[0]);
    case NodeKind::Neg: {  // not as a factor of a product (product_factors moves it out)
      std::optional<Expr> v = plain_value(n.children[0]);
      if (!v) return std::nullopt;
      return -*v;
    }
    case NodeKind::Sum: {
      if (read_once(n)) return std::nullopt;  // the general way releases its terms as it reads them
      boost::container::small_vector<Expr, 8> parts;
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        refuse_spaced_exponent_sign(n, i);
        std::optional<Expr> v = plain_value(n.children[i]);
        if (!v) return std::nullopt;
        parts.push_back(n.op_before(i) == '-' ? -*v : *v);
      }
      return add(std::span<const Expr>(parts.data(), parts.size()));
    }
    case NodeKind::Pow: {
      std::optional<std::pair<Expr, Expr>> power = plain_power(n);
      if (!power) return std::nullopt;
      return pow(power->first, power->second);
    }
    case NodeKind::Product: {
      boost::container::small_vector<Expr, 8> parts;
      // One power among the factors that stays as written (the x^k of k x^k) joins the product
      // as its base and exponent, a 1 holding its place, without making the power node (which
      // mul() would only take apart again, and which would stay until a collection).
      std::optional<std::pair<Expr, Expr>> factor_as_is;
      std::size_t factor_at = 0;
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        const Node& c = n.children[i];
        char op = i == 0 ? ' ' : n.op_before(i);
        if (op != ' ' && op != '*' && op != '/') return std::nullopt;
        if (i > 0 && op == ' ' && (glued_decimal_point(n.children[i - 1], c) || numbers_side_by_side(n, i) || spaced_exponent(n, i)))
          return std::nullopt;  // (refused)
        if (power_of_function_name(n, i) || divisor_glued_to_a_word(n, i) || base_prefix_glued(n, i))
          return std::nullopt;  // (refused)
        if (c.kind != NodeKind::Number && c.kind != NodeKind::Word && c.kind != NodeKind::Pow &&
            c.kind != NodeKind::Apply && (c.kind != NodeKind::Group || op == '/'))
          return std::nullopt;  // a sign moves out of the product; a bracketed divisor divides factor by factor
        if (c.kind == NodeKind::Pow && op != '/' && !factor_as_is) {
          std::optional<std::pair<Expr, Expr>> power = plain_power(c);
          if (!power) return std::nullopt;
          if (power_stays_as_written(power->first)) {
            factor_as_is = power;
            factor_at = parts.size();
            parts.push_back(Expr(1));
            continue;
          }
        }
        if (op == '/' && derivative_denominator_apart(n, i)) return std::nullopt;  // (refused)
        std::optional<Expr> v = plain_value(c);
        if (!v || (op == '/' && v->is_zero())) return std::nullopt;
        parts.push_back(op == '/' ? pow(*v, Expr(-1)) : *v);
      }
      std::span<const Expr> operands(parts.data(), parts.size());
      if (!factor_as_is) return mul(operands);
      Expr const base[] = {factor_as_is->first}, exponent[] = {factor_as_is->second};
      return mul_into_run(operands, base, exponent, factor_at);
    }
    case NodeKind::Apply: {  // a built-in function (not log_b) of plain arguments
      std::string_view w = n.text;
      const WordFacts facts = word_facts(w);
      if (!facts.builtin || facts.foreign || facts.planned || w == defining_ || is_variable(w) || scope_.is_procedure(w))
        return std::nullopt;
      FunctionId id = *facts.builtin;
      if (static_cast<int>(n.children.size()) != function_info(id).arity) return std::nullopt;
      std::vector<Expr> args;
      args.reserve(n.children.size());
      for (const Node& c : n.children) {
        std::optional<Expr> v = plain_value(c);
        if (!v) return std::nullopt;
        args.push_back(*v);
      }
      return call(id, std::move(args));
    }
    default: return std::nullopt;
  }
}

std::optional<std::pair<Expr, Expr>> Resolver::plain_power(const Node& n) {
  const Node& base = n.children[0];
  const Node& exponent = n.children[1];
  if (base.kind != NodeKind::Number && base.kind != NodeKind::Word && base.kind != NodeKind::Group &&
      base.kind != NodeKind::Apply)
    return std::nullopt;
  if (exponent.kind == NodeKind::Number && exponent.text.find_first_of("eE") != std::string_view::npos)
    return std::nullopt;  // x^2e-3: ambiguous, refused below
  if (exponent.kind == NodeKind::Product || exponent.kind == NodeKind::Sum) return std::nullopt;  // not as written
  std::optional<Expr> b = plain_value(base);
  if (!b) return std::nullopt;
  std::optional<Expr> x = plain_value(exponent);
  if (!x) return std::nullopt;
  return std::pair{*b, *x};
}

namespace {
bool direct_reading = true;
}  // namespace

void set_direct_reading(bool on) { direct_reading = on; }

Term Resolver::term_unguarded(const Node& n) {
  // (A number is as quick the general way; a bracket's value keeps the span of what it holds.)
  if (direct_reading && n.kind != NodeKind::Number && n.kind != NodeKind::Group)
    if (std::optional<Expr> v = plain_value(n)) return Term::value(*v, n.span);
  switch (n.kind) {
    case NodeKind::Number: return Term::value(number_value(n), n.span);
    case NodeKind::Word: return word(n.text, n.span);
    case NodeKind::Apply: return apply(n);
    case NodeKind::Prime: return prime(n);
    case NodeKind::Neg: return negated(term(n.children[0]), n.span);
    case NodeKind::Sum: {
      std::string ops = n.ops();  // before any child is released
      bool release = read_once(n);
      // While every term read is a value (the usual case), only its value and span are kept: a
      // Term is 248 bytes, and W1's sum of 20,000 terms held 5 MB of them only to add them up.
      std::vector<Expr> values;
      std::vector<SourceSpan> spans;
      std::vector<Term> terms;
      bool all_values = true;
      values.reserve(n.children.size());
      spans.reserve(n.children.size());
      for (const Node& c : n.children) {
        // (the pair of this term and the next, before this one is released)
        refuse_spaced_exponent_sign(n, static_cast<std::size_t>(&c - n.children.begin()) + 1);
        Term t = term(c);
        // The statement's own tree, read once (resolve_releasing): not const, only seen so here.
        if (release) const_cast<Node&>(c) = Node{};
        if (all_values && t.is_value()) {
          values.push_back(t.expr);
          spans.push_back(t.span);
          continue;
        }
        if (all_values) {  // the first term that is no value: the ones before become terms
          all_values = false;
          terms.reserve(n.children.size());
          for (std::size_t i = 0; i < values.size(); ++i) terms.push_back(Term::value(values[i], spans[i]));
        }
        terms.push_back(std::move(t));
      }
      if (!all_values) return sum_of(std::move(terms), std::move(ops), n.span);
      return Term::value(signed_sum(std::move(values), ops), n.span);
    }
    case NodeKind::Product: return product(n);
    case NodeKind::Pow: {
      if (is_function_word(n.children[0]))
        throw ResolveError{n.children[0].span, "'" + n.children[0].text + "' needs an argument: " + n.children[0].text + "^2(x)"};
      return juxtaposed(juxtaposed_factors(n), n.span);
    }
    case NodeKind::Group: return term(n.children[0]);
    case NodeKind::Vector: {
      std::vector<Term> items;
      for (const Node& c : n.children) items.push_back(term(c));
      return composite(TermKind::Vector, std::move(items), "", n.span);
    }
    case NodeKind::DerivOp: return derivative_operator(n);
    case NodeKind::Leibniz: return leibniz(n);
    case NodeKind::Held: return held_partial(n);
    case NodeKind::At: return at(n);
    case NodeKind::Compare: {
      // What each side loses as it is read goes with it (sqrt(x)^2 is x where x >= 0): == asks
      // whether both sides have values at the same points.
      std::vector<Term> sides;
      for (const Node& side : n.children) {
        std::vector<Expr> lost;
        sides.push_back(noting_into(lost, [&] { return term(side); }));
        sides.back().dropped.insert(sides.back().dropped.end(), lost.begin(), lost.end());
      }
      return composite(TermKind::Compare, std::move(sides), "", n.span);
    }
    case NodeKind::Equality: {
      std::vector<Term> sides;
      sides.push_back(term(n.children[0]));
      sides.push_back(term(n.children[1]));
      return composite(TermKind::Equation, std::move(sides), "", n.span);
    }
    case NodeKind::Equation:
      // `xy = 1`, `e = x y`: the left side is no variable name, so this is an equation.
      if (!is_identifier(n.text) || n.text == "e" || n.text == "pi") {
        std::vector<Term> sides;
        sides.push_back(word(n.text, n.name_span));
        sides.push_back(term(n.children[0]));
        return composite(TermKind::Equation, std::move(sides), "", n.span);
      }
      [[fallthrough]];
    case NodeKind::Range: {
      Term t;
      t.kind = n.kind == NodeKind::Equation ? TermKind::Binding : TermKind::Range;
      t.span = n.span;
      t.name = n.text;
      t.name_span = n.name_span;
      for (const Node& c : n.children) t.children.push_back(term(c));
      return t;
    }
  }
  throw ResolveError{n.span, "unsupported expression"};
}

bool Resolver::is_variable(std::string_view w) const { return !hidden_.count(w) && scope_.is_variable(w); }

std::shared_ptr<const std::vector<std::string>> Resolver::called_since(std::size_t before) const {
  if (functions_called_.size() == before) return nullptr;
  return std::make_shared<const std::vector<std::string>>(functions_called_.begin() + static_cast<std::ptrdiff_t>(before),
                                                          functions_called_.end());
}

const FunctionDefinition* Resolver::function(std::string_view w) const {
  const FunctionDefinition* f = scope_.function(w);
  if (f) functions_called_.emplace_back(w);
  return f;
}

namespace {

// A subscript of digits that letters follow (x_1sin, x_1x, v_0t): an index and a product after it,
// or one index? Nothing tells, and no name has such an index: ask. (x_1sin(x) was the name
// x_1sin times x, and d/dx x_1x was 0.)
void refuse_letters_after_index(std::string_view w, SourceSpan span) {
  if (w.starts_with("log_")) return;  // (a base: log_b's own reading says what is wrong with it)
  // The word with a space after each such index (r_0x_1cos: r_0 x_1 cos, not r_0 x_1cos).
  std::string spaced;
  std::size_t written = 0;
  for (std::size_t u = w.find('_'); u != std::string_view::npos; u = w.find('_', u + 1)) {
    std::size_t end = u + 1;
    while (end < w.size() && is_digit(w[end])) ++end;
    if (end == u + 1 || end == w.size() || !is_letter(w[end])) continue;
    spaced += std::string(w.substr(written, end - written)) + " ";
    written = end;
  }
  if (written == 0) return;
  spaced += w.substr(written);
  throw ResolveError{span, "'" + std::string(w) + "' is ambiguous: write " + spaced +
                               ", with a space (an index of digits ends where a letter follows it)"};
}

}  // namespace

// A word as a value: a defined name, a constant, an identifier, or a run of identifiers.
Term Resolver::word(std::string_view w, SourceSpan span) {
  if (std::optional<Term> whole = whole_word(w, span)) return std::move(*whole);  // (no list of one)
  return juxtaposed(run_factors(w, span), span);
}

ResolveError ambiguous_divisor(const Node& divisor) {
  const Node& c = divisor;
  std::string run = c.kind == NodeKind::Apply ? c.text + "(...)" : c.kind == NodeKind::Word ? c.text.str() : "this";
  // A blank between a name and its bracket changes nothing (`x (x+1)` is `x(x+1)`); between
  // letters it ends the divisor (`1/a b` is b/a).
  std::string const apart = c.kind == NodeKind::Apply ? "a '*' after the divisor, as /" + c.text + "*(...)"
                                                       : "a space or '*' after the divisor";
  return ResolveError{c.span, "dividing by " + run + " is ambiguous: write /(" + run +
                                  ") to divide by the whole product, or put " + apart};
}

// The factors a word stands for: one for a name (defined, a constant, an identifier), or the
// identifiers of a short run of letters (`4xy` = 4·x·y, `x3x4` = x3·x4).
std::vector<Term> Resolver::run_factors(std::string_view w, SourceSpan span) {
  if (std::optional<Term> whole = whole_word(w, span)) return just(std::move(*whole));
  std::vector<Term> factors;
  for (WordPart& part : word_parts(w, span)) factors.push_back(std::move(part.term));
  return factors;
}

namespace {

// The parts of a run of letters written apart: "a b c".
std::string spaced(const std::vector<std::string_view>& parts) {
  std::string out;
  for (std::string_view p : parts) out += (out.empty() ? "" : " ") + std::string(p);
  return out;
}

}  // namespace

std::vector<Resolver::WordPart> Resolver::word_parts(std::string_view w, SourceSpan span) {
  if (std::optional<Term> whole = whole_word(w, span)) return {{w, std::move(*whole)}};
  refuse_letters_after_index(w, span);
  std::vector<std::string_view> parts = split_run(w);
  // xln x: x times ln of x, or the letters x l n? (It was x·l·n·x; xsin x, a longer run, is
  // refused as unknown, and xln(x) as a function glued to x.)
  if (std::string f = function_suffix(w); !f.empty() && parts.size() > 1)
    throw ResolveError{span, "'" + std::string(w) + "' is ambiguous: write " + std::string(w.substr(0, w.size() - f.size())) +
                                 " " + f + "(...) for " + f + " of what follows, or " + spaced(parts) + " for single letters"};
  // `dx` is d·x as a run of letters, and the differential dx as ddx prints one (total(x^2 y) is
  // df = 2x y dx + x^2 dy; typed back, 2x y d x + x^2 d y was 3d x^2 y): ask.
  if (parts.size() > 1 && parts.size() <= max_split_factors)
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
      if (parts[i] == "d") {
        throw ResolveError{span, "'" + std::string(w) + "' is ambiguous: write " + spaced(parts) +
                                     " for a product; a differential d" + std::string(parts[i + 1]) +
                                     " is no expression ddx reads (for a derivative write d/d" + std::string(parts[i + 1]) +
                                     ")"};
      }
  // `fx` after f(x) = x^2: f's body times x (x^3), as a defined function named bare reads, or
  // f(x)? `f x` is refused so (refuse_bare_function_before_factor), and the run is written alike.
  if (parts.size() > 1 && parts.size() <= max_split_factors)
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
      if (!is_variable(parts[i]) && !hidden_.count(parts[i]) && function(parts[i])) {
        std::string const f(parts[i]), before = spaced({parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(i)}),
                          after = spaced({parts.begin() + static_cast<std::ptrdiff_t>(i) + 1, parts.end()});
        std::string const lead = before.empty() ? "" : before + " ";
        throw ResolveError{span, "'" + std::string(w) + "' is ambiguous: write " + lead + f + "(" + after + ") to call " + f +
                                     ", or " + lead + f + " * " + after + " for its body times " + after};
      }
  // `pix`, `axi`, `abx` after ab = 5: π·x or p·i·x, a·ξ or a·x·i, ab·x or a·b·x? A reader cannot
  // tell; ask. (A name that is one of the parts, x3 of x3x4, is read so either way.)
  if (parts.size() > 1 && parts.size() <= max_split_factors)
    for (std::size_t at = 0; at < w.size(); ++at)
      for (std::size_t length = 2; at + length <= w.size(); ++length) {
        std::string_view const name = w.substr(at, length);
        bool const greek = name == "pi" || is_greek(name);
        if (!(greek || is_variable(name) || function(name)) || std::find(parts.begin(), parts.end(), name) != parts.end())
          continue;
        // (a name inside one part that is a name itself: beta, eta of beta1 in beta1x)
        if (at + length <= parts.front().size() && is_identifier(parts.front())) continue;
        std::string const apart = spaced(parts);
        std::string const meaning = greek ? std::string(greek_letter(name)) : "the defined " + std::string(name);
        // (pi_2: the name is the head of an indexed name, which it cannot be)
        if (at + length < w.size() && (w[at + length] == '_' || is_digit(w[at + length])))
          throw ResolveError{span, "'" + std::string(w) + "' is ambiguous: write " + apart + " for single letters, or " +
                                       "choose another name (" + std::string(name) + " is " +
                                       (greek ? meaning : std::string("a defined name")) + ", which takes no index)"};
        std::string with_name(w);
        with_name.replace(at, length, " " + std::string(name) + " ");
        while (!with_name.empty() && with_name.front() == ' ') with_name.erase(0, 1);
        while (!with_name.empty() && with_name.back() == ' ') with_name.pop_back();
        throw ResolveError{span, "'" + std::string(w) + "' is ambiguous: write " + with_name + " for " + meaning + " or " +
                                     apart + " for single letters"};
      }
  // A run that does not split (`_` of `x_`) would recurse forever (found by fuzzing).
  if (parts.size() == 1)
    throw ResolveError{span, "unexpected '" + std::string(w) + "' (a subscript needs letters or digits: x_1)"};
  if (parts.size() > max_split_factors) {
    std::string const apart = spaced(parts);
    throw ResolveError{span, "unknown name '" + std::string(w) + "' (define it first" +
                                 (parts.size() <= 6 ? ", or write a product with spaces: " + apart : std::string()) + ")"};
  }
  std::vector<WordPart> factors;
  std::size_t offset = 0;
  for (std::string_view part : parts) {
    for (WordPart& f : word_parts(part, sub_span(span, offset, part.size()))) factors.push_back(std::move(f));
    offset += part.size();
  }
  return factors;
}

// What a word stands for as a whole (`ans`, a defined name, a constant, an identifier), nothing
// when it is a run of letters to split; a word that may be neither is an error here.
std::optional<Term> Resolver::whole_word(std::string_view w, SourceSpan span) {
  if (w == "ans") {
    Term t;
    t.kind = TermKind::Answer;
    t.span = span;
    return t;
  }
  // A defined name stays a symbol: evaluation decides what it stands for (its value, or itself
  // when it is a variable of a derivative).
  if (is_variable(w)) return Term::value(sym(w), span);
  // A defined function named bare means its body over its parameters: after f(x, y) = x^2 y,
  // grad(f) is [2x y, x^2].
  if (const FunctionDefinition* def = function(w); def && !hidden_.count(w)) {
    for (Expr part : def->dropped) note_dropped(part);
    Term body = Term::value(def->body, span);
    body.params = def->params;  // (its own: a session's x = t^2 does not reach them)
    return body;
  }
  if (w == "e") return Term::value(e_const(), span);
  if (w == "pi") return Term::value(pi_const(), span);
  if (std::optional<std::string> message = other_constant_message(w)) throw ResolveError{span, *message};
  const WordFacts facts = word_facts(w);
  if (facts.foreign) throw ResolveError{span, foreign_message(w)};
  if (facts.planned) throw ResolveError{span, planned_message(w)};
  if (facts.function)
    throw ResolveError{span, "'" + std::string(w) + "' is a function: write " + std::string(w) + "(x) or " +
                                 std::string(w) + " x"};
  if (scope_.is_procedure(w)) throw ResolveError{span, "'" + std::string(w) + "' needs its arguments: " + std::string(w) + "(...)"};
  if (facts.identifier) return Term::value(sym(w), span);
  if (w.size() > max_split_factors)  // (a shorter one is its letters unless a factor follows: product_factors)
    if (std::optional<std::string> message = other_notation_message(w)) throw ResolveError{span, *message};
  if (std::string f = function_prefix(w); !f.empty())
    throw ResolveError{span, "unknown name '" + std::string(w) + "'; did you mean '" + f + " " +
                                 std::string(w.substr(f.size())) + "'?"};
  return std::nullopt;
}

namespace {

// The name x_-1 for x_(-1), a family's entry with a negative whole subscript (a sum from a negative
// bound writes them out; x_-1 would read x_ - 1); nullopt for any other call.
std::optional<std::string> negative_entry(const Node& n) {
  std::string_view w = n.text;
  if (w.size() < 2 || !w.ends_with('_') || n.children.size() != 1) return std::nullopt;
  std::string_view family = w.substr(0, w.size() - 1);
  // (a family is one letter or a Greek one, as x_1 and theta_1 read; ab_1 is a b_1)
  if (!(family.size() == 1 && std::isalpha(static_cast<unsigned char>(family[0]))) && !is_greek(family))
    return std::nullopt;
  const Node& minus = n.children[0];
  if (minus.kind != NodeKind::Neg || minus.children.size() != 1) return std::nullopt;
  const Node& k = minus.children[0];
  std::string_view digits = k.text;
  if (k.kind != NodeKind::Number || k.is_float || digits.empty() || digits[0] == '0' ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  return std::string(w) + "-" + std::string(digits);
}

}  // namespace

// The factors a juxtaposed operand stands for, in order. `^` binds tighter than juxtaposition,
// also inside a run of letters and before a bracket, so a power on a run raises its last factor
// only (`ax^2` = a·x², `x(x+1)^2` = x·(x+1)²), and an exponent takes only the first factor of a
// run (`e^x(x+1)` = eˣ·(x+1), `xe^x` = x·eˣ).
std::vector<Term> Resolver::juxtaposed_factors(const Node& n) {
  switch (n.kind) {
    case NodeKind::Word: return run_factors(n.text, n.span);
    case NodeKind::Apply:
      if (std::optional<std::string> entry = negative_entry(n)) return {Term::value(sym(*entry), n.span)};
      if (!apply_is_call(n)) {
        if (n.children.size() != 1) throw ResolveError{n.span, "expected one expression in parentheses"};
        std::vector<Term> factors = run_factors(n.text, n.name_span);
        factors.push_back(term(n.children[0]));
        return factors;
      }
      break;
    case NodeKind::Neg: {  // only in an exponent: x^-ab
      std::vector<Term> factors = juxtaposed_factors(n.children[0]);
      SourceSpan s = factors.front().span;
      factors.front() = negated(std::move(factors.front()), s);
      return factors;
    }
    case NodeKind::Pow: {
      // x^2e-3: the exponent 2e-3 = 0.002, or x^2·e - 3? A reader of paper would say the latter.
      const Node& k = n.children[1];
      if (k.kind == NodeKind::Number && k.text.find_first_of("eE") != std::string::npos)
        throw ResolveError{k.span, "'^" + k.text + "' is ambiguous: write ^(" + k.text + ") for the number, or put a space "
                                   "before e (^" + std::string(k.text.substr(0, k.text.find_first_of("eE"))) + " e...)"};
      std::vector<Term> base = juxtaposed_factors(n.children[0]);
      std::vector<Term> exponent = juxtaposed_factors(n.children[1]);
      base.back() = power_of(std::move(base.back()), std::move(exponent.front()), n.span);
      for (std::size_t i = 1; i < exponent.size(); ++i) base.push_back(std::move(exponent[i]));
      return base;
    }
    default: break;
  }
  return just(term(n));
}

bool Resolver::is_function_word(const Node& n) const {
  // `sin^2 x` and `-sin^2(x)` (unary minus binds looser than ^, tighter than juxtaposition).
  if (n.kind == NodeKind::Pow || n.kind == NodeKind::Neg) return is_function_word(n.children[0]);
  return n.kind == NodeKind::Word && word_facts(n.text).function && !is_variable(n.text);
}

namespace {
// Whether a function word was written `√` (read as sqrt): its span, in the line as typed, is
// the sign's 3 bytes, not the word's 4.
bool written_as_root_sign(const Node& fn) {
  return fn.text == "sqrt" && fn.span.end - fn.span.begin != 4;
}
// Whether a factor is a root drawn as such: `√y`, `√(y)`, `√y^2`.
bool root_sign_factor(const Node& factor) {
  const Node* w = &factor;
  while (w->kind == NodeKind::Neg || w->kind == NodeKind::Pow) w = &w->children[0];
  if (w->kind == NodeKind::Apply) return w->text == "sqrt" && w->name_span.end - w->name_span.begin != 4;
  return w->kind == NodeKind::Word && written_as_root_sign(*w);
}
}  // namespace

// `g^2(3)` for a defined function g, `f^-1(x)` for an abstract f: a power of the value (as
// sin^2(x) is), an iterate g(g(3)), or the inverse function? Such a power was read as the body's
// power times the bracket (3 (x + 1)^2), or f's as a variable's. The power node when the
// product's factor k is one, else null; a defined variable's power before a bracket (`h^2(x)`
// after h = 3) stays a product.
const Node* Resolver::power_of_function_name(const Node& product, std::size_t k) const {
  const Node* power = &product.children[k];
  while (power->kind == NodeKind::Neg) power = &power->children[0];
  if (power->kind != NodeKind::Pow || power->children[0].kind != NodeKind::Word) return nullptr;
  if (k + 1 >= product.children.size() || product.op_before(k + 1) != ' ' || product.children[k + 1].kind != NodeKind::Group)
    return nullptr;
  std::string_view const name = power->children[0].text;
  return !is_variable(name) && (function(name) || is_fgh_name(name)) ? power : nullptr;
}

void Resolver::refuse_power_of_function_name(const Node& product, std::size_t k) const {
  const Node* power = power_of_function_name(product, k);
  if (!power) return;
  const std::string name = power->children[0].text.str();
  const Node& exponent = power->children[1];
  SourceSpan const span{power->span.begin, product.children[k + 1].span.end};
  bool const minus_one = exponent.kind == NodeKind::Neg && exponent.children[0].kind == NodeKind::Number &&
                         exponent.children[0].text == "1";
  if (minus_one)
    throw ResolveError{span, "'" + name + "^-1(...)' is ambiguous: it could mean the inverse function of " + name +
                                 " or 1/" + name + "(...); write 1/" + name + "(...) for the reciprocal"};
  const std::string k_text = exponent.kind == NodeKind::Number ? exponent.text.str() : std::string("k");
  throw ResolveError{span, "'" + name + "^" + k_text + "(...)' is ambiguous: write " + name + "(...)^" + k_text +
                               " for a power of its value, or " + name + "(" + name + "(...)) to apply it again"};
}

// `f 3` after f(x) = x^2: f's body times 3, as a defined function named bare is, or f(3), as
// `sin 3` is? It was 3x^2 without a word (`f 2x` 2x^3, `f^2 3` 3x^4): ask.
void Resolver::refuse_bare_function_before_factor(const Node& product, std::size_t k) const {
  if (k + 1 >= product.children.size() || product.op_before(k + 1) != ' ') return;
  const Node* head = &product.children[k];  // (f, or f^2 of `f^2 3`)
  while (head->kind == NodeKind::Neg) head = &head->children[0];
  const Node& name = head->kind == NodeKind::Pow ? head->children[0] : *head;
  if (name.kind != NodeKind::Word || is_variable(name.text) || !function(name.text) || hidden_.count(name.text.str()))
    return;
  const Node& next = product.children[k + 1];
  std::string const argument = next.kind == NodeKind::Word || next.kind == NodeKind::Number ? next.text.str() : "...";
  std::string const power = head->kind == NodeKind::Pow ? "^" + written_simply(head->children[1]) : "";
  std::string const f = name.text.str(), written = f + power;
  throw ResolveError{SourceSpan{product.children[k].span.begin, next.span.end},
                     "'" + written + " " + argument + "' is ambiguous: write " + f + "(" + argument + ")" + power + " to call " +
                         f + ", or " + written + " * " + argument + " for its body times " + argument};
}

// `cos(x)`, `cos(x)^2`, `-f(x)`, `f'(x)`, `d/dx x^2`: a call or a derivative, which ends the
// argument of a function word before it (sin x cos(x), sin x d/dx x^2). (A factor before a
// bracket, `x(x + 1)`, is no call.)
bool Resolver::starts_with_call(const Node& n) {
  if (n.kind == NodeKind::Pow || n.kind == NodeKind::Neg) return starts_with_call(n.children[0]);
  return n.kind == NodeKind::Prime || n.kind == NodeKind::DerivOp || (n.kind == NodeKind::Apply && apply_is_call(n));
}

namespace {

// k when x is the whole-number base b raised to the whole number k (log_2(8) = 3, log_10(1/1000) =
// -3, as log(e^3) is 3), else nullopt: log_b(x) then stays log(x)/log(b). (Numbers of more than a
// thousand digits are left alone: the divisions would cost more than the answer is worth.)
std::optional<Number> exact_logarithm(const Number& x, const Number& b) {
  if (!x.is_exact() || x.sign() <= 0 || !b.is_integer() || !(Number(1) < b) || x.digits_estimate() > 1000)
    return std::nullopt;
  bool reciprocal = !x.is_integer();
  if (reciprocal && !x.numerator().is_one()) return std::nullopt;
  Number n = reciprocal ? x.denominator() : x;
  long long k = 0;
  while (!n.is_one()) {
    Number q = n / b;
    if (!q.is_integer()) return std::nullopt;
    n = q;
    ++k;
  }
  return Number(reciprocal ? -k : k);
}

}  // namespace

// Applies the built-in `name` (or log_b) to resolved arguments.
Term Resolver::apply_builtin(std::string_view name, std::vector<Term> args, const Node& at) {
  if (std::string_view b = log_base(name); !b.empty()) {
    if (args.size() != 1) throw ResolveError{at.span, std::string(name) + " takes 1 argument"};
    bool digits = std::all_of(b.begin(), b.end(), is_digit);
    if (!digits && !is_identifier(b))
      throw ResolveError{at.name_span, "the base of log_b must be a whole number or a name: log_2(x), log_a(x)"};
    if (digits && args[0].is_value() && args[0].expr.is_number())
      if (std::optional<Number> k = exact_logarithm(args[0].expr.number(), Number::from_integer_text(b)))
        return Term::value(num(*k), at.span);
    Term base = digits ? Term::value(num(Number::from_integer_text(b)), at.name_span) : word(b, at.name_span);
    std::vector<Term> quotient;
    quotient.push_back(apply_builtin("log", std::move(args), at));
    quotient.push_back(apply_builtin("log", {std::move(base)}, at));
    return product_of(std::move(quotient), " /", at.span);
  }
  std::string fn(*builtin_name(name));
  FunctionId id = *find_function(fn);
  const FunctionInfo& info = function_info(id);
  if (static_cast<int>(args.size()) != info.arity)
    throw ResolveError{at.span, fn + " takes " + std::to_string(info.arity) + " argument" + (info.arity == 1 ? "" : "s") +
                                    ", not " + std::to_string(args.size())};
  if (all_values(args)) {
    std::vector<Expr> values;
    for (const Term& a : args) values.push_back(a.expr);
    return Term::value(call(id, std::move(values)), at.span);
  }
  Term t = composite(TermKind::Apply, std::move(args), "", at.span);
  t.function = id;
  return t;
}

// `tg x`, `sh^2 x`: another notation's function before a factor (tan x, sinh(x)^2), or letters
// (t·g·x)? Refused with both readings; `ch/λ` and `x th` stay products of letters.
void Resolver::refuse_other_notation_before_factor(const Node& product, std::size_t k) const {
  if (k + 1 >= product.children.size() || product.op_before(k + 1) != ' ') return;
  const Node& c = product.children[k];
  const Node& word = c.kind == NodeKind::Pow ? c.children[0] : c;
  if (word.kind != NodeKind::Word || is_variable(word.text) || function(word.text)) return;
  if (std::optional<std::string> message = other_notation_message(word.text))
    throw ResolveError{SourceSpan{c.span.begin, product.children[k + 1].span.end}, *message};
}

Term Resolver::product(const Node& n) {
  std::vector<Term> factors;
  std::string ops;
  factors.reserve(n.children.size());  // at least one factor a child
  product_factors(n, factors, ops);
  return product_of(std::move(factors), std::move(ops), n.span);
}

namespace {
// Refuses the product's factor k when it is a number glued to the one before by its decimal
// point (see glued_decimal_point), or a name glued to a 0 as a number in another base.
void refuse_glued_number(const Node& product, std::size_t k) {
  if (k == 0 || product.op_before(k) != ' ') return;
  if (base_prefix_glued(product, k))
    throw ResolveError{SourceSpan{product.children[k - 1].span.begin, product.children[k].span.end},
                       "'0" + product.children[k].text + "' looks like a number in another base: ddx reads decimal "
                       "numbers only; write 0 " + product.children[k].text + " for a product"};
  const Node& before = product.children[k - 1];
  const Node* glued = glued_decimal_point(before, product.children[k]);
  if (!glued) return;
  if (before.kind == NodeKind::Word && before.text.starts_with("log_"))
    throw ResolveError{SourceSpan{before.span.begin, glued->span.end},
                       "the base of log_b must be a whole number or a name: write log(x)/log(" +
                           std::string(before.text.substr(4)) + std::string(glued->text) + ") for a decimal base"};
  throw ResolveError{SourceSpan{before.span.begin, glued->span.end},
                     "a number that begins with its decimal point right after a name, number or bracket is "
                     "ambiguous: write a space or * before it for a product, as x*0.5 (or was a point too many?)"};
}

// Refuses the product's factor k when it is a number after a number and a blank: `1 000` is a
// thousands separator to some, a product to others.
void refuse_numbers_side_by_side(const Node& product, std::size_t k) {
  if (k == 0 || product.children[k - 1].span.end == product.children[k].span.begin ||
      !numbers_side_by_side(product, k))
    return;
  const Node& second_number = *number_at_start(product.children[k]);
  if (const Node* name = index_at_end(product.children[k - 1]))
    throw ResolveError{SourceSpan{name->span.begin, second_number.span.end},
                       "a name that ends with a digit and a number side by side are ambiguous: write " + name->text.str() +
                           "*" + second_number.text.str() + " for a product, or " + name->text.str() +
                           second_number.text.str() + " for one name"};
  const Node& first_number = *number_at_end(product.children[k - 1]);
  std::string_view const first = first_number.text, second = second_number.text;
  // Their digits as one number, where that is a number: `1e3 4` is none.
  bool const joinable = first.find_first_of("eE") == std::string_view::npos &&
                        (first.find('.') == std::string_view::npos || second.find('.') == std::string_view::npos);
  std::string const product_text = std::string(first) + "*" + std::string(second);
  // (through a power, `x^2 3`: the digits are no whole factors, and the message names them apart)
  bool const plain = product.children[k].kind == NodeKind::Number && number_factor(product.children[k - 1]);
  throw ResolveError{SourceSpan{plain ? product.children[k - 1].span.begin : first_number.span.begin, second_number.span.end},
                     "two numbers side by side are ambiguous: write " +
                         (!plain ? "* between them for a product, or their digits together for one number (ddx "
                                   "separates no digits)"
                          : joinable ? std::string(first) + std::string(second) +
                                           " for one number (ddx separates no digits), or " + product_text + " for a product"
                                     : product_text + " for a product")};
}
}  // namespace

// A flat run of `*`, `/` and juxtaposition; `sin x cos x` applies each function word to the
// juxtaposed factors after it, up to the next operator or function word.
void Resolver::product_factors(const Node& n, std::vector<Term>& factors, std::string& ops) {
  // `d/d x x^2` and `d(x^2)/(dx)` read as products and quotients of the variable d (x^3, x),
  // where a derivative was meant: ask rather than answer something else. (Before the factors are
  // read: the `dy` of `dy/d x` is ambiguous itself, but the message for the whole says more.)
  for (std::size_t k = 1; k < n.children.size(); ++k)
    if (std::optional<std::string> apart = derivative_denominator_apart(n, k)) throw ResolveError{n.children[k].span, *apart};
  std::size_t i = 0;
  while (i < n.children.size()) {
    const std::size_t at = i;
    const Node& c = n.children[i];
    char op = i == 0 ? ' ' : n.op_before(i);
    refuse_glued_number(n, i);
    refuse_numbers_side_by_side(n, i);
    refuse_spaced_exponent(n, i);
    refuse_other_notation_before_factor(n, i);
    std::vector<Term> values;
    if (is_function_word(c)) {
      std::size_t j = i + 1;
      std::vector<Term> arg;
      std::string arg_ops;
      // The argument is the juxtaposed factors up to the next operator, function word or call
      // (sin x cos(x) is sin(x) cos(x), as sin x cos x is: it was sin(x cos(x))), except
      // that a bracket right after the name is the whole argument: sin^2(x) cos(x) is
      // sin(x)^2 cos(x), as sin(x) cos(x) is.
      bool bracketed = j < n.children.size() && n.op_before(j) == ' ' && n.children[j].kind == NodeKind::Group;
      // sin^2(x)^3: the bracket is the argument and ^3 raises the call (sin(x)^6), or ^3 is part
      // of the argument (sin(x^3)^2)? Nothing on paper tells: ask.
      const Node* unsigned_word = &c;
      while (unsigned_word->kind == NodeKind::Neg) unsigned_word = &unsigned_word->children[0];
      if (j < n.children.size() && n.op_before(j) == ' ' && n.children[j].kind == NodeKind::Pow &&
          n.children[j].children[0].kind == NodeKind::Group && unsigned_word->kind == NodeKind::Pow) {
        auto written = [](const Node& exponent) {
          return exponent.kind == NodeKind::Number || exponent.kind == NodeKind::Word ? exponent.text.str() : std::string("k");
        };
        const Node& word = *unsigned_word;
        std::string head = word.children[0].text.str() + "^" + written(word.children[1]), k = written(n.children[j].children[1]);
        throw ResolveError{SourceSpan{word.span.begin, n.children[j].span.end},
                           "'" + head + "(...)^" + k + "' is ambiguous: write (" + head + "(...))^" + k + " to raise the call, or " +
                               head + "((...)^" + k + ") to raise the argument"};
      }
      while (j < n.children.size() && n.op_before(j) == ' ' && !is_function_word(n.children[j]) &&
             !(j > i + 1 && starts_with_call(n.children[j]))) {
        refuse_glued_number(n, j);
        refuse_numbers_side_by_side(n, j);
        refuse_spaced_exponent(n, j);
        refuse_other_notation_before_factor(n, j);
        arg.push_back(term(n.children[j++]));
        arg_ops += ' ';
        if (bracketed) break;
      }
      bool negate = false;  // `-sin x`, `--sin x` (a run of signs, found by the fuzzer)
      const Node* signed_node = &c;
      while (signed_node->kind == NodeKind::Neg) {
        negate = !negate;
        signed_node = &signed_node->children[0];
      }
      const Node& powered = *signed_node;
      const Node& fn = powered.kind == NodeKind::Pow ? powered.children[0] : powered;
      if (arg.empty()) throw ResolveError{fn.span, "'" + fn.text + "' needs an argument: " + fn.text + "(x) or " + fn.text + " x"};
      // `√4 x`: the root of 4x, as `sqrt 4 x` is, or 2x, as a root sign drawn over the 4 alone
      // is (ddx prints sqrt(x) y as √x·y)? Nothing in plain text tells: ask.
      // (through a power: √x(x+1)^2 and √xe^x were read as the root of them all)
      const Node& first_written = n.children[i + 1];
      const Node& first_argument = first_written.kind == NodeKind::Pow ? first_written.children[0] : first_written;
      bool const run_of_factors = (first_argument.kind == NodeKind::Word && !is_identifier(first_argument.text) &&
                                   !is_variable(first_argument.text) && split_run(first_argument.text).size() > 1) ||
                                  // (√x(x+1): a letter before a bracket is a product, sqrt(x (x + 1)) or sqrt(x)(x + 1)?)
                                  (first_argument.kind == NodeKind::Apply && !apply_is_call(first_argument));
      // (√x sin(x), √x exp(x): the argument ends at the call, where √x e^x is refused; √x √y is
      // two roots as drawn)
      bool const call_follows =
          !bracketed && j < n.children.size() && n.op_before(j) == ' ' && !root_sign_factor(n.children[j]);
      if ((arg.size() > 1 || run_of_factors || call_follows) && written_as_root_sign(fn))
        throw ResolveError{SourceSpan{fn.span.begin, arg.back().span.end},
                           "'√' before juxtaposed factors is ambiguous: write √(x y) for the root of them all, or "
                           "√x·y for the root of the first"};
      try {
        SourceSpan arg_span{arg.front().span.begin, arg.back().span.end};
        std::vector<Term> one;
        one.push_back(product_of(std::move(arg), std::move(arg_ops), arg_span));
        Term v = apply_builtin(fn.text, std::move(one), fn);
        if (powered.kind == NodeKind::Pow) v = function_power(fn, powered.children[1], std::move(v));
        values.push_back(negate ? negated(std::move(v), c.span) : std::move(v));
      } catch (const MathError& e) {
        throw ResolveError{c.span, e.what()};
      }
      i = j;
    } else {
      refuse_power_of_function_name(n, i);
      refuse_bare_function_before_factor(n, i);
      // `-(a) (b)`: the sign is a factor of the whole product, not of (a) alone (which would
      // distribute over a sum and read back differently from how products are printed).
      const Node* inner = &c;
      while (inner->kind == NodeKind::Neg) {
        factors.push_back(Term::value(Expr(-1), inner->span));
        ops += ' ';
        inner = &inner->children[0];
      }
      values = juxtaposed_factors(*inner);
      ++i;
    }
    if (op == '/') {
      if (values.size() == 1 && values[0].is_value() && values[0].expr.is_zero())
        throw ResolveError{c.span, "division by zero"};
      // x/(3 (y - 1)) divides by each factor: the same node as printed, even though
      // 3 (y - 1) alone would distribute to 3y - 3.
      const Node& divisor = c.kind == NodeKind::Group ? c.children[0] : c;
      if (divisor.kind == NodeKind::Product) {
        std::vector<Term> inner;
        std::string inner_ops;
        product_factors(divisor, inner, inner_ops);
        for (std::size_t k = 0; k < inner.size(); ++k) {
          factors.push_back(std::move(inner[k]));
          ops += inner_ops[k] == '/' ? ' ' : '/';
        }
        continue;
      }
      // `1/2x` is x/2 (juxtaposition binds like `*`), but `1/ab` and `1/a(b+c)` are written as
      // if the whole run were the divisor, and read so by many: refuse rather than guess.
      if (values.size() > 1) throw ambiguous_divisor(c);
      // `1/θα`, `1/xπ`: refused as `1/ab` is.
      if (!is_function_word(c) && divisor_glued_to_a_word(n, at)) {
        const Node& next = n.children[at + 1];
        std::string const run = written_simply(c) + " " + written_simply(next);
        throw ResolveError{SourceSpan{c.span.begin, next.span.end},
                           "dividing by " + run + " written together is ambiguous: write /(" + run +
                               ") to divide by both, or put a space or '*' after the divisor"};
      }
      factors.push_back(std::move(values.front()));
      ops += '/';
      continue;
    }
    for (Term& v : values) {
      factors.push_back(std::move(v));
      ops += ' ';
    }
  }
}

namespace {
// How the inverse function of `name` is written, as a reading of name^-1(x) offered beside the
// reciprocal: "asin(x) for the inverse function or ", "2^x ..." for log_2; empty when it has none.
std::string inverse_function_reading(std::string_view name) {
  std::string written;
  if (name == "log" || name == "ln") written = "exp(x)";
  else if (name.starts_with("log_")) written = std::string(name.substr(4)) + "^x";
  else if (std::optional<std::string_view> const builtin = builtin_name(name);
           builtin && find_function("a" + std::string(*builtin)))
    written = "a" + std::string(*builtin) + "(x)";
  return written.empty() ? "" : written + " for the inverse function or ";
}
}  // namespace

// `sin^2(x)` is sin(x)^2; `sin^-1(x)` is refused: arcsin or 1/sin, a reader cannot tell.
Term Resolver::function_power(const Node& fn, const Node& exponent, Term applied) {
  Term k = term(exponent);
  // (-1.0 as much as -1: sin^-1.0(x) was 1/sin(x)^1.0)
  if (k.is_value() && k.expr.is_number() &&
      (k.expr.is_minus_one() || (k.expr.number().is_float() && k.expr.number().to_double() == -1))) {
    throw ResolveError{fn.span, fn.text + "^-1(x) is ambiguous: write " + inverse_function_reading(fn.text) + "1/" +
                                    fn.text + "(x) for the reciprocal"};
  }
  SourceSpan span{applied.span.begin, k.span.end};
  return power_of(std::move(applied), std::move(k), span);
}

bool Resolver::apply_is_call(const Node& n) {
  const std::string w = n.text.str();
  // A function's own name in its body: r(t) = r(t - 1) + 1 is recursive, not r·(t - 1) + 1.
  if (w == defining_) throw ResolveError{n.name_span, "'" + w + "' would call itself; recursive definitions are not supported"};
  // A defined variable before a bracket that reads as a call (f(2) after f = 3, loss(2) after
  // loss = x^2, which was read as a product): which was meant?
  bool const variable = is_variable(w);  // (looked up once: every call of a function asks)
  auto const abstract = [&] { auto f = find_function(w); return f && function_info(*f).abstract; };
  auto const long_name = [&] {  // (a word of four or more letters, no identifier, is a call)
    return !is_identifier(w) && std::count_if(w.begin(), w.end(), is_letter) >= 4;
  };
  if (variable && (n.children.size() >= 2 || is_fgh_name(w) || is_greek(w) || function(w) || abstract() || long_name()))
    throw ResolveError{n.name_span, "'" + w + "' is a defined variable, not a function: write " + w +
                                        "*(...) for a product, or define a function: " + w + "(t) = ..."};
  // y(2) after y = x^2: 2x^2, as a letter before a bracket is a factor, or y at x = 2, as a
  // student writes it? A number alone in the bracket reads as a point as often: ask.
  auto const number_alone = [&] {
    if (n.children.size() != 1) return false;
    const Node* c = &n.children[0];
    while (c->kind == NodeKind::Neg) c = &c->children[0];
    return c->kind == NodeKind::Number;
  };
  if (variable && number_alone())
    throw ResolveError{n.name_span, "'" + w + "(...)' is ambiguous: " + w + " is a defined variable: write " + w +
                                        "*(...) for a product, or " + w + " at x = ... for its value at a point"};
  const WordFacts facts = word_facts(w);
  if (facts.function || scope_.is_procedure(w) || facts.foreign || facts.planned || function(w)) return true;
  if (!variable)
    if (std::optional<std::string> message = other_notation_message(w)) throw ResolveError{n.name_span, *message};
  if (n.children.size() >= 2 || is_fgh_name(w) || is_greek(w)) return true;
  if (auto f = find_function(w); f && function_info(*f).abstract) return true;
  if (variable) return false;
  // A single letter (with index) is a factor: x(x+1). A long name is a function: loss(w).
  std::size_t letters = 0;
  for (char c : w) letters += is_letter(c);
  if (letters < 2 || is_identifier(w)) return false;
  // xsin(x): a function name glued to the factors before it, not a new function.
  if (std::string f = function_suffix(w); !f.empty())
    throw ResolveError{n.name_span, "unknown function '" + w + "'; did you mean '" + w.substr(0, w.size() - f.size()) + " " +
                                        f + "(...)'?"};
  // A short run of letters could be either (xy(x+1): x·y·(x+1), or a function xy): refuse.
  std::vector<std::string_view> parts = split_run(w);
  if (parts.size() > 1 && parts.size() <= max_split_factors) {
    throw ResolveError{n.name_span, "'" + w + "(...)' is ambiguous: write " + spaced(parts) + " " +
                                        "(...) for a product, or define the function first: " + w + "(t) = ..."};
  }
  return true;
}

// `k'(x)`, `xf'(x)`, `erf'(x)`, `e'(x)`: a prime of a name that is no function before a bracket
// (k(x) is k·x, xf(x) is ambiguous, erf no ddx function, e a constant) was the derivative of an
// unknown function of that name, made silently, and k(x) on a later line a call of it.
void Resolver::refuse_prime_of_no_function(const Node& prime) {
  std::string const w = prime.text.str();
  std::string const primed = w + std::string(static_cast<std::size_t>(prime.order()), '\'');
  if (w == "e" || w == "pi" || w == "ans")
    throw ResolveError{prime.name_span, "'" + w + "' is no function, and " + primed + "(...) no derivative"};
  const WordFacts facts = word_facts(w);
  if (facts.foreign) throw ResolveError{prime.name_span, foreign_message(w)};
  if (facts.planned) throw ResolveError{prime.name_span, planned_message(w)};
  if (scope_.is_procedure(w))
    throw ResolveError{prime.name_span, "'" + w + "' is a procedure, not a function: " + primed + "(...) is no derivative"};
  if (!apply_is_call(prime))
    throw ResolveError{prime.name_span, "'" + w + "' is no function: " + w + "(...) reads as a product; write " + primed +
                                            "(...) of an unknown function named f, g or h (or a longer name), or define " + w +
                                            "(t) = ... first"};
}

Term Resolver::apply(const Node& n) {
  std::string_view w = n.text;
  refuse_letters_after_index(w, n.name_span);
  // x_(-1): the entry of the family x with subscript -1, as ddx prints it.
  if (std::optional<std::string> entry = negative_entry(n)) return Term::value(sym(*entry), n.span);
  // `log_(2)(x)`, `sin_(x)`: no name ends in `_` (`x_` alone is refused the same way); read as a
  // call they became an unknown function log_ times x.
  if (w.ends_with('_'))
    throw ResolveError{n.name_span, "unexpected '" + std::string(w) + "' (a subscript needs letters or digits: x_1, log_2(x))"};
  // `+ O(x^3)` ends a series as ddx prints one; typed back it was the product O·x^3.
  if (w == "O" && !function(w))
    throw ResolveError{n.name_span, "'O(...)' is ambiguous: a series' order term is part of series(...)'s answer and "
                                    "no expression ddx reads (taylor(...) gives the polynomial alone); write O*(...) "
                                    "for a product"};
  if (!apply_is_call(n)) {
    return juxtaposed(juxtaposed_factors(n), n.span);
  }
  const WordFacts facts = word_facts(w);
  if (facts.foreign) throw ResolveError{n.name_span, foreign_message(w)};
  if (facts.planned) throw ResolveError{n.name_span, planned_message(w)};
  if (scope_.is_procedure(w)) return call_arguments(n);
  std::vector<Term> args;
  args.reserve(n.children.size());
  for (const Node& c : n.children) args.push_back(term(c));
  for (const Term& a : args)
    if (a.kind == TermKind::Binding || a.kind == TermKind::Range || a.kind == TermKind::Equation)
      throw ResolveError{a.kind == TermKind::Equation ? a.span : a.name_span,
                         a.kind == TermKind::Equation
                             ? "an equation cannot be used as a value here (to compare, write ==)"
                             : "unexpected '=': NAME = VALUE belongs after 'at', in tangent(f, x = a), or in a "
                               "table or plot range"};
  if (facts.function) return apply_builtin(w, std::move(args), n);
  if (const FunctionDefinition* def = function(w)) return defined_call(*def, std::move(args), n);
  return abstract_call(n, std::move(args));
}

// A procedure's call: its arguments resolved, bindings and ranges kept as such, and a Leibniz
// form dy/dx kept even when y is not defined; the procedure itself (evaluation's table) says
// what they mean.
Term Resolver::call_arguments(const Node& n) {
  Term t;
  t.kind = TermKind::Call;
  t.span = n.span;
  t.name = n.text;
  t.name_span = n.name_span;
  t.children.reserve(n.children.size());
  t.names.reserve(n.children.size());
  for (const Node& c : n.children) {
    if (c.kind == NodeKind::Leibniz) {
      try {
        t.children.push_back(leibniz(c, true));
      } catch (const MathError& e) {
        throw ResolveError{c.span, e.what()};
      } catch (const LimitError& e) {
        throw ResolveError{c.span, e.what()};
      }
    } else {
      // Table, plot and tangent refuse the points where the argument as written has no value.
      std::vector<Expr> lost;
      std::size_t const called_before = functions_called_.size();
      {
        DroppedParts reading(lost);
        t.children.push_back(term(c));
      }
      t.children.back().functions = called_since(called_before);
      // (an at's own list is for its point, and stays: expand(0 log(x) at x = -1) was 0, the
      // log(x) that 0 log(x) drops overwritten by what the argument dropped outside the at, nothing)
      if (t.children.back().kind != TermKind::At) t.children.back().dropped = std::move(lost);
    }
    t.names.push_back(c.kind == NodeKind::Word ? c.text.str() : std::string());  // total(z) names dz
  }
  // So does an `at` around the call, but not in a variable the call binds: k in sum(k/k, k = 1 ..
  // 3) or x in table(..., x = a .. b) is the call's own, whatever point the at gives it.
  auto bound = [&](Expr part) {
    for (const Term& a : t.children)
      if ((a.kind == TermKind::Binding || a.kind == TermKind::Range) && depends_on(part, sym(a.name))) return true;
    return false;
  };
  for (const Term& a : t.children)
    if (a.kind != TermKind::At)
      for (Expr part : a.dropped)
        if (!bound(part)) note_dropped(part);
  return t;
}

Term Resolver::abstract_call(const Node& n, std::vector<Term> args) {
  if (args.empty()) throw ResolveError{n.span, "expected an argument in " + n.text + "()"};
  if (auto [taken, first] = abstract_arities_.try_emplace(n.text.str(), args.size()); !first && taken->second != args.size())
    throw ResolveError{n.span, "'" + n.text + "' is called with " + std::to_string(taken->second) + " and with " +
                                   std::to_string(args.size()) + " arguments here: an unknown function takes one number of "
                                   "arguments (name the other one differently, as g)"};
  scope_.calls_abstract(n.text);
  FunctionId f = abstract_function(n.text, static_cast<int>(args.size()));
  const FunctionInfo& info = function_info(f);
  // Parameters are named after the first application to plain symbols (a defined name counts as
  // one only in a definition's body, where it stays a name).
  bool plain = std::all_of(args.begin(), args.end(), [this](const Term& a) {
    return a.is_value() && a.expr.is(Kind::Symbol) && (definition_body_ || !is_variable(a.expr.name()));
  });
  if (plain && info.params.empty() && !decimal_symbols_) {  // (a check's symbols name no parameters)
    std::vector<std::string> names;
    for (const Term& a : args) names.push_back(a.expr.name());
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) set_abstract_params(f, names);
  }
  if (all_values(args)) {
    std::vector<Expr> values;
    for (const Term& a : args) values.push_back(a.expr);
    return Term::value(call(f, std::move(values)), n.span);
  }
  Term t = composite(TermKind::Apply, std::move(args), "", n.span);
  t.function = f;
  return t;
}

Term Resolver::defined_call(const FunctionDefinition& def, std::vector<Term> args, const Node& n) {
  if (args.size() != def.params.size())
    throw ResolveError{n.span, n.text + " takes " + std::to_string(def.params.size()) + " argument(s)"};
  if (all_values(args)) {
    std::unordered_map<Expr, Expr> s;
    for (std::size_t i = 0; i < args.size(); ++i) s.emplace(def.params[i], args[i].expr);
    // f(x) = x/x is 1, but f(0) has no value: what the body lost must have one at the arguments.
    for (Expr part : def.dropped) note_dropped(part_at(part, s));
    // A decimal in the body or the arguments folds in doubles: its digits are checked as an
    // answer's are (h(x) = sec(sinh(42.0 x)); h(1) took sec of a rounded 8.7e17).
    Expr value;
    try {
      value = substitute(body_as_read(def), s);
    } catch (const CornerError&) {  // a derivative's formula at a corner: evaluation decides (Evaluator::value_at)
      return deferred_call(def, std::move(args), n);
    }
    if (!value.is_number()) return Term::value(value, n.span);
    if (!def.exact) return Term::value(checked_decimal(def.body, s, value), n.span);
    s.insert(def.exact->decimals.begin(), def.exact->decimals.end());
    return Term::value(checked_number(def.exact->expr, s, value), n.span);
  }
  return deferred_call(def, std::move(args), n);
}

// A check's reading takes a body that holds decimals as written, its decimals symbols of the
// reading's, or (DecimalsRead::Exact) the exact numbers they are written as.
Expr Resolver::body_as_read(const FunctionDefinition& def) {
  if (!decimal_symbols_ || !def.exact) return def.body;
  if (decimals_read_ == DecimalsRead::Exact) return substitute(def.exact->expr, def.exact->decimals);
  return merged_into(*def.exact, *decimal_symbols_);
}

Term Resolver::deferred_call(const FunctionDefinition& def, std::vector<Term> args, const Node& n) {
  Term t = composite(TermKind::Apply, std::move(args), "", n.span);
  t.expr = body_as_read(def);
  t.params = def.params;
  t.dropped = def.dropped;
  return t;
}

namespace {

Request resolve_statement(const grammar::Statement& s, const Scope& scope, std::vector<const Node*> read_once) {
  // The request, its body resolved right where it stays (a Term is large: not built aside and
  // moved in, nor the request moved out).
  auto request = [&](RequestKind kind, auto make_body, std::vector<Expr> params, std::string args) {
    return Request{.kind = kind, .span = s.span, .steps = s.steps, .backprop = s.backprop, .body = make_body(),
                   .body_span = s.body.span, .name = s.name, .name_span = s.name_span, .params = std::move(params),
                   .args = std::move(args)};
  };
  auto resolved = [&](RequestKind kind, Resolver resolver, std::vector<Expr> params) {
    resolver.release_as_read(std::move(read_once));
    return request(kind, [&] { return resolver.term(s.body); }, std::move(params), {});
  };
  switch (s.kind) {
    case grammar::StatementKind::Command: return request(RequestKind::Command, [] { return Term(); }, {}, s.args);
    case grammar::StatementKind::Expression: return resolved(RequestKind::Expression, Resolver(scope), {});
    case grammar::StatementKind::Definition: break;
  }
  if (is_reserved(s.name, scope)) throw ResolveError{s.name_span, "'" + s.name + "' is reserved and cannot be redefined"};
  if (!s.is_function) return resolved(RequestKind::Definition, Resolver(scope, {}, true), {});
  // (f() = 1 was a function of nothing, which d/dx f called "a function of , not of x")
  if (s.params.empty())
    throw ResolveError{s.name_span, "a function takes at least one parameter, f(x) = ...; a name without any is defined as c = ..."};
  std::set<std::string, std::less<>> names;
  std::vector<Expr> params;
  for (const grammar::Node& p : s.params) {
    if (p.kind != NodeKind::Word || !is_identifier(p.text) || is_reserved(p.text, scope))
      throw ResolveError{p.span, "a parameter must be a variable name"};
    if (!names.insert(p.text.str()).second) throw ResolveError{p.span, "parameter '" + p.text + "' appears twice"};
    params.push_back(sym(p.text));
  }
  return resolved(RequestKind::FunctionDefinition, Resolver(scope, std::move(names), false, s.name), std::move(params));
}

}  // namespace

Request resolve(const grammar::Statement& s, const Scope& scope) { return resolve_statement(s, scope, {}); }

Term resolve_with_decimal_symbols(const grammar::Statement& s, const Scope& scope, std::unordered_map<Expr, Expr>& decimals,
                                  DecimalsRead how) {
  std::set<std::string, std::less<>> params;  // a function definition's body means its own parameters
  for (const grammar::Node& p : s.params) params.insert(p.text.str());
  Resolver resolver(scope, std::move(params), false, s.is_function ? s.name : std::string());
  resolver.read_decimals_as_symbols(decimals, how);
  return resolver.term(s.body);
}

Request resolve_releasing(grammar::Statement& s, const Scope& scope) {
  // Only a long sum is worth releasing (its tree is what a long line's memory is); a short one
  // is read directly (plain_value), which is quicker and keeps no lists of terms.
  constexpr std::uint32_t long_sum_bytes = 1024;
  auto releasable = [&](const Node& n) { return n.kind == NodeKind::Sum && n.span.end - n.span.begin > long_sum_bytes; };
  std::vector<const Node*> sums;
  if (releasable(s.body)) sums.push_back(&s.body);
  // A procedure resolves each argument once (call_arguments); an Apply that is a product or a
  // function may read its argument twice (x(...) tried both ways), so only procedures qualify.
  if (s.body.kind == NodeKind::Apply && scope.is_procedure(s.body.text))
    for (const Node& c : s.body.children)
      if (releasable(c)) sums.push_back(&c);
  return resolve_statement(s, scope, std::move(sums));
}

}  // namespace ddx::resolve
