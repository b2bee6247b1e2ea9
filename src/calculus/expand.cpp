// SPDX-License-Identifier: GPL-3.0-or-later
// Expansion of products and positive integer powers of sums. Sums are handled as flat lists of
// terms (each already carrying its coefficient) so that like terms are collected by add() after
// every multiplication, which keeps intermediate results as small as the final one.
#include "calculus/expand.hpp"

#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>

#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "core/sums.hpp"

namespace ddx::calc {
namespace {

using Terms = std::vector<Expr>;

// The summands of e with their coefficients applied: 3 + 2x -> {3, 2x}; anything else -> {e}.
Terms terms_of(Expr e) {
  if (!e.is(Kind::Add)) return {e};
  Terms t;
  t.reserve(e.terms().size() + 1);
  if (!e.number().is_zero()) t.push_back(num(e.number()));
  for (std::size_t i = 0; i < e.terms().size(); ++i) t.push_back(num(e.coefficients()[i]) * e.terms()[i]);
  return t;
}

[[noreturn]] void too_many(double n) {
  throw LimitError("expansion would have about " + std::to_string(static_cast<long long>(std::min(n, 9e18))) +
                   " terms (limit " + std::to_string(static_cast<long long>(max_expand_terms)) + ")");
}

// A sum, or a power of a sum with a positive integer exponent.
bool expandable_factor(Expr b, Expr x) {
  return b.is(Kind::Add) && x.is_integer() && x.number().sign() > 0;
}

// True when multiplying two expanded terms produced a new sum factor to multiply out: merged
// bases can do that, sqrt(x + y) sqrt(x + y) = x + y.
bool needs_expansion(Expr p) {
  if (p.is(Kind::Add)) return true;
  if (p.is(Kind::Pow)) return expandable_factor(p.base(), p.exponent());
  if (p.is(Kind::Mul))
    for (std::size_t i = 0; i < p.bases().size(); ++i)
      if (expandable_factor(p.bases()[i], p.exponents()[i])) return true;
  return false;
}

Terms multiply(const Terms& a, const Terms& b) {
  Terms out;
  out.reserve(a.size() * b.size());
  for (Expr x : a)
    for (Expr y : b) {
      check_interrupt();  // the innermost loop of every expansion
      Expr p = x * y;
      out.push_back(needs_expansion(p) ? expand(p) : p);
    }
  return terms_of(add(std::move(out)));
}

// Whether some term has a sum to a power that is no integer as a factor (sqrt(x + y)): its powers
// can become sums (sqrt(x + y)^2 = x + y), which are multiplied out before the next factor
// comes, so (sqrt(x + y) + 1)^3 has x sqrt(x + y) + y sqrt(x + y) where its powers alone would
// leave (x + y)^(3/2).
bool powers_merge_into_sums(const Terms& base) {
  auto sum_to_fraction = [](Expr b, Expr x) { return b.is(Kind::Add) && !x.is_integer(); };
  for (Expr t : base) {
    if (t.is(Kind::Pow) && sum_to_fraction(t.base(), t.exponent())) return true;
    if (t.is(Kind::Mul))
      for (std::size_t i = 0; i < t.bases().size(); ++i)
        if (sum_to_fraction(t.bases()[i], t.exponents()[i])) return true;
  }
  return false;
}

// (t_1 + ... + t_k)^n by the multinomial theorem: the product t_1^e_1 ... t_k^e_k once for each
// way to write n = e_1 + ... + e_k, times n!/(e_1! ... e_k!), and add() collects like terms.
// Multiplying by the base n times built every power on the way ((x + 1)^2000: two million
// products and a gigabyte for 2001 terms, refused as too large).
Terms multinomial_terms(const Terms& base, long long n) {
  Terms out;
  // The terms whose exponents of base[0 .. i - 1] are chosen (`coefficient` and `chosen` so far),
  // `left` to share among base[i ..].
  std::function<void(std::size_t, long long, const Number&, Expr)> place = [&](std::size_t i, long long left,
                                                                              const Number& coefficient, Expr chosen) {
    check_interrupt();  // the innermost loop of every power's expansion
    if (i + 1 == base.size()) {  // the last term takes what is left
      Expr p = num(coefficient) * chosen * pow(base[i], Expr(left));
      out.push_back(needs_expansion(p) ? expand(p) : p);
      return;
    }
    Number ways = 1;  // C(left, e)
    Expr power = Expr(1);  // base[i]^e
    for (long long e = 0; e <= left; ++e) {
      place(i + 1, left - e, coefficient * ways, chosen * power);
      ways = ways * Number(left - e) / Number(e + 1);
      power = power * base[i];
    }
  };
  place(0, n, Number(1), Expr(1));
  return out;
}

// Number of monomials of (t_1 + ... + t_k)^n: C(n + k - 1, k - 1), in floating point to avoid
// overflow; an upper bound on the result size.
double multinomial_count(double n, double k) {
  return std::exp(std::lgamma(n + k) - std::lgamma(n + 1) - std::lgamma(k));
}

class Expander {
 public:
  Expr operator()(Expr e) {
    switch (e.kind()) {
      case Kind::Number:
      case Kind::Constant:
      case Kind::Symbol: return e;
      default: break;
    }
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    Expr r = compute(e);
    done_.emplace(e.node(), r);
    return r;
  }

 private:
  Expr compute(Expr e) {
    switch (e.kind()) {
      case Kind::Call: {  // a sum splits over its body's terms, pulling out what does not depend on the index
        Expr r = map_children(e, [this](Expr c) { return (*this)(c); });
        return is_sum(r) ? split_sums(r) : r;
      }
      case Kind::Derivative: return map_children(e, [this](Expr c) { return (*this)(c); });
      case Kind::Pow: return power((*this)(e.base()), (*this)(e.exponent()));
      case Kind::Mul: {
        std::vector<Expr> factors{num(e.number())};
        for (std::size_t i = 0; i < e.bases().size(); ++i)
          factors.push_back(power((*this)(e.bases()[i]), (*this)(e.exponents()[i])));
        return product(factors);
      }
      case Kind::Add: {
        Terms all{num(e.number())};
        for (std::size_t i = 0; i < e.terms().size(); ++i)
          for (Expr t : terms_of((*this)(e.terms()[i]))) all.push_back(num(e.coefficients()[i]) * t);
        return add(std::move(all));
      }
      default: return e;
    }
  }

  // b^x for expanded b and x, multiplying out when b is a sum and x a positive integer.
  Expr power(Expr b, Expr x) {
    Expr p = pow(b, x);
    if (p.is(Kind::Mul)) {  // (2(x+1))^2 = 4 (x+1)^2: the sum's power is a factor now
      std::vector<Expr> factors{num(p.number())};
      for (std::size_t i = 0; i < p.bases().size(); ++i) factors.push_back(pow(p.bases()[i], p.exponents()[i]));
      return product(factors);
    }
    if (!p.is(Kind::Pow) || !p.base().is(Kind::Add) || !p.exponent().is_integer() ||
        p.exponent().number().sign() <= 0)
      return p;
    Terms base = terms_of(p.base());
    const Number& n = p.exponent().number();
    double count = n.fits_long() ? multinomial_count(static_cast<double>(n.to_long()), static_cast<double>(base.size()))
                                 : INFINITY;
    if (!(count <= max_expand_terms)) too_many(count);
    // The coefficients grow too: (x + 1)^100000 has only 100001 terms but about 3e9 digits.
    double digits = 0;
    for (Expr t : base) {
      const Number c = split_coefficient(t).first;
      double d = c.fits_long() ? std::log10(std::abs(static_cast<double>(c.to_long())) + 1)
                               : static_cast<double>(c.digits_estimate());
      digits = std::max(digits, d);
    }
    digits = static_cast<double>(n.to_long()) * (digits + std::log10(static_cast<double>(base.size())));
    if (count * digits > max_expand_digits)
      throw LimitError("expansion too large: about " + std::to_string(static_cast<long long>(count)) +
                       " terms with coefficients of up to " + std::to_string(static_cast<long long>(digits)) +
                       " digits");
    if (powers_merge_into_sums(base)) {  // sqrt(x + y)^2 = x + y: each power multiplied out in turn
      Terms r = base;
      for (long long i = 1; i < n.to_long(); ++i) r = multiply(r, base);
      return add(std::move(r));
    }
    return add(multinomial_terms(base, n.to_long()));
  }

  // Multiplies out already-expanded factors: the sums among them are distributed over each other.
  Expr product(const std::vector<Expr>& factors) {
    std::vector<Expr> plain;
    std::vector<Terms> sums;
    double count = 1;
    for (Expr f : factors) {
      if (f.is(Kind::Add)) {
        sums.push_back(terms_of(f));
        count *= static_cast<double>(sums.back().size());
      } else {
        plain.push_back(f);
      }
    }
    if (sums.empty()) return mul(std::move(plain));
    if (count > max_expand_terms) too_many(count);
    Terms r{mul(std::move(plain))};
    for (const Terms& s : sums) r = multiply(r, s);
    return add(std::move(r));
  }

  std::unordered_map<const void*, Expr> done_;
};

}  // namespace

Expr expand(Expr e) { return Expander()(e); }

}  // namespace ddx::calc
