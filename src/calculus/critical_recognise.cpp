// SPDX-License-Identifier: GPL-3.0-or-later
// The numeric side of `critical` (see critical_numeric.hpp), continued: exact values near the
// decimals the search finds, and the periods of periodic functions.
#include <cmath>
#include <functional>
#include <numbers>
#include <unordered_map>

#include "calculus/critical_numeric.hpp"
#include "calculus/diff.hpp"
#include "core/functions.hpp"
#include "core/substitute.hpp"

namespace ddx::calc {
namespace {

// a as r (exact rational) or r pi; false when it is neither.
bool rational_or_pi_multiple(Expr a, Number& r, bool& pi) {
  if (a.is_number() && a.number().is_exact() && !a.is_zero()) {
    r = a.number();
    pi = false;
    return true;
  }
  if (a.is(Kind::Mul) && a.bases().size() == 1 && a.bases()[0] == pi_const() && a.exponents()[0].is_one() &&
      a.number().is_exact()) {
    r = a.number();
    pi = true;
    return true;
  }
  if (a == pi_const()) {
    r = Number(1);
    pi = true;
    return true;
  }
  return false;
}

Number abs_number(const Number& n) { return n.is_negative() ? -n : n; }

// The least common multiple of two positive rationals.
Number rational_lcm(const Number& a, const Number& b) {
  auto lcm_int = [](Number x, Number y) {  // exact positive integers
    Number p = x * y, g = x;
    Number h = y;
    while (!h.is_zero()) {
      Number q = (g / h).floor();
      Number t = g - q * h;
      g = h;
      h = t;
    }
    return p / g;
  };
  auto gcd_int = [](Number g, Number h) {
    while (!h.is_zero()) {
      Number q = (g / h).floor();
      Number t = g - q * h;
      g = h;
      h = t;
    }
    return g;
  };
  return lcm_int(a.numerator(), b.numerator()) / gcd_int(a.denominator(), b.denominator());
}

}  // namespace

std::vector<std::vector<Expr>> exact_candidates(const std::vector<double>& x, double tolerance) {
  std::vector<std::vector<Expr>> options;
  for (double v : x) {
    std::vector<Expr> o;
    double tol = tolerance * std::max(1.0, std::abs(v));
    for (long long q = 1; q <= 12 && o.empty(); ++q) {
      double p = std::round(v * static_cast<double>(q));
      if (std::abs(v - p / static_cast<double>(q)) <= tol) o.push_back(Expr(num(Number::rational(static_cast<long long>(p), q))));
    }
    for (Expr c : {pi_const(), e_const()}) {  // p/q pi, p/q e
      double cv = c == pi_const() ? std::numbers::pi : std::numbers::e;
      for (long long q = 1; q <= 12; ++q) {
        double p = std::round(v * static_cast<double>(q) / cv);
        if (p != 0 && std::abs(v - p * cv / static_cast<double>(q)) <= tol) {
          o.push_back(num(Number::rational(static_cast<long long>(p), q)) * c);
          break;
        }
      }
    }
    for (long long q = 1; q <= 12; ++q) {  // sqrt(p/q), written sqrt(p q)/q
      double p = std::round(v * v * static_cast<double>(q));
      if (p <= 0 || std::abs(std::abs(v) - std::sqrt(p / static_cast<double>(q))) > tol) continue;
      Expr r = sqrt(num(Number(static_cast<long long>(p) * q))) / num(Number(q));
      if (!r.is_number()) o.push_back(v < 0 ? -r : r);  // rational ones are above
      break;
    }
    if (v > 0) {  // e^(p/q)
      double l = std::log(v);
      for (long long q = 1; q <= 4; ++q) {
        double p = std::round(l * static_cast<double>(q));
        if (p != 0 && std::abs(p) <= 24 && std::abs(v - std::exp(p / static_cast<double>(q))) <= tol) {
          o.push_back(pow(e_const(), num(Number::rational(static_cast<long long>(p), q))));
          break;
        }
      }
    }
    if (o.empty()) return {};
    options.push_back(std::move(o));
  }
  std::vector<std::vector<Expr>> out{{}};
  for (const auto& o : options) {
    std::vector<std::vector<Expr>> next;
    for (const auto& prefix : out)
      for (Expr e : o) {
        auto p = prefix;
        p.push_back(e);
        next.push_back(std::move(p));
      }
    out = std::move(next);
  }
  return out;
}

std::optional<Expr> period_in(Expr f, Expr var) {
  if (!depends_on(f, var)) return std::nullopt;
  bool periodic = true, any = false, kind_pi = false;
  Number period;
  std::unordered_map<const void*, bool> seen;
  std::function<void(Expr)> walk = [&](Expr e) {
    if (!periodic || seen.count(e.node())) return;
    seen[e.node()] = true;
    if (e == var) {
      periodic = false;
      return;
    }
    if (e.is(Kind::Call) && e.args().size() == 1 && depends_on(e, var)) {
      const std::string& name = function_info(e.function()).name;
      bool half = name == "tan" || name == "cot";
      if (half || name == "sin" || name == "cos" || name == "sec" || name == "csc") {
        Expr arg = e.args()[0];
        Expr a = diff(arg, var);
        Number r;
        bool pi = false;
        if (depends_on(a, var) || !rational_or_pi_multiple(a, r, pi)) {
          periodic = false;
          return;
        }
        // The period 2 pi / a (pi / a for tan and cot): (2/r) pi, or 2/r when a = r pi.
        Number t = abs_number(Number(half ? 1 : 2) / r);
        bool t_pi = !pi;
        if (any && t_pi != kind_pi) {
          periodic = false;
          return;
        }
        period = any ? rational_lcm(period, t) : t;
        kind_pi = t_pi;
        any = true;
        return;
      }
    }
    for_each_child(e, walk);
  };
  walk(f);
  if (!periodic || !any) return std::nullopt;
  return kind_pi ? num(period) * pi_const() : num(period);
}

}  // namespace ddx::calc
