// SPDX-License-Identifier: GPL-3.0-or-later
// Exact trigonometric values at rational multiples of π (see exact_values.hpp): one table of
// sin on [0, π/2]; everything else follows by periodicity and symmetry.
#include "core/exact_values.hpp"

#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/node.hpp"

namespace ddx {
namespace {

// n for an argument n·π with n an exact rational (π, 2π/3, -π/6), else nullopt.
std::optional<Number> pi_multiple_rational(Expr a) {
  if (a.is(Kind::Constant) && a.constant() == ConstantId::Pi) return Number(1);
  if (a.is(Kind::Mul) && a.bases().size() == 1 && a.bases()[0] == pi_const() && a.exponents()[0].is_one() &&
      a.number().is_exact())
    return a.number();
  return std::nullopt;
}

std::string pi_text(const Number& n) {
  if (n.is_one()) return "pi";
  if (n.is_integer()) return n.to_string() + "pi";
  std::string top = n.numerator().is_one() ? "pi" : n.numerator().to_string() + "pi";
  return top + "/" + n.denominator().to_string();
}

// The fractions r of π in [0, 1/2] whose sine has a closed form (the table below).
constexpr std::pair<long long, long long> known_fractions[] = {{0, 1},  {1, 12}, {1, 10}, {1, 8},  {1, 6},  {1, 5}, {1, 4},
                                                               {3, 10}, {1, 3},  {3, 8},  {2, 5},  {5, 12}, {1, 2}};

// sin(r·π) for r in [0, 1/2] where it has a closed form in square roots (denominators 1, 2, 3,
// 4, 5, 6, 8, 10, 12), else nullopt.
std::optional<Expr> sin_of_pi_fraction(const Number& r) {
  Expr s2 = sqrt(Expr(2)), s5 = sqrt(Expr(5)), s6 = sqrt(Expr(6));
  struct Row {
    long long num, den;
    Expr value;
  };
  const Row table[] = {
      {0, 1, Expr(0)},
      {1, 12, (s6 - s2) / 4},
      {1, 10, (s5 - 1) / 4},
      {1, 8, sqrt(2 - s2) / 2},
      {1, 6, rational(1, 2)},
      {1, 5, sqrt(10 - 2 * s5) / 4},
      {1, 4, s2 / 2},
      {3, 10, (s5 + 1) / 4},
      {1, 3, sqrt(Expr(3)) / 2},
      {3, 8, sqrt(2 + s2) / 2},
      {2, 5, sqrt(10 + 2 * s5) / 4},
      {5, 12, (s6 + s2) / 4},
      {1, 2, Expr(1)},
  };
  for (const Row& row : table)
    if (r == Number::rational(row.num, row.den)) return row.value;
  return std::nullopt;
}

// tan(r·π) and sec(r·π) for r in [0, 1/2), simplified as SymPy gives them (tan(π/8) is
// sqrt(2) - 1, not the quotient of the sines, sqrt(2 - sqrt(2))/sqrt(sqrt(2) + 2)); nullopt
// where there is no closed form. (cot(r·π) = tan((1/2 - r)·π), csc(r·π) = sec((1/2 - r)·π).)
std::optional<Expr> tan_or_sec_of_pi_fraction(bool secant, const Number& r) {
  Expr s2 = sqrt(Expr(2)), s3 = sqrt(Expr(3)), s5 = sqrt(Expr(5)), s6 = sqrt(Expr(6));
  struct Row {
    long long num, den;
    Expr tan, sec;
  };
  const Row table[] = {
      {0, 1, Expr(0), Expr(1)},
      {1, 12, 2 - s3, s6 - s2},
      {1, 10, sqrt(25 - 10 * s5) / 5, sqrt(50 - 10 * s5) / 5},
      {1, 8, s2 - 1, sqrt(4 - 2 * s2)},
      {1, 6, s3 / 3, 2 * s3 / 3},
      {1, 5, sqrt(5 - 2 * s5), s5 - 1},
      {1, 4, Expr(1), s2},
      {3, 10, sqrt(25 + 10 * s5) / 5, sqrt(50 + 10 * s5) / 5},
      {1, 3, s3, Expr(2)},
      {3, 8, s2 + 1, sqrt(4 + 2 * s2)},
      {2, 5, sqrt(5 + 2 * s5), s5 + 1},
      {5, 12, 2 + s3, s6 + s2},
  };
  for (const Row& row : table)
    if (r == Number::rational(row.num, row.den)) return secant ? row.sec : row.tan;
  return std::nullopt;
}

// n reduced by sine's periodicity and symmetry to r in [0, 1/2], with the sign that sin(n·π)
// takes against sin(r·π) (sin(π + t) = -sin(t), sin(π - t) = sin(t)).
std::pair<Number, bool> reduced_for_sine(Number n) {
  n = n - (n / Number(2)).floor() * Number(2);  // [0, 2)
  bool negative = false;
  if (!(n < Number(1))) {
    n = n - Number(1);
    negative = true;
  }
  if (Number::rational(1, 2) < n) n = Number(1) - n;
  return {n, negative};
}

// sin(n·π) for an exact rational n with a closed form.
std::optional<Expr> sin_at_pi_multiple(const Number& n) {
  auto [r, negative] = reduced_for_sine(n);
  auto v = sin_of_pi_fraction(r);
  if (!v) return std::nullopt;
  return negative ? -*v : *v;
}

// csc(n·π), the reciprocal of the sine above from the secant's table; nullopt at a pole.
std::optional<Expr> csc_at_pi_multiple(const Number& n) {
  auto [r, negative] = reduced_for_sine(n);
  if (r.is_zero()) return std::nullopt;
  auto v = tan_or_sec_of_pi_fraction(true, Number::rational(1, 2) - r);
  if (!v) return std::nullopt;
  return negative ? -*v : *v;
}

// tan(n·π) (period π, odd); nullopt at a pole.
std::optional<Expr> tan_at_pi_multiple(Number n) {
  n = n - n.floor();  // [0, 1)
  if (n == Number::rational(1, 2)) return std::nullopt;
  bool negative = Number::rational(1, 2) < n;
  auto v = tan_or_sec_of_pi_fraction(false, negative ? Number(1) - n : n);
  if (!v) return std::nullopt;
  return negative ? -*v : *v;
}

}  // namespace

// The exact value of a trigonometric function at a rational multiple of π with a closed form;
// an undefined one (tan(π/2), cot(0)) is an error, as at any other pole.
std::optional<Expr> trig_at_pi_multiple(std::string_view name, Expr a) {
  auto n = pi_multiple_rational(a);
  if (!n) return std::nullopt;
  Number quarter_turn = Number::rational(1, 2);
  // The reciprocal functions at the other function's zero, and tan and cot at theirs.
  auto pole = [&]() -> MathError { return MathError(std::string(name) + " is undefined at " + pi_text(*n)); };
  auto known = [&](std::optional<Expr> v, bool at_pole) -> std::optional<Expr> {
    if (at_pole) throw pole();
    return v;
  };
  if (name == "sin") return sin_at_pi_multiple(*n);
  if (name == "cos") return sin_at_pi_multiple(*n + quarter_turn);
  Number turn = *n - n->floor();
  if (name == "tan") return known(tan_at_pi_multiple(*n), turn == quarter_turn);
  if (name == "cot") return known(tan_at_pi_multiple(quarter_turn - *n), turn.is_zero());
  if (name == "sec") return known(csc_at_pi_multiple(*n + quarter_turn), turn == quarter_turn);
  return known(csc_at_pi_multiple(*n), turn.is_zero());  // csc
}

std::optional<Expr> inverse_trig_exact(std::string_view name, Expr a) {
  // The angles in [0, π/2] with their sines and tangents, from the same table, read backwards.
  // Built once: the sines are exact expressions that take real work to simplify, and every
  // asin, acos and atan of any argument looks here.
  struct KnownAngle {
    Expr angle, sine;
    std::optional<Expr> tangent;  // none at π/2
  };
  static const std::vector<KnownAngle> known = [] {
    KeepForever permanent;
    std::vector<KnownAngle> v;
    for (const auto& [p, q] : known_fractions) {
      Number r = Number::rational(p, q);
      Expr s = *sin_of_pi_fraction(r);
      std::optional<Expr> t;
      if (r != Number::rational(1, 2)) t = *tan_or_sec_of_pi_fraction(false, r);
      v.push_back({num(r) * pi_const(), s, t});
    }
    return v;
  }();
  auto angle = [&](Expr value, bool tangent) -> std::optional<Expr> {
    for (const KnownAngle& k : known)
      if (tangent ? k.tangent == value : k.sine == value) return k.angle;
    return std::nullopt;
  };
  bool tangent = name == "atan";
  if (name != "asin" && name != "acos" && !tangent) return std::nullopt;
  std::optional<Expr> t = angle(a, tangent);
  if (!t)
    if (auto m = angle(-a, tangent)) t = -*m;  // odd: asin(-a) = -asin(a)
  if (!t) return std::nullopt;
  return name == "acos" ? pi_const() / 2 - *t : *t;
}

}  // namespace ddx
