// SPDX-License-Identifier: GPL-3.0-or-later
// Property tests of the polynomial algebra over seeded random polynomials in 1-3 variables with
// small integer and rational coefficients: gcds are common divisors with coprime cofactors,
// factorisations multiply back and are irreducible, simplify's cancellation keeps values. Each
// case prints its seed (DDX_SEED replays another base), and each property counts the cases it
// really checked and fails if there were too few.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <unordered_map>
#include <vector>

#include "calculus/eval.hpp"
#include "calculus/expand.hpp"
#include "calculus/poly_convert.hpp"
#include "calculus/polynomial.hpp"
#include "calculus/simplify.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/substitute.hpp"

using namespace ddx;
using namespace ddx::calc;

namespace {

const std::uint64_t base_seed = std::getenv("DDX_SEED") ? std::strtoull(std::getenv("DDX_SEED"), nullptr, 10) : 20260314;

class RandomPoly {
 public:
  explicit RandomPoly(std::uint64_t seed) : rng_(seed) {}

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // The first 1-3 of x, y, z.
  std::vector<Expr> variables() {
    std::vector<Expr> all = {sym("x"), sym("y"), sym("z")};
    all.resize(static_cast<std::size_t>(pick(1, 3)));
    return all;
  }

  // A polynomial of total degree <= max_degree with 1..max_terms terms; coefficients in -5..5,
  // sometimes halves or thirds. Never zero.
  Expr operator()(const std::vector<Expr>& vars, int max_degree, int max_terms) {
    for (;;) {
      Expr sum = 0;
      int terms = pick(1, max_terms);
      for (int t = 0; t < terms; ++t) {
        int c = pick(-5, 5);
        Expr term = pick(0, 4) == 0 ? rational(c, pick(2, 3)) : Expr(c);
        int left = pick(0, max_degree);
        for (Expr v : vars) {
          int e = pick(0, left);
          left -= e;
          term = term * pow(v, Expr(e));
        }
        sum = sum + term;
      }
      if (!sum.is_zero()) return sum;
    }
  }

  // A random exact point for vars: small integers and fractions.
  std::unordered_map<Expr, Expr> point(const std::vector<Expr>& vars) {
    std::unordered_map<Expr, Expr> p;
    for (Expr v : vars) p[v] = rational(pick(-7, 7), pick(1, 4));
    return p;
  }

 private:
  std::mt19937_64 rng_;
};

// True when d divides n as polynomials (n/d in lowest terms has a constant denominator).
bool divides(Expr d, Expr n) {
  auto q = poly::to_fraction(n / d, {5000, 400, 64}, "test");
  REQUIRE(q);
  return q->den.is_constant();
}

bool is_constant_poly(Expr e) { return free_symbols(e).empty(); }

}  // namespace

TEST_CASE("property: gcd(a c, b c) is a multiple of c that divides both, with coprime cofactors") {
  int checked = 0;
  for (int i = 0; i < 150; ++i) {
    std::uint64_t seed = base_seed + static_cast<std::uint64_t>(i);
    INFO("seed " << seed);
    RandomPoly gen(seed);
    auto vars = gen.variables();
    Expr a = gen(vars, 4, 4), b = gen(vars, 4, 4), c = gen(vars, 3, 3);
    Expr ac = expand(a * c), bc = expand(b * c);
    auto g = polynomial_gcd(ac, bc);
    REQUIRE(g);
    CAPTURE(debug_string(ac));
    CAPTURE(debug_string(bc));
    CAPTURE(debug_string(*g));
    CHECK(divides(c, *g));
    CHECK(divides(*g, ac));
    CHECK(divides(*g, bc));
    // Greatest: what is left of a c and b c has no common factor but a number.
    auto rest = polynomial_gcd(*cancel(ac / *g), *cancel(bc / *g));
    REQUIRE(rest);
    CHECK(is_constant_poly(*rest));
    ++checked;
  }
  CHECK(checked >= 150);
}

TEST_CASE("property: the PRS fallback and GCDHEU agree") {
  int checked = 0;
  for (int i = 0; i < 60; ++i) {
    std::uint64_t seed = base_seed + 500 + static_cast<std::uint64_t>(i);
    INFO("seed " << seed);
    RandomPoly gen(seed);
    auto vars = gen.variables();
    Expr a = gen(vars, 3, 4), b = gen(vars, 3, 4), c = gen(vars, 2, 3);
    auto fs = poly::to_fractions({expand(a * c), expand(b * c)}, {5000, 200, 64}, "test");
    REQUIRE(fs);
    const poly::Poly &pa = (*fs)[0].num, &pb = (*fs)[1].num;
    CHECK(poly::gcd_by_prs(pa, pb) == poly::gcd(pa, pb));
    ++checked;
  }
  CHECK(checked >= 60);
}

TEST_CASE("property: factor multiplies back, into irreducible, distinct factors") {
  int checked = 0, nontrivial = 0;
  for (int i = 0; i < 120; ++i) {
    std::uint64_t seed = base_seed + 1000 + static_cast<std::uint64_t>(i);
    INFO("seed " << seed);
    RandomPoly gen(seed);
    auto vars = gen.variables();
    // A product of 1-3 random polynomials, some squared: so that there is something to find.
    Expr product = rational(gen.pick(-4, 4) | 1, gen.pick(1, 3));
    int blocks = 0;
    for (int k = gen.pick(1, 3); k > 0; --k) {
      Expr p = gen(vars, 3, 3);
      int m = gen.pick(1, 4) == 1 ? 2 : 1;
      product = product * pow(p, Expr(m));
      if (!is_constant_poly(p)) blocks += m;
    }
    Expr p = expand(product);
    CAPTURE(debug_string(p));
    auto f = factor(p);
    REQUIRE(f);
    CHECK(expand(f->expr()) == p);
    int with_multiplicity = 0;
    for (std::size_t j = 0; j < f->factors.size(); ++j) {
      Expr q = f->factors[j].first;  // not a structured binding: clang cannot capture those in CHECK
      int m = f->factors[j].second;
      CAPTURE(debug_string(q));
      CHECK(m > 0);
      CHECK(!is_constant_poly(q));
      for (std::size_t k = 0; k < j; ++k) CHECK(f->factors[k].first != q);
      auto again = factor(q);
      REQUIRE(again);
      CHECK(again->coefficient == Number(1));
      CHECK(again->factors == std::vector<std::pair<Expr, int>>{{q, 1}});
      with_multiplicity += m;
    }
    // Every non-constant block contributes at least one irreducible factor.
    CHECK(with_multiplicity >= blocks);
    nontrivial += with_multiplicity >= 2;
    ++checked;
  }
  CHECK(checked >= 120);
  CHECK(nontrivial >= 40);
}

TEST_CASE("property: factor of a quotient is the quotient in lowest terms") {
  int checked = 0;
  for (int i = 0; i < 80; ++i) {
    std::uint64_t seed = base_seed + 2000 + static_cast<std::uint64_t>(i);
    INFO("seed " << seed);
    RandomPoly gen(seed);
    auto vars = gen.variables();
    Expr p = gen(vars, 3, 3), q = gen(vars, 3, 3), c = gen(vars, 2, 3);
    Expr e = expand(p * c) / expand(q * c);
    auto f = factor(e);
    REQUIRE(f);
    CAPTURE(debug_string(e));
    CHECK(cancel(f->expr()) == cancel(p / q));
    ++checked;
  }
  CHECK(checked >= 80);
}

TEST_CASE("property: simplify(p c / (q c)) has the value of p/q and is no larger") {
  int checked = 0, points = 0;
  for (int i = 0; i < 120; ++i) {
    std::uint64_t seed = base_seed + 3000 + static_cast<std::uint64_t>(i);
    INFO("seed " << seed);
    RandomPoly gen(seed);
    auto vars = gen.variables();
    Expr p = gen(vars, 3, 3), q = gen(vars, 3, 3), c = gen(vars, 2, 3);
    Expr num = expand(p * c), den = expand(q * c);
    if (den.is_zero()) continue;
    Expr e = num / den;
    CAPTURE(debug_string(e));
    Expr s = simplify(e);
    CAPTURE(debug_string(s));
    CHECK(expr_size(s) <= expr_size(e));
    for (int k = 0; k < 3; ++k) {
      auto at = gen.point(vars);
      Expr expected, got;
      try {
        expected = substitute(e, at);  // the original's domain: points where q c vanishes are skipped
      } catch (const MathError&) {
        continue;
      }
      got = substitute(s, at);
      CHECK(got == expected);
      ++points;
    }
    ++checked;
  }
  CHECK(checked >= 110);
  CHECK(points >= 250);
}

// expand(p^n) by the multinomial theorem against p^(n-1) p multiplied out term by term (expand's
// other way, for a product of sums) and against the value of p, to the n, at an exact point. The
// terms of p are monomials and, now and then, atoms whose powers behave differently: sin(x),
// sqrt(x), 1/(x + 1) and sqrt(x + y), whose square is a sum to multiply out again.
TEST_CASE("property: expand((t_1 + ... + t_k)^n) is p^(n-1) p multiplied out, with the value p(a)^n") {
  int checked = 0;
  for (int i = 0; i < 120; ++i) {
    std::uint64_t seed = base_seed + 5000 + static_cast<std::uint64_t>(i);
    INFO("seed " << seed);
    RandomPoly gen(seed);
    auto vars = gen.variables();
    Expr p = gen(vars, 3, 4);
    const Expr x = vars[0], y = vars.size() > 1 ? vars[1] : x;
    const std::vector<Expr> atoms = {ddx::sin(x), pow(x, rational(1, 2)), pow(x + 1, Expr(-1)), pow(x + y, rational(1, 2))};
    if (int which = gen.pick(0, 6); which < 4) p = p + Expr(gen.pick(1, 3)) * atoms[static_cast<std::size_t>(which)];
    if (!p.is(Kind::Add)) continue;
    int n = gen.pick(2, 7);
    CAPTURE(debug_string(p));
    CAPTURE(n);
    Expr by_powers = expand(pow(p, Expr(n)));
    Expr by_products = expand(mul({pow(p, Expr(n - 1)), p}));
    CHECK(by_powers == by_products);
    // x > 0 and x + y > 0 at the point: every atom has a value there.
    std::unordered_map<Expr, Expr> at;
    for (Expr v : vars) at[v] = rational(gen.pick(1, 9), gen.pick(1, 4));
    CHECK(simplify(substitute(by_powers, at) - pow(substitute(p, at), Expr(n))).is_zero());
    ++checked;
  }
  CHECK(checked >= 90);
}
