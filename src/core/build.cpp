// SPDX-License-Identifier: GPL-3.0-or-later
// The canonicalising constructors. Always-true algebra happens here, once, as nodes are made:
// flattening, like terms, equal bases merged, exact numeric folding, x^0 = 1, x^1 = x, and the
// function table's exact evaluations (sin(0) = 0). Optional identities live in calculus/rules.
#include <algorithm>
#include <cassert>
#include <cfloat>
#include <cmath>
#include <optional>
#include <stdexcept>
#include "core/collect.hpp"
#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/node.hpp"
#include "core/real_value.hpp"

namespace ddx {
namespace {

bool not_negative(double y) { return y >= 0; }

Expr make(NodeParts&& n) { return Expr(intern(std::move(n))); }

// c * t for a canonical term t (not a Number, not an Add, coefficient 1), without re-sorting.
Expr scale_term(const Number& c, Expr t) {
  if (c.is_one()) return t;
  if (c.is_zero() && c.is_exact()) return num(c);
  NodeParts n;
  n.kind = Kind::Mul;
  n.number = c;
  if (t.is(Kind::Mul)) {
    n.ops.assign(t.bases().begin(), t.bases().end());
    n.exps.assign(t.exponents().begin(), t.exponents().end());
  } else if (t.is(Kind::Pow)) {
    n.ops.assign({t.base()});
    n.exps.assign({t.exponent()});
  } else {
    n.ops.assign({t});
    n.exps.assign({Expr(1)});
  }
  return make(std::move(n));
}

// The Mul of coefficient 1 holding the factors of a Mul (its "term" part).
Expr unit_part(Expr m) {
  if (m.bases().size() == 1) return pow(m.bases()[0], m.exponents()[0]);
  NodeParts n;
  n.kind = Kind::Mul;
  n.number = Number(1);
  n.ops.assign(m.bases().begin(), m.bases().end());
  n.exps.assign(m.exponents().begin(), m.exponents().end());
  return make(std::move(n));
}

bool is_small_prime(long long p) {
  for (long long d = 2; d * d <= p; ++d)
    if (p % d == 0) return false;
  return p >= 2;
}

// extract_perfect_power's trial division in exact arithmetic, for a positive integer past a
// machine word (sqrt(2^63) = 2147483648 sqrt(2), and sqrt(2^65) - 2^32 sqrt(2) is 0), up to a
// thousand digits: each prime up to 1000 divided out, and its q-th powers pulled. (Dividing by
// p^q for every p up to 1000 took 0.12 s a power, and 20 s under the sanitizers, where a point
// beside 2 met (2 + 10^-30)^(-29/32).)
std::optional<Expr> extract_perfect_power_of_big(const Number& n, const Number& x) {
  constexpr std::size_t most_digits = 1000;
  if (!n.is_exact() || !n.is_integer() || n.sign() <= 0 || n.digits_estimate() > most_digits) return std::nullopt;
  long long const q = x.denominator().to_long();
  if (q > 64) return std::nullopt;
  Number rest = n, pulled(1);
  for (long long p = 2; p <= 1000; ++p) {
    if (!is_small_prime(p)) continue;
    long long times = 0;
    for (Number quotient = rest / Number(p); quotient.is_integer(); quotient = rest / Number(p)) {
      rest = quotient;
      ++times;
    }
    for (long long i = 0; i < times / q; ++i) pulled *= Number(p);
    for (long long i = 0; i < times % q; ++i) rest *= Number(p);
  }
  if (pulled.is_one()) return std::nullopt;
  return pow(num(pulled), num(x.numerator())) * pow(num(rest), num(x));
}

// n^(p/q) for an integer n with a factor k^q (trial division by small primes): k^p · m^(p/q),
// so sqrt(8) = 2 sqrt(2) and sqrt(12) = 2 sqrt(3). nullopt when nothing can be pulled out.
std::optional<Expr> extract_perfect_power(const Number& n, const Number& x) {
  if (!x.denominator().fits_long() || !x.numerator().fits_long()) return std::nullopt;
  if (!n.fits_long()) return extract_perfect_power_of_big(n, x);
  if (n.to_long() <= 0) return std::nullopt;
  long long rest = n.to_long(), q = x.denominator().to_long(), pulled = 1;
  if (q > 64) return std::nullopt;
  for (long long p = 2; p <= 1000 && p * p <= rest; ++p) {
    long long pq = 1;
    bool overflow = false;
    for (long long i = 0; i < q && !overflow; ++i) overflow = __builtin_mul_overflow(pq, p, &pq);
    if (overflow) break;
    while (rest % pq == 0) {
      rest /= pq;
      pulled *= p;
    }
  }
  if (pulled == 1) return std::nullopt;
  return pow(Expr(pulled), num(x.numerator())) * pow(Expr(rest), num(x));
}

// n^(p/q), a positive integer to a fraction (2^(1/3), sqrt(6)).
bool is_integer_radical(Expr b, Expr x) {
  return b.is_number() && b.number().is_exact() && b.number().is_integer() && b.number().sign() > 0 && x.is_number() &&
         x.number().is_exact() && !x.number().is_integer();
}

// Radicals of integers with one exponent are one radical, as SymPy and Mathematica write them:
// sqrt(2) sqrt(3) = sqrt(6), sqrt(2) sqrt(6) = 2 sqrt(3), 2^(1/3) 4^(1/3) = 2. Moves each group
// of two or more from `factors` to `pending` as the power of their product.
template <class Factors>
void merge_radicals(Factors& factors, std::vector<Expr>& pending) {
  for (std::size_t i = 0; i < factors.size(); ++i) {
    auto [b, x] = factors[i];
    if (!is_integer_radical(b, x)) continue;
    Number product = b.number();
    std::size_t kept = i + 1;
    for (std::size_t j = i + 1; j < factors.size(); ++j) {
      if (factors[j].second == x && is_integer_radical(factors[j].first, x)) product *= factors[j].first.number();
      else factors[kept++] = factors[j];
    }
    if (kept == factors.size()) continue;
    factors.erase(factors.begin() + static_cast<std::ptrdiff_t>(kept), factors.end());
    factors.erase(factors.begin() + static_cast<std::ptrdiff_t>(i));
    pending.push_back(pow(num(product), x));
    --i;
  }
}

bool is_positive_real_constant(Expr b) {
  return b.is(Kind::Constant) || (b.is_number() && b.number().sign() > 0);
}

}  // namespace

Expr num(const Number& n) {
  // Small integers are made all the time (Expr(1), exponents, coefficients): intern them once.
  if (n.fits_long() && n.to_long() >= detail::smallest_cached && n.to_long() <= detail::largest_cached) {
    const Node*& slot = detail::small_integers[n.to_long() - detail::smallest_cached];
    if (!slot) {
      NodeParts node;
      node.kind = Kind::Number;
      node.number = n;
      slot = intern(std::move(node));
      keep_forever(Expr(slot));  // the cache outlives every statement
    }
    return Expr(slot);
  }
  NodeParts node;
  node.kind = Kind::Number;
  node.number = n;
  return make(std::move(node));
}

Expr rational(long long p, long long q) { return num(Number::rational(p, q)); }

Expr sym(std::string_view name) { return Expr(intern_symbol(name)); }

Expr constant(ConstantId c) {
  NodeParts n;
  n.kind = Kind::Constant;
  n.id = static_cast<std::uint8_t>(c);
  return make(std::move(n));
}
// Made once, for the process: exp(x) is e^x, so every exp of every statement asks for e.
Expr e_const() {
  static const Expr e = [] {
    KeepForever permanent;
    return constant(ConstantId::E);
  }();
  return e;
}
Expr pi_const() {
  static const Expr pi = [] {
    KeepForever permanent;
    return constant(ConstantId::Pi);
  }();
  return pi;
}

Expr add(std::span<const Expr> operands) { return add(operands, {}); }

Expr add(std::span<const Expr> operands, std::span<const ScaledTerm> scaled) {
  Number constant_term(0);
  // The largest sum among the operands is already sorted: the other terms merge into it.
  std::size_t run = operands.size();
  for (std::size_t k = 0; k < operands.size(); ++k)
    if (operands[k].is(Kind::Add) && operands[k].terms().size() >= 8 &&
        (run == operands.size() || operands[k].terms().size() > operands[run].terms().size()))
      run = k;
  detail::Scratch<detail::Item<Number>> items;
  items.reserve(operands.size() + scaled.size());
  // Sources give the order terms of one key combine in: operand k is 2k + 1, a scaled term
  // before it 2k (collect orders equal keys by source, so the scaled terms come last in items).
  std::size_t source = 1;
  bool float_coefficient = false;  // among the new terms (the run's constant terms are decimals already)
  auto add_term = [&](Expr t, const Number& c) {
    float_coefficient = float_coefficient || c.is_float();
    items.push_back({t, c, source});
  };
  for (; source < 2 * operands.size(); source += 2) {
    Expr e = operands[source / 2];
    check_interrupt();  // sums of a million terms take a while
    switch (e.kind()) {
      case Kind::Number: constant_term += e.number(); break;
      case Kind::Add:
        constant_term += e.number();
        if (source / 2 == run) break;
        for (std::size_t i = 0; i < e.terms().size(); ++i) add_term(e.terms()[i], e.coefficients()[i]);
        break;
      case Kind::Mul:
        if (!e.number().is_one()) {
          add_term(unit_part(e), e.number());
          break;
        }
        [[fallthrough]];
      default: add_term(e, Number(1));
    }
  }
  for (const ScaledTerm& s : scaled) {
    assert(s.coefficient.is_exact() && !s.coefficient.is_zero());
    items.push_back({s.term, s.coefficient, 2 * std::min(s.before, operands.size())});
  }
  std::span<const Expr> run_terms;
  std::span<const Number> run_coeffs;
  if (run < operands.size()) run_terms = operands[run].terms(), run_coeffs = operands[run].coefficients();
  auto acc = detail::collect(items, run_terms, run_coeffs, 2 * run + 1, [](const Number& a, const Number& b) { return a + b; });
  // Beside a decimal a constant term is a decimal too: sqrt(2) + 0.5 is 1.914...
  if (constant_term.is_float() || float_coefficient)
    acc.erase(std::remove_if(acc.begin(), acc.end(),
                             [&](const auto& tc) {
                               if (!is_constant_expression(tc.first) || !(constant_term.is_float() || tc.second.is_float()))
                                 return false;
                               std::optional<Number> v = decimal_value(tc.first);
                               if (v) constant_term += tc.second * *v;
                               return v.has_value();
                             }),
              acc.end());
  // Terms that cancel go, floats too (0.5x - 0.5x is 0.0, not 0.0x, as 0.0*x is 0.0); a float
  // zero leaves its float-ness in the constant.
  bool float_zero = false;
  bool const noting = noting_dropped();
  acc.erase(std::remove_if(acc.begin(), acc.end(),
                           [&](const auto& tc) {
                             if (!tc.second.is_zero()) return false;
                             if (tc.second.is_float()) {
                               float_zero = true;
                               note_decimal_zero_took_part();
                             }
                             if (noting) note_dropped(tc.first);  // log(x) - log(x): not at x = -1
                             return true;
                           }),
            acc.end());
  if (float_zero && constant_term.is_exact()) constant_term += Number::from_double(0.0);
  // Beside a decimal coefficient a constant factor of a term is a decimal too, as in a product
  // (multiply's rule, which leaves a root of a number as it is: 0.5 sqrt(2) x):
  // 2.0 (pi x + 1) is 6.283185307179586x + 2.0 (inside e^(...) it was 2.0 pi x, which read back
  // as 6.28...x).
  if (float_coefficient) {
    auto constant_factor = [](Expr t) {
      if (!t.is(Kind::Mul)) return false;
      for (std::size_t i = 0; i < t.bases().size(); ++i)
        if (is_constant_expression(t.bases()[i]) || (t.bases()[i].is_number() && is_constant_expression(t.exponents()[i])))
          return true;
      return false;
    };
    std::vector<Expr> flat{num(constant_term)};
    bool folded = false;
    for (auto& [t, c] : acc) {
      bool folds = false;
      if (c.is_float() && constant_factor(t)) {
        Expr product = mul({num(c), t});
        folds = !(product.is(Kind::Mul) && constant_factor(unit_part(product)));
        if (folds) flat.push_back(product);
      }
      if (!folds) flat.push_back(scale_term(c, t));
      folded = folded || folds;
    }
    if (folded) return add(flat);
  }
  // Merging can leave a sum with coefficient 1 as a term (2(x+1) - (x+1) + 5): flatten it, or the
  // result would be (x+1) + 5 instead of the canonical x + 6. One more round suffices.
  if (std::any_of(acc.begin(), acc.end(), [](const auto& tc) { return tc.first.is(Kind::Add) && tc.second.is_one(); })) {
    std::vector<Expr> flat{num(constant_term)};
    for (auto& [t, c] : acc) flat.push_back(scale_term(c, t));
    return add(flat);
  }
  if (acc.empty()) return num(constant_term);
  if (acc.size() == 1 && constant_term.is_zero()) return scale_term(acc[0].second, acc[0].first);
  // A float zero beside terms goes as it goes beside one (x + 0.0 is x; 2.5 (a - b) printed
  // 2.5a - 2.5b + 0.0).
  if (constant_term.is_zero()) constant_term = Number(0);
  // acc is sorted by construction (collect).
  NodeParts n;
  n.kind = Kind::Add;
  n.number = constant_term;
  n.ops.reserve(acc.size());
  n.coeffs.reserve(acc.size());
  for (auto& [t, c] : acc) {
    n.ops.push_back(t);
    n.coeffs.push_back(c);
  }
  return make(std::move(n));
}

namespace {

// Whether b^x may have no value: x is a negative or fractional number, or not a number, and b
// is not a positive constant (e^x and 2^x have one everywhere).
bool restricted_power(Expr b, Expr x) {
  if (x.is_number() && x.number().is_integer() && !x.number().is_negative()) return false;
  return !(b.is_number() ? b.number().sign() > 0 : b.is(Kind::Constant) && obviously_positive(b));
}

// For a DroppedParts: the factors a product may lose as it merges equal bases (x x^-1 = 1,
// sqrt(x) sqrt(x) = x), or all of them when a zero coefficient leaves nothing. Factors that stay
// are noted too: a note only says that the expression as written holds the part.
// (With a corner's sign among them, all of them are noted as one product: the slope it stands for
// has no value where its argument is 0, but 0 x^4 (sign(x^3)/2 + 1/2)^2 of a chain's derivative
// needs none there, x^4 being 0; core/corner_sign.hpp.)
void note_restricted_factors(const detail::Scratch<detail::Item<Expr>>& items, std::span<const Expr> run_bases,
                             std::span<const Expr> run_exps, bool all) {
  if (all) {
    bool corners = std::any_of(items.begin(), items.end(), [](const auto& item) { return item.key.node()->corners; }) ||
                   std::any_of(run_bases.begin(), run_bases.end(), [](Expr b) { return b.node()->corners; });
    if (corners) {
      std::vector<Expr> factors;
      for (const auto& item : items) factors.push_back(pow(item.key, item.value));
      for (std::size_t i = 0; i < run_bases.size(); ++i) factors.push_back(pow(run_bases[i], run_exps[i]));
      Expr product = [&] {
        NotingPaused just_this;  // (what building it drops is in it)
        return mul(factors);
      }();
      return note_dropped(product);
    }
  }
  for (const auto& item : items)
    if (all || restricted_power(item.key, item.value))
      note_dropped(item.value.is_one() ? item.key : pow(item.key, item.value));
  for (std::size_t i = 0; i < run_bases.size(); ++i)
    if (all || restricted_power(run_bases[i], run_exps[i]))
      note_dropped(run_exps[i].is_one() ? run_bases[i] : pow(run_bases[i], run_exps[i]));
}

// A product whose coefficient is 0: 0, or 0.0, where a decimal zero took the factors if any.
// (Out of line, and cold: with it inside, multiply grew past the size at which collect is inlined
// into it, and W8 cost 0.5% more instructions.)
[[gnu::noinline, gnu::cold]] Expr zero_product(const Number& coeff, bool took_factors) {
  if (coeff.is_float() && took_factors) note_decimal_zero_took_part();
  return num(coeff.is_exact() ? Number(0) : coeff);
}

// The product of `operands` and of the factors run_bases[i]^run_exponents[i] (sorted, no base
// twice), which stand at position `run` among the operands: operand `run` itself (a product
// whose factors they are, counted only for its coefficient) or, at operands.size(), after them.
Expr multiply(std::span<const Expr> operands, std::span<const Expr> run_bases, std::span<const Expr> run_exps,
              std::size_t run, Number* coefficient_apart) {
  Number coeff(1);
  detail::Scratch<detail::Item<Expr>> items;
  items.reserve(operands.size() + 4);
  std::size_t source = 0;
  auto add_factor = [&](Expr b, Expr x) { items.push_back({b, x, source}); };
  for (; source < operands.size(); ++source) {
    Expr e = operands[source];
    check_interrupt();
    switch (e.kind()) {
      case Kind::Number: coeff *= e.number(); break;
      case Kind::Mul:
        coeff *= e.number();
        if (source == run) break;
        for (std::size_t i = 0; i < e.bases().size(); ++i) add_factor(e.bases()[i], e.exponents()[i]);
        break;
      case Kind::Pow: add_factor(e.base(), e.exponent()); break;
      default: add_factor(e, Expr(1));
    }
  }
  if (noting_dropped()) note_restricted_factors(items, run_bases, run_exps, coeff.is_zero());
  // 0 * (1/0) must still fail: check that no factor is a division by zero (x^-1 at 0 is symbolic).
  if (coeff.is_zero()) return zero_product(coeff, !(items.empty() && run_bases.empty()));
  // base, summed exponent; sorted by base
  auto acc = detail::collect(items, run_bases, run_exps, run, [](Expr a, Expr b) { return a + b; });
  // Combined exponents may fold (x^2 x^-2 = 1, sqrt(2)^2 = 2, (xy)^(1/2)^2 = x y): re-canonicalise.
  detail::Scratch<std::pair<Expr, Expr>> final_factors;
  std::vector<Expr> pending;
  std::size_t radicals = 0;  // factors n^(p/q) of a positive integer n (merge_radicals)
  for (auto& [b, x] : acc) {
    if (x.is_zero() && x.number().is_exact()) continue;
    // Beside a decimal coefficient a constant factor is a decimal too: 2.0 pi is 6.28...
    if (coeff.is_float() && (is_constant_expression(b) || (b.is_number() && is_constant_expression(x))))
      if (auto v = decimal_value(x.is_one() ? b : Expr(intern_pair(Kind::Pow, b, x)))) {
        coeff *= *v;
        continue;
      }
    // The factor stays (b, x) without making the power only to take it apart again.
    if (power_stays_as_written(b) && !x.is_zero()) {
      final_factors.emplace_back(b, x);
      continue;
    }
    Expr p = x.is_one() ? b : pow(b, x);
    switch (p.kind()) {
      case Kind::Number: coeff *= p.number(); break;
      case Kind::Mul:
        coeff *= p.number();
        for (std::size_t i = 0; i < p.bases().size(); ++i) pending.push_back(pow(p.bases()[i], p.exponents()[i]));
        break;
      case Kind::Pow:
        // A power whose base changed ((x^-2)^-1 = x^2) may now share its base with another
        // factor (x^-3): merge again, or the product would hold x twice.
        if (p.base() != b) {
          pending.push_back(p);
        } else {
          final_factors.emplace_back(p.base(), p.exponent());
          radicals += is_integer_radical(p.base(), p.exponent());
        }
        break;
      default:
        if (p != b) pending.push_back(p);
        else final_factors.emplace_back(p, Expr(1));
    }
  }
  if (radicals > 1) merge_radicals(final_factors, pending);
  if (!pending.empty()) {
    pending.push_back(num(coeff));
    for (auto& [b, x] : final_factors) pending.push_back(x.is_one() ? b : pow(b, x));
    return mul(std::move(pending));
  }
  if (coeff.is_zero()) return num(coeff);
  if (final_factors.empty()) return num(coeff);
  // A number times a lone sum distributes, as in SymPy and GiNaC: 6 (3x + 4) is 18x + 24, and
  // such terms collect inside sums. Products of several factors keep their coefficient, so
  // 3 (x + 1) (x - 1) stays; the parser builds a product from all its factors at once, which
  // keeps printed products reading back as the same expression.
  if (final_factors.size() == 1 && final_factors[0].first.is(Kind::Add) && final_factors[0].second.is_one() &&
      !coeff.is_one()) {
    Expr sum = final_factors[0].first;
    std::vector<Expr> terms{num(coeff * sum.number())};
    for (std::size_t i = 0; i < sum.terms().size(); ++i)
      terms.push_back(scale_term(coeff * sum.coefficients()[i], sum.terms()[i]));
    return add(std::move(terms));
  }
  // final_factors keeps acc's sorted order (collect), so there is nothing to sort.
  if (final_factors.size() == 1 && coeff.is_one()) {
    auto& [b, x] = final_factors[0];
    return x.is_one() ? b : pow(b, x);
  }
  if (coefficient_apart && coeff.is_exact() && !coeff.is_one()) {
    // The product without its coefficient, as add() would take it apart (unit_part).
    *coefficient_apart = coeff;
    coeff = Number(1);
    if (final_factors.size() == 1) {
      auto& [b, x] = final_factors[0];
      return x.is_one() ? b : pow(b, x);
    }
  }
  NodeParts n;
  n.kind = Kind::Mul;
  n.number = coeff;
  for (auto& [b, x] : final_factors) {
    n.ops.push_back(b);
    n.exps.push_back(x);
  }
  return make(std::move(n));
}

}  // namespace

Expr mul(std::span<const Expr> operands, Number* coefficient_apart) {
  // The largest product among the operands is already sorted: the other factors merge into it,
  // so d/dx of sin(sin(...)) (one new factor per level) does not re-sort the whole product.
  std::size_t run = operands.size();
  for (std::size_t k = 0; k < operands.size(); ++k)
    if (operands[k].is(Kind::Mul) && operands[k].bases().size() >= 8 &&
        (run == operands.size() || operands[k].bases().size() > operands[run].bases().size()))
      run = k;
  if (run == operands.size()) return multiply(operands, {}, {}, run, coefficient_apart);
  return multiply(operands, operands[run].bases(), operands[run].exponents(), run, coefficient_apart);
}

Expr mul_into_run(std::span<const Expr> operands, std::span<const Expr> run_bases, std::span<const Expr> run_exponents,
                  std::size_t position, Number* coefficient_apart) {
  assert(position >= operands.size() || operands[position].is_one());
  return multiply(operands, run_bases, run_exponents, std::min(position, operands.size()), coefficient_apart);
}

Expr pow(Expr b, Expr x) {
  if (x.is_number()) {
    const Number& xn = x.number();
    if (xn.is_zero()) {
      if (b.is_zero()) throw MathError("0^0 is undefined");
      // x^0 as written has no value where x is 0 (0^0) or has none ((1/x)^0): noted as that very
      // power, left unsimplified, whose value at a point is pow's there.
      if (!b.is_number() && noting_dropped()) note_dropped(Expr(intern_pair(Kind::Pow, b, x)));
      if (!b.is_number() && xn.is_float()) note_decimal_zero_took_part();
      return xn.is_exact() ? Expr(1) : num(Number::from_double(1.0));
    }
    if (xn.is_one()) return b;
  }
  if (b.is_number()) {
    const Number& bn = b.number();
    if (bn.is_one()) {
      if (!x.is_number() && noting_dropped()) note_dropped(x);  // 1^sqrt(x) = 1: not at x = -1
      return b;
    }
    if (x.is_number()) {
      const Number& xn = x.number();
      if (xn.is_integer() && !xn.fits_long() && !bn.is_zero() && !bn.is_minus_one())
        throw LimitError("exponent " + xn.to_string() + " is too large for an exact power");
      if (auto r = bn.pow(xn)) return num(*r);
      if (bn.is_negative() && xn.is_exact() && !xn.denominator().is_odd())
        throw MathError("(" + bn.to_string() + ")^(" + xn.to_string() + ") is not a real number");
      if (auto split = extract_perfect_power(bn, xn)) return *split;
      // A fraction's root is its numerator's over its denominator's, so that radicals of integers
      // meet and fold: sqrt(1/3) = sqrt(3)/3 (and sqrt(1/3) sqrt(3) = 1), sqrt(3/4) = sqrt(3)/2.
      if (bn.is_exact() && bn.sign() > 0 && !bn.is_integer() && xn.is_exact())
        return mul({pow(num(bn.numerator()), x), pow(num(bn.denominator()), num(-xn))});
      // Irrational exact power: keep a fractional exponent in (0, 1): 2^(3/2) = 2 sqrt(2).
      Number whole = xn.floor();
      if (!whole.is_zero()) return mul({pow(b, num(whole)), pow(b, num(xn - whole))});
    } else if (bn.is_zero() && x.is_number() && x.number().is_negative()) {
      throw MathError("division by zero");
    } else if (bn.is_zero() && is_constant_expression(x)) {
      // 0^pi is 0 and 0^(-pi) divides by zero, as 0^2 and 0^(-2) do (left standing, 0^(-pi) was
      // printed as a value and 0^pi == 0 was false); an exponent whose sign ddx cannot tell stays.
      if (std::optional<int> sign = constant_sign(x)) {
        if (*sign < 0) throw MathError("division by zero");
        return b;
      }
    }
  } else if (x.is_number() && x.number().is_negative() && is_constant_expression(b) && !obviously_positive(b) &&
             may_be_zero(b)) {
    // 1/(log(8) - 3 log(2)), an exact 0 unfolded, was printed as a value. Unanswerable: the
    // value may be no 0, so a derivative there is not said not to exist.
    throw Unanswerable("division by a value ddx cannot tell from 0 (it may be exactly 0)");
  }
  if (b.is(Kind::Pow) && (x.is_integer() || is_positive_real_constant(b.base()))) {
    note_dropped(b);  // sqrt(x)^2 = x: not at x = -4
    return pow(b.base(), b.exponent() * x);
  }
  if (b.is(Kind::Mul)) {
    if (x.is_integer()) {
      note_dropped(b);  // (y sqrt(x))^2 = x y^2
      std::vector<Expr> factors{pow(num(b.number()), x)};
      for (std::size_t i = 0; i < b.bases().size(); ++i) factors.push_back(pow(b.bases()[i], b.exponents()[i] * x));
      return mul(std::move(factors));
    }
    if (b.number().sign() > 0 && !b.number().is_one())
      return pow(num(b.number()), x) * pow(unit_part(b), x);
  }
  if (b.is(Kind::Constant) && b.constant() == ConstantId::E && x.is(Kind::Call) &&
      function_info(x.function()).name == "log") {
    note_dropped(x);  // e^log(x) = x: not at x = -1
    return x.args()[0];
  }
  // e^2.0, 2.0^pi: a decimal with a constant is a decimal.
  if ((x.is_number() && x.number().is_float() && is_constant_expression(b)) ||
      (b.is_number() && b.number().is_float() && is_constant_expression(x)))
    if (auto v = decimal_value(Expr(intern_pair(Kind::Pow, b, x)))) return num(*v);
  // (-pi)^(1/2), (1 - e)^(3/4): an even root of a negative constant, refused as (-2)^(1/2) is.
  if (x.is_number() && is_constant_expression(b) && !obviously_positive(b) && x.number().is_exact() && !x.is_integer() &&
      !x.number().denominator().is_odd())
    if (auto v = value_outside_interval_domain(b, not_negative))
      throw MathError("an even root of a negative number (" + *v + ") is not real");
  // (-2)^pi, (1 - pi)^e, (-1)^cos(2): a negative constant to a power that is not an integer; and
  // (-pi)^2.5, a decimal power of one (it was left standing, and d/dx x (-pi)^2.5 answered it).
  bool decimal_exponent = x.is_number() && x.number().is_float();
  if ((is_constant_expression(x) || decimal_exponent) &&
      (b.is_number() ? b.number().is_negative() : is_constant_expression(b) && !obviously_positive(b))) {
    auto negative = [](double y) { return y >= 0; };
    auto whole = [](double y) { return y == std::round(y); };
    auto base = b.is_number() ? std::optional<double>(b.number().to_double()) : value_clearly_outside(b, negative);
    auto exponent = decimal_exponent ? (whole(x.number().to_double()) ? std::nullopt : std::optional<double>(x.number().to_double()))
                                     : value_clearly_outside(x, whole);
    // (a number's sign is exact: the step of -2^-200 beside x^pi at 0 is negative, however near 0)
    if (base && exponent && (b.is_number() || clearly_outside(*base, negative)))
      throw MathError("a negative base" + (*base != 0 ? " (" + six_digits(*base) + ")" : std::string()) +
                      " to a power that is no integer (" + six_digits(*exponent) + ") is not real");
  }
  return Expr(intern_pair(Kind::Pow, b, x));
}

namespace {

// A call of a function at doubles, as written in messages: exp(-1000.0).
std::string written_call(const FunctionInfo& info, const std::vector<double>& values) {
  std::string text = info.name + "(";
  for (std::size_t i = 0; i < values.size(); ++i) text += (i ? ", " : "") + Number::from_double(values[i]).to_string();
  return text + ")";
}

// The function's value at the doubles to 64 bits (info.precise, which the caller made sure of),
// and its digits for a message.
void precise_value(const FunctionInfo& info, const std::vector<double>& values, Real& v) {
  Real a(64), b(64);
  mpfr_set_d(a.get(), values[0], MPFR_RNDN);
  if (values.size() > 1) mpfr_set_d(b.get(), values[1], MPFR_RNDN);
  const mpfr_srcptr precise_args[] = {a.get(), b.get()};
  info.precise(v.get(), precise_args);
}
std::string six_digits(mpfr_srcptr v) {
  char digits[64];
  mpfr_snprintf(digits, sizeof digits, "%.6Rg", v);
  return digits;
}

// A function of doubles whose double value is not finite: undefined there (log(0.0), atanh(1.0)),
// or a value beyond a double's range (cosh(800.0) is about 1.4e347), which is no reason to call
// it undefined, nor to say that a derivative there does not exist: Unanswerable.
[[noreturn]] void not_finite(const FunctionInfo& info, const std::vector<double>& values) {
  std::string call_text = written_call(info, values);
  if (info.precise) {
    Real v(64);
    mpfr_clear_overflow();
    precise_value(info, values, v);
    if (mpfr_inf_p(v.get()) && mpfr_overflow_p())  // (past MPFR's range too: cosh(1e10) was called undefined)
      throw Unanswerable(call_text + " is beyond the range of a double (about 1.8e308), and of ddx's approximations "
                                     "(about 10^323228496)");
    if (mpfr_number_p(v.get()))
      throw Unanswerable(call_text + " is about " + six_digits(v.get()) + ", beyond the range of a double (about 1.8e308): " +
                         "write the decimals as fractions and use approx(...) for its digits");
  }
  throw MathError(call_text + " is undefined");
}

// A function of doubles whose double value is 0 or below the normal range where its precise value
// is not 0 (exp(-1000.0), sigmoid(-800.0)): noted, as a product of doubles that underflows is
// (core/float_underflow.hpp; simplify(exp(-1000.0)) printed 0.0).
// Where MPFR's value is 0 too because a part of it passed MPFR's own range (exp(-1e10) underflows;
// sigmoid(-1e10) is 1/(1 + an overflow)), it is no 0 either (x exp(-1e10) printed 0.0); an exact
// 0 (sin(0.0)) raises neither flag.
void note_underflow(const FunctionInfo& info, const std::vector<double>& values) {
  if (!info.precise) return;
  Real v(64);
  mpfr_clear_underflow();
  mpfr_clear_overflow();
  precise_value(info, values, v);
  if (mpfr_regular_p(v.get())) note_float_underflow(written_call(info, values) + " is about " + six_digits(v.get()));
  else if (mpfr_zero_p(v.get()) && (mpfr_underflow_p() || mpfr_overflow_p()))
    note_float_underflow(written_call(info, values) + " is not 0 but below about 10^-323228496", Approximable::No);
}

}  // namespace

Expr call(FunctionId f, std::vector<Expr> args) {
  const FunctionInfo& info = function_info(f);
  if (info.arity >= 0 && static_cast<int>(args.size()) != info.arity)
    throw std::logic_error(info.name + " takes " + std::to_string(info.arity) + " argument(s)");
  if (info.eval)
    if (auto r = info.eval(args)) return *r;
  if (info.numeric) {
    bool all_numbers = true, any_float = false;
    for (Expr a : args) {
      all_numbers = all_numbers && a.is_number();
      any_float = any_float || (a.is_number() && a.number().is_float());
    }
    if (all_numbers && any_float) {
      std::vector<double> values;
      for (Expr a : args) values.push_back(a.number().to_double());
      double r = info.numeric(values);
      if (!std::isfinite(r)) not_finite(info, values);
      if (std::fabs(r) < DBL_MIN) note_underflow(info, values);
      return num(Number::from_double(r));
    }
  }
  NodeParts n;
  n.kind = Kind::Call;
  n.function = f;
  n.ops.assign(args.begin(), args.end());
  return make(std::move(n));
}

Expr derivative(FunctionId f, std::vector<Expr> args, std::vector<int> indices) {
  if (indices.empty()) return call(f, std::move(args));
  std::sort(indices.begin(), indices.end());
  NodeParts n;
  n.kind = Kind::Derivative;
  n.function = f;
  n.ops.assign(args.begin(), args.end());
  n.indices.assign(indices.begin(), indices.end());
  return make(std::move(n));
}

Expr operator+(Expr a, Expr b) { return add({a, b}); }
Expr operator-(Expr a, Expr b) { return add({a, -b}); }
Expr operator-(Expr a) { return mul({Expr(-1), a}); }
Expr operator*(Expr a, Expr b) { return mul({a, b}); }
Expr operator/(Expr a, Expr b) {
  if (b.is_zero()) throw MathError("division by zero");
  return mul({a, pow(b, Expr(-1))});
}
Expr sqrt(Expr a) { return pow(a, rational(1, 2)); }

}  // namespace ddx
