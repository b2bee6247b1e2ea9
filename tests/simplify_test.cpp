// SPDX-License-Identifier: GPL-3.0-or-later
// Expansion, the rule matcher and the simplifier: table-driven, compared by interned identity.
#include <doctest/doctest.h>

#include <random>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "calculus/eval.hpp"
#include "calculus/expand.hpp"
#include "calculus/rules.hpp"
#include "calculus/simplify.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/node.hpp"
#include "calculus/diff.hpp"
#include "support/random_expr.hpp"

using namespace ddx;
using namespace ddx::calc;

namespace {
struct SimplifyRow {
  std::string name;
  Expr input, expected;
};
Expr cosh_(Expr a) { return call("cosh", {a}); }
Expr sinh_(Expr a) { return call("sinh", {a}); }
}  // namespace

TEST_CASE("expand") {
  Expr x = sym("x"), y = sym("y"), a = sym("a");
  const std::vector<SimplifyRow> rows = {
      {"(x+1)^2", pow(x + 1, 2), pow(x, 2) + 2 * x + 1},
      {"6(3x+4)", 6 * (3 * x + 4), 18 * x + 24},
      {"(x+1)(x-1)", (x + 1) * (x - 1), pow(x, 2) - 1},
      {"(x+y)^3", pow(x + y, 3), pow(x, 3) + 3 * pow(x, 2) * y + 3 * x * pow(y, 2) + pow(y, 3)},
      {"inside function", sin(pow(x + 1, 2)), sin(pow(x, 2) + 2 * x + 1)},
      {"nested", x * (a + (x + 1) * (x + 2)), a * x + pow(x, 3) + 3 * pow(x, 2) + 2 * x},
      {"negative power stays", pow(x + 1, -2), pow(x + 1, -2)},
      {"power of product", pow(2 * (x + 1), 2), 4 * pow(x, 2) + 8 * x + 4},
      {"fraction", (x + 1) / x, 1 + 1 / x},
      {"no sums", x * y, x * y},
      // Multiplying terms can merge roots into a new sum, which must be multiplied out too.
      {"merged roots", (1 + sqrt(x + y)) * (x * sqrt(x + y)), x * sqrt(x + y) + pow(x, 2) + x * y},
  };
  for (const SimplifyRow& row : rows) {
    CAPTURE(row.name);
    Expr got = expand(row.input);
    CAPTURE(debug_string(got));
    CHECK(got == row.expected);
    CHECK(expand(got) == got);
  }
}

TEST_CASE("expand: limits are checked before building") {
  Expr x = sym("x"), y = sym("y"), z = sym("z");
  CHECK_THROWS_AS(expand(pow(x + 1, 2'000'000)), LimitError);
  CHECK_THROWS_AS(expand(pow(x + y + z + 1, 1000)), LimitError);
  std::vector<Expr> big;
  for (int i = 0; i < 6; ++i) big.push_back(pow(x + y + z + sym("w" + std::to_string(i)) + Expr(i + 1), 1) + sym("v" + std::to_string(i)));
  Expr product = Expr(1);
  for (Expr b : big) product = product * b;
  product = product * product * product;  // 6^18 terms if multiplied out
  CHECK_THROWS_AS(expand(product), LimitError);
  CHECK(expand(pow(x + 1, 200)) != Expr(0));
}

TEST_CASE("matcher") {
  Expr x = sym("x"), y = sym("y"), wa = sym("_a");
  Bindings b;
  bool ok = match(sin(wa), sin(x * y), b, [](Bindings&) { return true; });
  CHECK(ok);
  CHECK(lookup(b, wa) == x * y);
  // Wildcards are consistent across terms, whatever the term order.
  auto m = match_sum(pow(sin(wa), 2) + pow(cos(wa), 2), pow(sin(x), 2) + pow(cos(y), 2) + pow(cos(x), 2));
  REQUIRE(m);
  CHECK(lookup(m->bindings, wa) == x);
  CHECK(m->rest == pow(cos(y), 2));
  CHECK(!match_sum(pow(sin(wa), 2) + pow(cos(wa), 2), pow(sin(x), 2) + pow(cos(y), 2)));
}

TEST_CASE("simplify rules") {
  Expr x = sym("x"), y = sym("y"), k = sym("k"), u = sym("u");
  const std::vector<SimplifyRow> rows = {
      {"sin^2 + cos^2", pow(sin(x), 2) + pow(cos(x), 2), Expr(1)},
      {"in a larger sum", pow(sin(2 * x), 2) + pow(cos(2 * x), 2) + y, y + 1},
      {"common coefficient", 3 * pow(sin(x), 2) + 3 * pow(cos(x), 2) + x, x + 3},
      {"symbolic coefficient", k * pow(sin(x), 2) + k * pow(cos(x), 2), k},
      {"inside a function", log(pow(sin(y), 2) + pow(cos(y), 2) + x), log(x + 1)},
      {"cosh^2 - sinh^2", pow(cosh_(x), 2) - pow(sinh_(x), 2), Expr(1)},
      {"log(e^u)", log(pow(e_const(), u + x)), u + x},
      {"log(exp(u))", log(exp(u)), u},
      {"sqrt(u^2)", sqrt(pow(u, 2)), abs(u)},
      {"sqrt(4u^2)", sqrt(4 * pow(u, 2)), 2 * abs(u)},
      {"sqrt(u^2) in product", x * sqrt(pow(u, 2)), x * abs(u)},
      {"cancellation by expansion", pow(x + 1, 2) - pow(x, 2) - 2 * x, Expr(1)},
      {"expansion then identity", pow(sin(x) + cos(x), 2) - 2 * sin(x) * cos(x), Expr(1)},
      {"nothing to do", sin(x) * y, sin(x) * y},
      {"shorter unexpanded kept", pow(x + 1, 5), pow(x + 1, 5)},
  };
  for (const SimplifyRow& row : rows) {
    CAPTURE(row.name);
    Expr got = simplify(row.input);
    CAPTURE(debug_string(got));
    CHECK(got == row.expected);
  }
}

TEST_CASE("simplify records the rules that fired") {
  Expr x = sym("x");
  std::vector<std::string> fired;
  simplify(pow(sin(x), 2) + pow(cos(x), 2) + log(exp(x)), &fired);
  CHECK(std::count(fired.begin(), fired.end(), "Pythagorean identity") == 1);
  CHECK(std::count(fired.begin(), fired.end(), "logarithm of exponential") == 1);
  fired.clear();
  simplify(sin(x), &fired);
  CHECK(fired.empty());
}

TEST_CASE("substitute, free_symbols, depends_on, evaluate") {
  Expr x = sym("x"), y = sym("y"), a = sym("a");
  FunctionId f = abstract_function("f", 1);
  CHECK(substitute(pow(x, 2) + y, {{x, Expr(3)}}) == y + 9);
  CHECK(substitute(x * y, {{x, y}}) == pow(y, 2));
  CHECK(substitute(derivative(f, {x}, {0}), {{x, Expr(2)}}) == derivative(f, {Expr(2)}, {0}));
  CHECK_THROWS_AS(substitute(1 / x, {{x, Expr(0)}}), MathError);
  CHECK(free_symbols(sin(y) + pi_const() * a + pow(x, e_const())) == std::vector<Expr>{a, x, y});
  CHECK(depends_on(sin(x * y), y));
  CHECK(!depends_on(sin(x) + pi_const(), y));
  CHECK(evaluate(pow(x, 2) + y, {{"x", 3}, {"y", 0.5}}) == doctest::Approx(9.5));
  CHECK(evaluate(sin(pi_const() / 2) + log(e_const()), {}) == doctest::Approx(2));
  CHECK(std::isnan(evaluate(log(x), {{"x", -1}})));
  CHECK(std::isnan(evaluate(sqrt(x), {{"x", -1}})));
  CHECK(evaluate(pow(x, rational(1, 3)), {{"x", -8}}) == doctest::Approx(-2));
  CHECK_THROWS_AS(evaluate(call(f, {x}), {{"x", 1}}), MathError);
  CHECK_THROWS_AS(evaluate(x + y, {{"x", 1}}), MathError);
}

TEST_CASE("products: each factor is the power pow() makes of it, whatever else is in the product") {
  Expr x = sym("x"), y = sym("y"), q = sym("q");
  std::vector<Expr> bases{x, sin(x), x + 1, pi_const(), e_const(), Expr(2), 2 * x, pow(x, 2), sqrt(x + 1)};
  std::vector<Expr> exponents{Expr(2), Expr(-1), rational(1, 2), num(Number::from_double(0.5)), y, Expr(-3), Expr(1)};
  for (Expr b : bases)
    for (Expr k : exponents) {
      std::string base_text = debug_string(b), exponent_text = debug_string(k);
      CAPTURE(base_text);
      CAPTURE(exponent_text);
      Expr p = pow(b, k);
      CHECK(mul({p, q}) == mul({q, p}));
      CHECK(mul({p, q}) / q == p);
      CHECK(mul({p, y, q}) == mul({q, mul({y, p})}));
      if (b.is(Kind::Symbol) || b.is(Kind::Call) || b.is(Kind::Add)) {
        Expr product = mul({p, q});
        REQUIRE(product.is(Kind::Mul));
        auto at = std::find(product.bases().begin(), product.bases().end(), b);
        REQUIRE(at != product.bases().end());
        CHECK(product.exponents()[static_cast<std::size_t>(at - product.bases().begin())] == k);
      }
    }
  // Exponents that add up to a float zero leave a float 1 behind, not the factor x^0.0.
  Expr half = num(Number::from_double(0.5)), minus_half = num(Number::from_double(-0.5));
  for (Expr b : {x, sin(x), x + 1}) {
    Expr product = mul({pow(b, half), pow(b, minus_half), q});
    REQUIRE(product.is(Kind::Mul));
    CHECK(product.number().is_float());
    CHECK(product.bases().size() == 1);
  }
}

// Square roots of positive fractions, multiplied in any order, are one canonical number: a
// rational times the root of a squarefree integer (sqrt(1/3) sqrt(3) stayed as written, where it
// is 1, so that a division by it minus 1 could not be refused as a division by zero).
TEST_CASE("products: square roots of fractions multiply to a rational times one squarefree root") {
  std::mt19937 rng(20261205);
  std::uniform_int_distribution<int> small(1, 40), power(-3, 3), count(1, 4);
  auto squarefree = [](long long m) {
    for (long long p = 2; p * p <= m; ++p)
      if (m % (p * p) == 0) return false;
    return true;
  };
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<Expr> factors;
    double value = 1;
    for (int i = count(rng); i > 0; --i) {
      int a = small(rng), b = small(rng), k = power(rng);
      factors.push_back(pow(rational(a, b), rational(k, 2)));
      value *= std::pow(static_cast<double>(a) / b, k / 2.0);
    }
    Expr product = mul(factors);
    std::vector<Expr> reversed(factors.rbegin(), factors.rend());
    std::string text = debug_string(product);
    CAPTURE(text);
    CHECK(mul(reversed) == product);
    CHECK(evaluate(product, {}) == doctest::Approx(value).epsilon(1e-12));
    std::vector<std::pair<Expr, Expr>> powers;  // the product's radicals
    if (product.is(Kind::Pow)) powers.emplace_back(product.base(), product.exponent());
    if (product.is(Kind::Mul))
      for (std::size_t i = 0; i < product.bases().size(); ++i) powers.emplace_back(product.bases()[i], product.exponents()[i]);
    REQUIRE(powers.size() <= 1);
    for (auto [b, x] : powers) {
      REQUIRE(b.is_integer());
      CHECK(squarefree(b.number().to_long()));
      CHECK(x == rational(1, 2));
    }
  }
}

TEST_CASE("products: factors placed into a sorted run read as mul() of them all") {
  // mul_into_run is the product rule's way to a term: the other factors of a long product, sorted
  // already, and the derivative's factors placed among them. Operands that share, cancel or
  // square a factor of the run, numbers, floats and random expressions must all come out as mul()
  // of every factor makes them.
  Expr x = sym("x"), y = sym("y");
  std::vector<Expr> parts;
  for (int k = 1; k <= 12; ++k) parts.push_back(k % 3 ? sin(k * x + 1) : pow(x + k, rational(1, k + 1)));
  parts.push_back(y);
  Expr product = mul(parts);
  REQUIRE(product.is(Kind::Mul));
  REQUIRE(product.bases().size() >= 8);
  test::RandomExpr random(5);
  std::size_t compared = 0;
  for (int round = 0; round < 400; ++round) {
    auto i = static_cast<std::size_t>(round) % product.bases().size();
    std::vector<Expr> run_bases, run_exponents, everything;
    for (std::size_t j = 0; j < product.bases().size(); ++j) {
      if (j == i) continue;
      run_bases.push_back(product.bases()[j]);
      run_exponents.push_back(product.exponents()[j]);
      everything.push_back(pow(product.bases()[j], product.exponents()[j]));
    }
    Expr shared = product.bases()[(i + 1) % product.bases().size()];
    std::vector<Expr> candidates{Expr(3), num(Number::from_double(0.5)), shared, pow(shared, Expr(-1)),
                                 pow(shared, Expr(2)), 2 * shared, y, 1 / y};
    try {
      candidates.push_back(random(3));
    } catch (const std::exception&) {
    }
    Expr operands[] = {candidates[static_cast<std::size_t>(round) % candidates.size()],
                       candidates[static_cast<std::size_t>(round / 3) % candidates.size()]};
    everything.insert(everything.begin(), std::begin(operands), std::end(operands));
    Expr expected = mul(everything);
    CHECK(mul_into_run(operands, run_bases, run_exponents) == expected);
    ++compared;
  }
  CHECK(compared == 400);
  // At a position among the operands (a 1 holding its place), a factor's exponent combines with
  // the others of its base in operand order, as floats require: 0.1 + 0.2 + 0.3 is not
  // 0.2 + 0.3 + 0.1 in binary.
  Expr f1 = num(Number::from_double(0.1)), f2 = num(Number::from_double(0.2)), f3 = num(Number::from_double(0.3));
  for (Expr b : {x, sin(x), x + 1}) {
    Expr one_at_middle[] = {pow(b, f1), Expr(1), pow(b, f3)}, base[] = {b}, exponent[] = {f2};
    CHECK(mul_into_run(one_at_middle, base, exponent, 1) == mul({pow(b, f1), pow(b, f2), pow(b, f3)}));
    Expr one_first[] = {Expr(1), pow(b, f2), pow(b, f3)}, first_exponent[] = {f1};
    CHECK(mul_into_run(one_first, base, first_exponent, 0) == mul({pow(b, f1), pow(b, f2), pow(b, f3)}));
  }
}

TEST_CASE("products: a coefficient kept apart reads as the whole product") {
  // mul(operands, &c) is the product rule's way to a term: an exact coefficient other than 1 comes
  // back in c and the product without it is the term, which add() takes as a ScaledTerm. Numbers,
  // floats, lone sums (which distribute), cancelling powers and random expressions: the whole
  // product is always the coefficient times the term, and the term has no coefficient of its own.
  Expr x = sym("x"), y = sym("y");
  std::vector<Expr> candidates{Expr(3), rational(-2, 5), num(Number::from_double(0.5)), x, pow(x, -1), pow(x, 2), y + 1,
                               sqrt(Expr(2)), sqrt(Expr(8)), 2 * sin(x), -3 * x * y, pow(y, rational(1, 2)), Expr(1)};
  test::RandomExpr random(11);
  std::mt19937 rng(3);
  int split = 0;
  for (int round = 0; round < 600; ++round) {
    std::vector<Expr> operands;
    for (std::size_t n = 1 + rng() % 4; n > 0; --n) operands.push_back(candidates[rng() % candidates.size()]);
    if (round % 5 == 0) {
      try {
        operands.push_back(random(2));
      } catch (const std::exception&) {
      }
    }
    Expr whole = mul(operands);
    Number c(1);
    Expr term = mul(operands, &c);
    CAPTURE(debug_string(whole));
    if (c.is_one()) {
      CHECK(term == whole);
      continue;
    }
    ++split;
    CHECK(c.is_exact());
    CHECK_FALSE(term.is_number());
    CHECK_FALSE(term.is(Kind::Add));
    bool own_coefficient = term.is(Kind::Mul) && !term.number().is_one();
    CHECK_FALSE(own_coefficient);
    ScaledTerm alone[] = {{term, c, 0}};
    CHECK(add({}, alone) == whole);
  }
  CHECK(split > 100);
}

TEST_CASE("sums: scaled terms placed among the operands read as add() of the products") {
  // add(operands, scaled) is the sum rule's way to a polynomial's derivative: each c x^m as a term
  // and its coefficient, no product made. Wherever they stand among operands that share their
  // terms, hold floats (0.1 + 3 + 0.2 is not 0.1 + 0.2 + 3 in binary), a long sorted sum (merged
  // into, not sorted again) or cancel them, the sum is add() of the products in that order.
  Expr x = sym("x"), y = sym("y");
  std::vector<Expr> long_sum_terms;
  for (int k = 0; k < 12; ++k) long_sum_terms.push_back(rational(k + 1, 3) * pow(x, k));
  Expr long_sum = add(long_sum_terms);
  REQUIRE(long_sum.is(Kind::Add));
  std::vector<Expr> units{x, pow(x, 2), pow(x, 5), pow(x, rational(1, 2)), sin(x), y, x * y};
  std::vector<Number> coefficients{Number(3), Number(-3), Number::rational(-7, 2),
                                   Number::from_integer_text("100000000000000000000000")};
  std::vector<Expr> candidates{Expr(4), num(Number::from_double(0.1)), num(Number::from_double(0.2)) * pow(x, 2),
                               num(Number::from_double(0.3)) * x, -3 * pow(x, 5), long_sum, 2 * sin(x), y + 1};
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    std::vector<Expr> operands;
    for (std::size_t n = rng() % 5; n > 0; --n) operands.push_back(candidates[rng() % candidates.size()]);
    std::vector<ScaledTerm> scaled;
    for (std::size_t n = rng() % 4; n > 0; --n) {
      std::size_t before = scaled.empty() ? rng() % (operands.size() + 1) : scaled.back().before + rng() % 2;
      scaled.push_back({units[rng() % units.size()], coefficients[rng() % coefficients.size()],
                        std::min(before, operands.size())});
    }
    std::vector<Expr> everything;
    std::size_t s = 0;
    for (std::size_t k = 0; k <= operands.size(); ++k) {
      for (; s < scaled.size() && scaled[s].before == k; ++s) everything.push_back(num(scaled[s].coefficient) * scaled[s].term);
      if (k < operands.size()) everything.push_back(operands[k]);
    }
    Expr expected = add(everything);
    CAPTURE(debug_string(expected));
    CHECK(add(operands, scaled) == expected);
  }
  // Around the long sum: x's coefficient is ((0.2 + 3) + 2/3) + 0.7, in that order, which in
  // binary is not ((0.2 + 3) + 0.7) + 2/3.
  Number f2 = Number::from_double(0.2), f7 = Number::from_double(0.7), two_thirds = Number::rational(2, 3);
  Number in_order = ((f2 + Number(3)) + two_thirds) + f7;
  REQUIRE(in_order != ((f2 + Number(3)) + f7) + two_thirds);
  Expr around[] = {num(f2) * x, long_sum, num(f7) * x};
  ScaledTerm three_x[] = {{x, Number(3), 1}};
  Expr sum = add(around, three_x);
  REQUIRE(sum.is(Kind::Add));
  auto at = std::find(sum.terms().begin(), sum.terms().end(), x);
  REQUIRE(at != sum.terms().end());
  CHECK(sum.coefficients()[static_cast<std::size_t>(at - sum.terms().begin())] == in_order);
}

// The size of e written out as a tree, by walking it (what intern() keeps in each node).
static std::size_t walked_size(Expr e) {
  std::size_t n = 1;
  if (e.is(Kind::Add)) {
    n += !e.number().is_zero();
    for (const Number& c : e.coefficients()) n += !c.is_one();
  } else if (e.is(Kind::Mul)) {
    n += !e.number().is_one();
    for (Expr x : e.exponents()) n += !x.is_one();
  }
  for_each_child(e, [&](Expr c) {
    if (!(e.is(Kind::Mul) && c.is_one())) n += walked_size(c);
  });
  return n;
}

TEST_CASE("expr_size: the size each node keeps is its tree's, walked") {
  test::RandomExpr random(11);
  std::size_t compared = 0;
  for (int i = 0; i < 300; ++i) {
    Expr e;
    try {
      e = random(5);
    } catch (const MathError&) {
      continue;
    }
    for (Expr f : {e, calc::diff(e, sym("x")), pow(e, Expr(2)) * e + 3 * e}) {
      CAPTURE(debug_string(f));
      CHECK(calc::expr_size(f) == walked_size(f));
      ++compared;
    }
  }
  CHECK(compared > 600);
}

TEST_CASE("intern: a power found by its operands is the node intern() makes of the same parts") {
  // intern_pair hashes and compares a power without building its parts (what it does not find,
  // intern() makes): what it finds must be the node of exactly those operands, whichever way the
  // node was first made.
  auto by_parts = [](Expr b, Expr x) {
    NodeParts parts;
    parts.kind = Kind::Pow;
    parts.ops.assign({b, x});
    return Expr(intern(std::move(parts)));
  };
  int checked = 0;
  for (std::uint64_t seed = 1; checked < 400 && seed < 2000; ++seed) {
    test::RandomExpr gen(seed);
    Expr b, x;
    try {
      b = gen(2);
      x = gen(2);
    } catch (const std::exception&) {
      continue;
    }
    if (seed % 2) {
      Expr first = by_parts(b, x);
      CHECK(Expr(intern_pair(Kind::Pow, b, x)) == first);
    } else {
      Expr first(intern_pair(Kind::Pow, b, x));
      CHECK(by_parts(b, x) == first);
    }
    ++checked;
  }
  CHECK(checked == 400);
  Expr y = sym("pair_y");
  CHECK(Expr(intern_pair(Kind::Pow, y, Expr(3))) != Expr(intern_pair(Kind::Pow, Expr(3), y)));
}
