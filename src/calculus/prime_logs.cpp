// SPDX-License-Identifier: GPL-3.0-or-later
// Logarithms of rationals by prime factors (see prime_logs.hpp).
#include "calculus/prime_logs.hpp"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/functions.hpp"
#include "core/pointer_set.hpp"

namespace ddx::calc {
namespace {

// Trial division by numbers up to this; what is left below its square is prime.
constexpr std::uint64_t largest_trial_divisor = 1'000'000;

// n's factors with their multiplicities (n >= 2). The last may be composite: a cofactor with no
// divisor up to largest_trial_divisor and above its square.
std::vector<std::pair<std::uint64_t, int>> factors_of(std::uint64_t n) {
  std::vector<std::pair<std::uint64_t, int>> out;
  auto divide_out = [&](std::uint64_t d) {
    int k = 0;
    while (n % d == 0) n /= d, ++k;
    if (k) out.emplace_back(d, k);
  };
  divide_out(2);
  for (std::uint64_t d = 3; d <= largest_trial_divisor && d * d <= n; d += 2) divide_out(d);
  if (n > 1) out.emplace_back(n, 1);
  return out;
}

// Divides the small primes out of an integer too large for a machine word (2^70, 10^30) while it
// stays one: their factors, and the rest.
constexpr long long largest_divisor_of_large = 10'000;

std::vector<std::pair<std::uint64_t, int>> small_factors_of_large(Number& n) {
  std::vector<std::pair<std::uint64_t, int>> out;
  for (long long d = 2; d <= largest_divisor_of_large && !n.fits_long(); d += d == 2 ? 1 : 2) {
    int k = 0;
    for (Number q = n / Number(d); q.is_integer(); q = n / Number(d)) n = q, ++k;
    if (k) out.emplace_back(static_cast<std::uint64_t>(d), k);
  }
  return out;
}

// log(n) for an integer n as a sum over its factors; nullopt when n is prime, 1, or cannot be split.
std::optional<Expr> integer_log(Number n) {
  std::vector<std::pair<std::uint64_t, int>> factors = small_factors_of_large(n);
  if (!n.fits_long()) {
    if (factors.empty()) return std::nullopt;
    factors.emplace_back(0, 1);  // (the rest, written as it is)
  } else if (n.to_long() >= 2) {
    for (const auto& f : factors_of(static_cast<std::uint64_t>(n.to_long()))) factors.push_back(f);
  }
  if (factors.empty() || (factors.size() == 1 && factors[0].second == 1)) return std::nullopt;
  Expr sum(0);
  for (const auto& [p, k] : factors) sum += Expr(k) * log(p == 0 ? Expr(n) : Expr(static_cast<long long>(p)));
  return sum;
}

bool is_log(Expr e) {
  static const FunctionId log_id = *find_function("log");
  return e.is(Kind::Call) && e.function() == log_id;
}

bool positive_rational(Expr e) { return e.is(Kind::Number) && e.number().is_exact() && e.number().sign() > 0; }

// A positive rational's rational power (sqrt(6) = 6^(1/2)).
bool rational_power_of_positive(Expr e) {
  return e.is(Kind::Pow) && positive_rational(e.base()) && e.exponent().is(Kind::Number) && e.exponent().number().is_exact();
}

// A product of a positive rational and such powers (2 sqrt(3), 6^(1/3)/5): its log is a sum of
// logs of primes.
bool positive_radical_monomial(Expr e) {
  if (positive_rational(e) || rational_power_of_positive(e)) return true;
  if (!e.is(Kind::Mul) || !e.number().is_exact() || e.number().sign() <= 0) return false;
  for (std::size_t i = 0; i < e.bases().size(); ++i)
    if (!positive_rational(e.bases()[i]) || !e.exponents()[i].is(Kind::Number) || !e.exponents()[i].number().is_exact())
      return false;
  return true;
}

// Whether e holds a log of such a product to write by primes (most expressions hold none, and are
// then not rebuilt).
bool has_log_of_number(Expr e, PointerSet& seen) {
  if (e.is(Kind::Number) || e.is(Kind::Symbol) || e.is(Kind::Constant) || !seen.insert(e.node())) return false;
  if (is_log(e) && positive_radical_monomial(e.args()[0])) return true;
  bool found = false;
  visit_children(e, [&](Expr c) { found = found || has_log_of_number(c, seen); });
  return found;
}

class ByPrimes {
 public:
  Expr operator()(Expr e) {
    if (e.is(Kind::Number) || e.is(Kind::Symbol) || e.is(Kind::Constant)) return e;
    if (auto done = memo_.find(e); done != memo_.end()) return done->second;
    Expr out = is_log(e) ? of_log(e) : map_children(e, [this](Expr c) { return (*this)(c); });
    memo_.emplace(e, out);
    return out;
  }

 private:
  Expr of_log(Expr e) {
    Expr a = e.args()[0];
    if (!positive_radical_monomial(a)) return map_children(e, [this](Expr c) { return (*this)(c); });
    if (a.is(Kind::Number)) return log_of_rational(a.number());
    // log(6^(1/2)) = log(6)/2, log(2 sqrt(3)) = log(2) + log(3)/2: each factor positive
    if (a.is(Kind::Pow)) return a.exponent() * log_of_rational(a.base().number());
    Expr sum = log_of_rational(a.number());
    for (std::size_t i = 0; i < a.bases().size(); ++i) sum += a.exponents()[i] * log_of_rational(a.bases()[i].number());
    return sum;
  }

  static Expr log_of_rational(const Number& r) { return log_of_integer(r.numerator()) - log_of_integer(r.denominator()); }

  // log(n), n >= 1, by its factors where it has several.
  static Expr log_of_integer(const Number& n) {
    if (n.is_one()) return Expr(0);
    return integer_log(n).value_or(log(Expr(n)));
  }

  std::unordered_map<Expr, Expr> memo_;
};

}  // namespace

Expr logs_by_primes(Expr e) {
  PointerSet seen;
  return has_log_of_number(e, seen) ? ByPrimes()(e) : e;
}

}  // namespace ddx::calc
