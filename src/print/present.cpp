// SPDX-License-Identifier: GPL-3.0-or-later
// Expr -> display tree: reading order of terms and factors, signs as subtraction, negative
// exponents and rational coefficients as fractions, x^(1/2) as a square root, and the single
// precedence function that decides parentheses for every format. No strings are made here.
#include "print/present.hpp"

#include <algorithm>

#include <boost/container/small_vector.hpp>

#include "core/corner_sign.hpp"
#include "core/interrupt.hpp"
#include "support/stable_sort_few.hpp"

namespace ddx::print {
namespace {

Display leaf(DKind k) {
  Display d;
  d.kind = k;
  return d;
}

Display unary(DKind k, Display child) {
  Display d = leaf(k);
  d.children.push_back(std::move(child));
  return d;
}

Display binary(DKind k, Display a, Display b) {
  Display d = leaf(k);
  d.children.reserve(2);
  d.children.push_back(std::move(a));
  d.children.push_back(std::move(b));
  return d;
}

Display number_leaf(const Number& n) {
  Display d = leaf(DKind::Number);
  d.value = n;
  return d;
}

// Any Number, signed and rational: -3/2 becomes Neg(Fraction(3, 2)).
Display number_display(const Number& n) {
  if (n.is_negative()) return unary(DKind::Neg, number_display(-n));
  if (n.is_exact() && !n.is_integer())
    return binary(DKind::Fraction, number_leaf(n.numerator()), number_leaf(n.denominator()));
  return number_leaf(n);
}

Display product(std::vector<Display> factors) {
  if (factors.empty()) return number_leaf(Number(1));
  if (factors.size() == 1) return std::move(factors[0]);
  Display d = leaf(DKind::Product);
  d.children = std::move(factors);
  return d;
}

// Degree in the symbols, used to order terms; `poly` is false once a function call or a symbolic
// exponent appears (such terms are read first, as in e^x - a x, then by degree).
Degree degree(Expr e);

Degree power_degree(Expr base, Expr exponent) {
  if (!exponent.is_number()) return {0, false};
  Degree b = degree(base);
  return {b.deg * exponent.number().to_double(), b.poly};
}

Degree degree(Expr e) {
  switch (e.kind()) {
    case Kind::Number:
    case Kind::Constant: return {};
    case Kind::Symbol: return {1, true};
    case Kind::Call:
    case Kind::Derivative: return {0, false};
    case Kind::Pow: return power_degree(e.base(), e.exponent());
    case Kind::Mul: {
      Degree d;
      for (std::size_t i = 0; i < e.bases().size(); ++i) {
        Degree f = e.exponents()[i].is_one() ? degree(e.bases()[i]) : power_degree(e.bases()[i], e.exponents()[i]);
        d.deg += f.deg;
        d.poly = d.poly && f.poly;
      }
      return d;
    }
    case Kind::Add: {
      Degree d{-1e300, true};
      bool any = false;
      for (Expr t : e.terms()) {
        Degree f = degree(t);
        d.deg = any ? std::max(d.deg, f.deg) : f.deg;
        d.poly = d.poly && f.poly;
        any = true;
      }
      if (!e.number().is_zero()) d.deg = std::max(d.deg, 0.0);
      return d;
    }
  }
  return {};
}

// Factor groups, in reading order: numeric radicals and constants (sqrt(2), pi, e^4), symbols and
// their powers (a, x^2, sqrt(x), x^x), exponentials (e^x, 2^x), parenthesised sums and products,
// then function calls and derivatives. 3a sqrt(x), x e^x, 3u^2 (6x^2 + 6x), x^x (log(x) + 1).
int factor_group(Expr base, Expr exponent) {
  switch (base.kind()) {
    case Kind::Number:
    case Kind::Constant: return exponent.is_number() ? 0 : 2;
    case Kind::Symbol: return 1;
    case Kind::Call:  // a pending derivative of `steps` last: cos(x^2) d/dx (x^2)
      return pending_derivative_of(base.function()) ? 5 : 4;
    case Kind::Derivative: return 4;
    default: return 3;
  }
}

// Built-ins in table order (sin before cos before tan, as textbooks write them), then abstract
// functions by name (their ids depend on the order a session met them, names do not).
int function_order(FunctionId a, FunctionId b) {
  a = typed_function(a), b = typed_function(b);
  const FunctionInfo& ia = function_info(a);
  const FunctionInfo& ib = function_info(b);
  if (ia.abstract != ib.abstract) return ia.abstract ? 1 : -1;
  if (!ia.abstract) return (a > b) - (a < b);
  int c = ia.name.compare(ib.name);
  return (c > 0) - (c < 0);
}

using Factor = std::pair<Expr, Expr>;  // base, exponent
using Factors = boost::container::small_vector<Factor, 4>;  // in place for a product of a few

bool factor_less(const Factor& x, const Factor& y) {
  int gx = factor_group(x.first, x.second), gy = factor_group(y.first, y.second);
  if (gx != gy) return gx < gy;
  if (gx == 3) {  // powers of sums before the sums themselves: (e^x - a x)^2 (e^x - a)
    bool px = !x.second.is_one(), py = !y.second.is_one();
    if (px != py) return px;
  }
  if (gx == 4 && x.first.function() != y.first.function())
    return function_order(x.first.function(), y.first.function()) < 0;
  if (int c = compare(x.first, y.first)) return c < 0;
  return compare(x.second, y.second) < 0;
}

Display present_factor(Expr base, Expr exponent) {
  if (exponent.is_one()) return present(base);
  if (exponent.is_number() && exponent.number() == Number::rational(1, 2) && exponent.number().is_exact())
    return unary(DKind::Sqrt, present(base));
  return binary(DKind::Pow, present(base), present(exponent));
}

// The part of factor_less that needs no comparison of expressions: the group, then powers of sums
// before sums, then built-in functions in table order (abstract ones after them, all alike).
std::uint64_t reading_key(const Factor& f) {
  auto group = static_cast<std::uint64_t>(factor_group(f.first, f.second));
  std::uint64_t within = 0;
  if (group == 3) within = f.second.is_one();
  if (group == 4) within = function_info(f.first.function()).abstract ? UINT32_MAX : typed_function(f.first.function());
  return group << 32 | within;
}

// Puts factors in reading order (factor_less, under which no two factors of a product tie, so the
// order is unique). A product's factors arrive in its canonical order, by `compare`, which is
// factor_less's order among factors of one key: a stable sort on the key, computed once a factor,
// leaves runs that need only be checked, n comparisons of expressions rather than n log n (the
// derivative of a product of 400 factors prints 400 products of 400).
void sort_for_reading(Factors& factors) {
  boost::container::small_vector<std::pair<std::uint64_t, Factor>, 8> keyed;
  keyed.reserve(factors.size());
  for (const Factor& f : factors) keyed.emplace_back(reading_key(f), f);
  stable_sort_few(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < keyed.size();) {
    std::size_t end = i + 1;
    while (end < keyed.size() && keyed[end].first == keyed[i].first) ++end;
    for (std::size_t k = i; k < end; ++k) factors[k] = keyed[k].second;
    auto first = factors.begin() + static_cast<std::ptrdiff_t>(i), last = factors.begin() + static_cast<std::ptrdiff_t>(end);
    if (!std::is_sorted(first, last, factor_less)) std::sort(first, last, factor_less);  // abstract functions, by name
    i = end;
  }
}

// coefficient * prod(base^exponent): numeric coefficient first, negative numeric exponents and the
// coefficient's denominator below the fraction bar, a negative coefficient as a leading minus.
Display present_product(const Number& coefficient, Factors factors) {
  // A lone factor under an exact unit coefficient (x^2, sin(x)^2) is that factor's display: no
  // lists to build and drop (the most common product of all).
  if (factors.size() == 1 && coefficient.is_one()) {
    auto& [b, x] = factors[0];
    if (!(x.is_number() && x.number().is_negative())) return present_factor(b, x);
  }
  sort_for_reading(factors);
  bool negative = coefficient.is_negative();
  Number c = negative ? -coefficient : coefficient;
  std::vector<Display> num, den;
  num.reserve(factors.size() + 1);  // the factors and a coefficient: one allocation
  if (c.is_exact()) {
    if (!c.numerator().is_one() || factors.empty()) num.push_back(number_leaf(c.numerator()));
    if (!c.denominator().is_one()) den.push_back(number_leaf(c.denominator()));
  } else {
    num.push_back(number_leaf(c));  // a float coefficient, even 1.0, keeps the result a float
  }
  for (auto& [b, x] : factors) {
    if (x.is_number() && x.number().is_negative())
      den.push_back(present_factor(b, ddx::num(-x.number())));
    else
      num.push_back(present_factor(b, x));
  }
  Display out = product(std::move(num));
  if (!den.empty()) out = binary(DKind::Fraction, std::move(out), product(std::move(den)));
  if (negative) return unary(DKind::Neg, std::move(out));
  return out;  // (a conditional expression here would copy the whole tree)
}

Factors factors_of(Expr term) {
  Factors fs;
  if (term.is(Kind::Mul)) {
    fs.reserve(term.bases().size());
    for (std::size_t i = 0; i < term.bases().size(); ++i) fs.emplace_back(term.bases()[i], term.exponents()[i]);
  } else if (term.is(Kind::Pow)) {
    fs.emplace_back(term.base(), term.exponent());
  } else {
    fs.emplace_back(term, Expr(1));
  }
  return fs;
}

// A sum, its terms in reading order (SumTerms).
Display present_sum(Expr e) {
  SumTerms terms(e);
  Display sum = leaf(DKind::Sum);
  sum.children.reserve(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) sum.children.push_back(terms.present(i));
  return sum;
}

// A pending derivative of `steps`, alone or as the last factor of a product.
bool ends_in_pending(const Display& d) {
  if (d.kind == DKind::Call) return pending_derivative_of(d.function) != nullptr;
  return d.kind == DKind::Product && ends_in_pending(d.children.back());
}

// A decimal printed with an exponent: 3e+20, 1e-30.
bool written_with_exponent(const Display& d) {
  return d.kind == DKind::Number && d.value.is_float() && d.value.to_string().find('e') != std::string::npos;
}

bool is_atom(const Display& d) {
  return d.kind == DKind::Number || d.kind == DKind::Symbol || d.kind == DKind::Constant ||
         d.kind == DKind::Call || (d.kind == DKind::Derivative && !is_leibniz_form(d));
}

}  // namespace

Display present(Expr e) {
  check_interrupt();  // a print of millions of terms stops on Ctrl-C like the algebra
  switch (e.kind()) {
    case Kind::Number: return number_display(e.number());
    case Kind::Constant: {
      Display d = leaf(DKind::Constant);
      d.constant = e.constant();
      return d;
    }
    case Kind::Symbol: {
      Display d = leaf(DKind::Symbol);
      d.name = e.name();
      return d;
    }
    case Kind::Call:
    case Kind::Derivative: {
      Display d = leaf(e.is(Kind::Call) ? DKind::Call : DKind::Derivative);
      d.function = e.function();
      d.args = e.args();
      if (e.is(Kind::Derivative)) {
        d.indices = e.indices();
        const auto& params = function_info(e.function()).params;
        d.point_implicit = e.args().size() > 1 && params.size() == e.args().size();
        for (std::size_t i = 0; d.point_implicit && i < params.size(); ++i)
          d.point_implicit = e.args()[i].is(Kind::Symbol) && e.args()[i].name() == params[i];
      }
      return d;
    }
    case Kind::Pow: return present_product(Number(1), {{e.base(), e.exponent()}});
    case Kind::Mul: return present_product(e.number(), factors_of(e));
    case Kind::Add: return present_sum(e);
  }
  return leaf(DKind::Number);
}

// Terms: non-polynomial ones first (e^x - a x, 2 sin(x) cos(x)/x - ...), then by degree descending
// (6x^2 + 4), then canonical order; the constant last (tan(x)^2 + 1) - except that a positive
// constant leads a sum whose other terms are all negative: 1 - x, 1 - tanh(x)^2.
SumTerms::SumTerms(Expr sum) : constant_(sum.number()) {
  terms_.reserve(sum.terms().size());
  for (std::size_t i = 0; i < sum.terms().size(); ++i)
    terms_.push_back({sum.terms()[i], sum.coefficients()[i], degree(sum.terms()[i])});
  stable_sort_few(terms_.begin(), terms_.end(), [](const Term& a, const Term& b) {
    if (a.degree.poly != b.degree.poly) return !a.degree.poly;
    if (a.degree.deg != b.degree.deg) return a.degree.deg > b.degree.deg;
    return compare(a.term, b.term) < 0;
  });
  bool all_negative = std::all_of(terms_.begin(), terms_.end(), [](const Term& t) { return t.coefficient.is_negative(); });
  has_constant_ = !(constant_.is_zero() && constant_.is_exact());
  constant_first_ = has_constant_ && all_negative && !constant_.is_negative();
}

std::size_t SumTerms::size() const { return terms_.size() + has_constant_; }

Display SumTerms::present(std::size_t i) const {
  if (constant_first_) {
    if (i == 0) return number_display(constant_);
    --i;
  }
  if (i == terms_.size()) return number_display(constant_);
  return present_product(terms_[i].coefficient, factors_of(terms_[i].term));
}

bool is_leibniz_form(const Display& d) { return d.kind == DKind::Derivative && d.args.size() > 1; }

std::vector<std::string> derivative_vars(const Display& d) {
  const auto& params = function_info(d.function).params;
  // A parameter named as another position's default name (the first of f(x2, x3) is x2, which
  // reads as the second position, xk being the k-th, where f's names are not known: in a new
  // session, or once f is used with other names): the position's own name, which reads the same
  // anywhere (∂f/∂x2(1, 2) for the first was the second when typed back).
  auto names_another_position = [&](const std::string& name, std::size_t slot) {
    if (name.size() < 2 || name[0] != 'x' || name[1] == '0' || name.size() > 4) return false;
    if (!std::all_of(name.begin() + 1, name.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    std::size_t const k = std::stoul(name.substr(1));
    return k != slot + 1;
  };
  std::vector<std::string> vars;
  for (int i : d.indices) {
    auto const slot = static_cast<std::size_t>(i);
    bool const named = slot < params.size() && !names_another_position(params[slot], slot);
    vars.push_back(named ? params[slot] : "x" + std::to_string(i + 1));
  }
  return vars;
}

bool needs_parens(const Display& parent, std::size_t i, bool latex) {
  const Display& c = parent.children[i];
  switch (parent.kind) {
    // A sum inside a sum comes only from a Taylor polynomial's (x - 1) term, bracketed as written.
    case DKind::Sum: return c.kind == DKind::Sum;
    case DKind::Neg: return c.kind == DKind::Sum;
    case DKind::Product:
      return c.kind == DKind::Sum || c.kind == DKind::Neg || c.kind == DKind::Fraction;
    case DKind::Fraction:
      if (latex) return false;
      // `steps`: d/dx (x^2)/x would read as the derivative of the quotient: (d/dx (x^2))/x.
      if (i == 0 && ends_in_pending(c)) return true;
      if (i == 0) return c.kind == DKind::Sum || c.kind == DKind::Neg || c.kind == DKind::Fraction;
      // In ddx 1/2x means x/2: a denominator that is more than one factor must be bracketed.
      return !(is_atom(c) || c.kind == DKind::Pow || c.kind == DKind::Sqrt);
    case DKind::Pow:
      // (A decimal written with an exponent is no atom beside `^`: 3e+20^x is 3 \cdot 10^{20}^{x}
      // in LaTeX, and x^3e+20 does not read back.)
      if (i == 0)  // `^` binds tightest and is right-associative: (x^2)^(1/3), (-2)^x, (3/2)^x
        return !is_atom(c) || written_with_exponent(c);
      if (latex) return false;
      return !(c.kind == DKind::Number || c.kind == DKind::Symbol || c.kind == DKind::Constant ||
               c.kind == DKind::Call || (c.kind == DKind::Derivative && !is_leibniz_form(c))) ||
             written_with_exponent(c);
    default: return false;
  }
}

}  // namespace ddx::print
