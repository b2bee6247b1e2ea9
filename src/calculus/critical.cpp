// SPDX-License-Identifier: GPL-3.0-or-later
// Critical points (see critical.hpp): the route (exact polynomial system or numeric search),
// then for every candidate the same checks: the gradient is zero there, f has a real value
// there, and the Hessian's kind. The kind comes from the signs of the characteristic
// polynomial's coefficients (the sums e_k of the principal k x k minors): a real symmetric matrix
// has only real eigenvalues, so Descartes' rule counts its positive and negative ones exactly.
// All positive is a minimum, all negative a maximum, both signs a saddle (also when H is
// singular), and anything else (a singular semidefinite H) is inconclusive.
#include "calculus/critical.hpp"

#include <gmpxx.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <numbers>
#include <unordered_map>
#include <unordered_set>

#include "calculus/critical_numeric.hpp"
#include "calculus/critical_solve.hpp"
#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/evalf.hpp"
#include "calculus/expand.hpp"
#include "calculus/groebner.hpp"
#include "calculus/poly_convert.hpp"
#include "calculus/polynomial.hpp"
#include "calculus/simplify.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"
#include "core/substitute.hpp"

namespace ddx::calc {
namespace {

using Matrix = std::vector<std::vector<Expr>>;

constexpr int solve_bits = 256;      // approximate roots of polynomial systems: within 2^-256
constexpr int shown_digits = 10;     // significant digits of an approximate number
constexpr int rough_digits = 5;      // ... of a numeric zero that is not simple (less accurate)
constexpr poly::ConvertLimits convert_limits{max_poly_terms, max_poly_degree, max_poly_variables};

// Refuses what has no critical points in the sense of `critical`: unknown functions, and
// functions with corners or jumps (the gradient does not exist everywhere).
void check_differentiable(Expr f, const std::vector<Expr>& vars) {
  std::unordered_set<const void*> seen;
  std::function<void(Expr)> walk = [&](Expr e) {
    if (!seen.insert(e.node()).second) return;
    if (e.is(Kind::Call) || e.is(Kind::Derivative)) {
      const FunctionInfo& info = function_info(e.function());
      if (info.abstract)
        throw MathError("critical: " + info.name + " is an unknown function; define it first (f(x) = ...)");
      static const char* const corners[] = {"abs", "sign", "relu", "max", "min"};
      bool depends = false;
      for (Expr v : vars) depends = depends || depends_on(e, v);
      for (const char* name : corners)
        if (info.name == name && depends)
          throw MathError("critical: " + info.name +
                          " has points with no derivative (a corner or a jump); critical needs a differentiable function");
    }
    for_each_child(e, walk);
  };
  walk(f);
}

bool is_exponential(Expr e) { return e.is(Kind::Pow) && e.base() == e_const(); }

// e is a polynomial in vars with rational coefficients.
bool polynomial_in(Expr e, const std::vector<Expr>& vars) {
  switch (e.kind()) {
    case Kind::Number: return e.number().is_exact();
    case Kind::Symbol: return std::find(vars.begin(), vars.end(), e) != vars.end();
    case Kind::Add:
      if (!e.number().is_exact()) return false;
      for (std::size_t i = 0; i < e.terms().size(); ++i)
        if (!e.coefficients()[i].is_exact() || !polynomial_in(e.terms()[i], vars)) return false;
      return true;
    case Kind::Mul:
      if (!e.number().is_exact()) return false;
      for (std::size_t i = 0; i < e.bases().size(); ++i) {
        Expr x = e.exponents()[i];
        if (!x.is_integer() || x.number().is_negative() || !polynomial_in(e.bases()[i], vars)) return false;
      }
      return true;
    case Kind::Pow:
      return e.exponent().is_integer() && !e.exponent().number().is_negative() && polynomial_in(e.base(), vars);
    default: return false;
  }
}

// The equations whose real solutions are the zeros of the gradient, when every component is,
// up to factors e^u and a denominator, a polynomial in vars: the distinct polynomial factors of
// the numerators. nullopt when some component is not of that form (or holds a float).
std::optional<std::vector<poly::Poly>> polynomial_system(const std::vector<Expr>& grad, const std::vector<Expr>& vars) {
  std::vector<Expr> equations;
  for (Expr g : grad) {
    if (g.is_zero()) continue;
    auto f = factor(g);
    if (!f) return std::nullopt;
    if (f->coefficient.is_zero()) continue;
    std::vector<Expr> kept;
    for (const auto& [factor, multiplicity] : f->factors) {
      if (is_exponential(factor)) continue;  // e^u is never 0 (nor infinite)
      if (!polynomial_in(factor, vars)) return std::nullopt;
      if (multiplicity > 0) kept.push_back(factor);  // a denominator's zeros are outside the domain
    }
    equations.push_back(mul(std::move(kept)));
  }
  std::vector<poly::Poly> out;
  if (equations.empty()) return out;
  auto fractions = poly::to_fractions(equations, convert_limits, "critical");
  if (!fractions) return std::nullopt;
  for (const poly::Fraction& fr : *fractions) {
    std::vector<std::size_t> perm;
    for (Expr g : fr.gens) perm.push_back(static_cast<std::size_t>(std::find(vars.begin(), vars.end(), g) - vars.begin()));
    out.push_back(poly::permute(fr.num, perm, vars.size()));
  }
  return out;
}

// ---- numbers ----

// The value of a closed expression as a double, from MPFR (which refuses non-real values).
double precise_value(Expr e, int digits = 40) { return std::strtod(evalf(e, digits).c_str(), nullptr); }

// evalf's digits, with small numbers in scientific notation (2.944878393e-6, not 0.000002944878393).
std::string decimal(Expr e, int digits) {
  std::string s = evalf(e, digits);
  bool negative = !s.empty() && s[0] == '-';
  std::string body = negative ? s.substr(1) : s;
  if (body.rfind("0.0000", 0) != 0 || body == "0.0") return s;
  std::size_t first = body.find_first_not_of('0', 2);
  if (first == std::string::npos) return s;
  std::string mantissa = body.substr(first);
  std::string out = mantissa.substr(0, 1) + "." + (mantissa.size() > 1 ? mantissa.substr(1) : "0");
  return (negative ? "-" : "") + out + "e-" + std::to_string(first - 1);
}

CriticalNumber exact_number(Expr e) {
  CriticalNumber n;
  n.exact = e;
  try {
    n.numeric = precise_value(e);
  } catch (const MathError&) {  // a value with symbols that are not variables (x^2 + a at x = 0)
    n.numeric = 0;
  }
  return n;
}

// A decimal of `digits` significant digits; `snap`: one below double precision's reach around 0
// (a coordinate from the numeric search) is 0.0.
CriticalNumber approximate_number(Expr close, int digits, bool snap) {
  CriticalNumber n;
  n.approximate = true;
  n.numeric = precise_value(close);
  n.decimal = snap && std::abs(n.numeric) < 1e-13 ? "0.0" : decimal(close, digits);
  return n;
}

Expr rational(const mpq_class& q) { return num(poly::to_number(q)); }

Expr rational(double d) {
  mpq_class q(d);
  return rational(q);
}

// ---- candidates ----

struct Candidate {
  bool exact = false;          // every coordinate exact
  std::vector<bool> exact_at;  // which coordinates are exact (shown exactly even in a decimal point)
  bool searched = false;     // from the numeric search (else from an exact solution)
  std::vector<Expr> coords;  // exact values, or rationals close to the point
  double tolerance = 0;      // approximate: |values| below tolerance * scale count as 0
  double error = 0;          // searched: how far the point may be from the zero (relative)
  int digits = shown_digits;
};

std::unordered_map<Expr, Expr> point_of(const std::vector<Expr>& vars, const std::vector<Expr>& coords) {
  std::unordered_map<Expr, Expr> p;
  for (std::size_t k = 0; k < vars.size(); ++k) p.emplace(vars[k], coords[k]);
  return p;
}

// A value at a radical point, tidied: a power A^(n + r) of a sum of numbers (n >= 1 whole,
// 0 < r < 1) is A^n multiplied out times A^r, and the whole multiplied out, so that the powers of
// one radical collect: 4 (sqrt(2) + 2)^(3/2)/3 - 2 sqrt(sqrt(2) + 2) is
// (2/3 + 4 sqrt(2)/3) sqrt(sqrt(2) + 2). (A^(n + r) = A^n A^r for A > 0, the only case with a
// real value.)
Expr split_power(Expr base, Expr exponent) {
  if (!base.is(Kind::Add) || !free_symbols(base).empty() || !exponent.is_number() || !exponent.number().is_exact() ||
      exponent.number().is_integer() || exponent.number().is_negative())
    return pow(base, exponent);
  Number whole = exponent.number().floor();
  if (whole.is_zero()) return pow(base, exponent);
  Expr e = expand(pow(base, num(whole))), root = pow(base, num(exponent.number() - whole));
  if (!e.is(Kind::Add)) return e * root;
  // Term by term: A itself times A^r would merge back into A^(1 + r).
  std::vector<Expr> terms{num(e.number()) * root};
  for (std::size_t i = 0; i < e.terms().size(); ++i) terms.push_back(num(e.coefficients()[i]) * e.terms()[i] * root);
  return add(std::move(terms));
}

Expr split_powers(Expr e) {
  switch (e.kind()) {
    case Kind::Pow: return split_power(split_powers(e.base()), e.exponent());
    case Kind::Mul: {
      std::vector<Expr> factors{num(e.number())};
      for (std::size_t i = 0; i < e.bases().size(); ++i) factors.push_back(split_power(split_powers(e.bases()[i]), e.exponents()[i]));
      return mul(std::move(factors));
    }
    case Kind::Add: {
      std::vector<Expr> terms{num(e.number())};
      for (std::size_t i = 0; i < e.terms().size(); ++i) terms.push_back(num(e.coefficients()[i]) * split_powers(e.terms()[i]));
      return add(std::move(terms));
    }
    default: return e;
  }
}

// The shortest of the value as it is, simplified, and with its radicals' powers split.
Expr tidy_value(Expr v) {
  Expr best = v;
  for (Expr candidate : {simplify(v), expand(split_powers(v))})
    if (expr_size(candidate) < expr_size(best)) best = candidate;
  return best;
}

// Exactly zero: canonically, after expanding, or after simplifying.
bool exactly_zero(Expr e) {
  if (e.is_zero()) return true;
  if (expand(e).is_zero()) return true;
  return simplify(e).is_zero();
}

// Sign of a closed expression: exact ones decided exactly where they are 0 (MathError when ddx
// cannot tell a tiny value from 0); approximate ones below the tolerance count as 0.
int sign_of(Expr e, bool exact, double zero_below) {
  if (exact) {
    if (exactly_zero(e)) return 0;
    double v = precise_value(e, 60);
    if (std::abs(v) < 1e-40) throw MathError("critical: ddx cannot decide the sign of a second derivative at a critical point");
    return v < 0 ? -1 : 1;
  }
  double v = precise_value(e, 40);
  if (std::abs(v) <= zero_below) return 0;
  return v < 0 ? -1 : 1;
}

// The determinant of m's rows r and columns cols (as many), expanded along the first row.
Expr determinant(const Matrix& m, const std::vector<std::size_t>& r, const std::vector<std::size_t>& cols) {
  if (r.size() == 1) return m[r[0]][cols[0]];
  std::vector<std::size_t> rest_rows(r.begin() + 1, r.end());
  std::vector<Expr> terms;
  for (std::size_t j = 0; j < cols.size(); ++j) {
    std::vector<std::size_t> rest_cols;
    for (std::size_t k = 0; k < cols.size(); ++k)
      if (k != j) rest_cols.push_back(cols[k]);
    Expr term = m[r[0]][cols[j]] * determinant(m, rest_rows, rest_cols);
    terms.push_back(j % 2 ? -term : term);
  }
  return add(std::move(terms));
}

// The sums e_k of the principal k x k minors of m (k = 1..n): the coefficients of its
// characteristic polynomial, up to sign.
template <typename T, typename Det>
std::vector<T> principal_sums(std::size_t n, const Det& det, T zero) {
  std::vector<T> out;
  for (std::size_t k = 1; k <= n; ++k) {
    T sum = zero;
    std::vector<std::size_t> idx;
    std::function<void(std::size_t)> choose = [&](std::size_t from) {
      if (idx.size() == k) {
        sum = sum + det(idx);
        return;
      }
      for (std::size_t i = from; i < n; ++i) {
        idx.push_back(i);
        choose(i + 1);
        idx.pop_back();
      }
    };
    choose(0);
    out.push_back(sum);
  }
  return out;
}

std::vector<Expr> principal_sums(const Matrix& h) {
  return principal_sums<Expr>(h.size(), [&](const std::vector<std::size_t>& idx) { return determinant(h, idx, idx); }, Expr(0));
}

double determinant(const std::vector<std::vector<double>>& m, const std::vector<std::size_t>& r,
                   const std::vector<std::size_t>& cols) {
  if (r.size() == 1) return m[r[0]][cols[0]];
  std::vector<std::size_t> rest_rows(r.begin() + 1, r.end());
  double sum = 0;
  for (std::size_t j = 0; j < cols.size(); ++j) {
    std::vector<std::size_t> rest_cols;
    for (std::size_t k = 0; k < cols.size(); ++k)
      if (k != j) rest_cols.push_back(cols[k]);
    double term = m[r[0]][cols[j]] * determinant(m, rest_rows, rest_cols);
    sum += j % 2 ? -term : term;
  }
  return sum;
}

std::vector<double> principal_sums(const std::vector<std::vector<double>>& h) {
  return principal_sums<double>(h.size(), [&](const std::vector<std::size_t>& idx) { return determinant(h, idx, idx); }, 0.0);
}

// The kind from the signs of e_k (c_k = (-1)^k e_k are the coefficients of det(lambda I - H)
// from lambda^(n-1) down): Descartes' rule counts the positive and the negative eigenvalues.
CriticalKind kind_from_signs(const std::vector<int>& e) {
  std::size_t n = e.size();
  std::vector<int> c{1};
  for (std::size_t k = 1; k <= n; ++k) c.push_back(k % 2 ? -e[k - 1] : e[k - 1]);
  auto variations = [](const std::vector<int>& v) {
    int count = 0, last = 0;
    for (int s : v) {
      if (s == 0) continue;
      if (last && s != last) ++count;
      last = s;
    }
    return count;
  };
  int positive = variations(c);
  std::vector<int> mirrored = c;  // p(-lambda): the coefficient of lambda^(n-k) times (-1)^(n-k)
  for (std::size_t k = 0; k <= n; ++k)
    if ((n - k) % 2) mirrored[k] = -mirrored[k];
  int negative = variations(mirrored);
  if (positive == static_cast<int>(n)) return CriticalKind::Minimum;
  if (negative == static_cast<int>(n)) return CriticalKind::Maximum;
  if (positive > 0 && negative > 0) return CriticalKind::Saddle;
  return CriticalKind::Degenerate;
}

class Solver {
 public:
  Solver(Expr f, const std::vector<Expr>& vars) : f_(f), vars_(vars) {
    for (Expr v : vars) grad_.push_back(diff(f, v));
    for (std::size_t i = 0; i < vars.size(); ++i) {
      std::vector<Expr> row;
      for (std::size_t j = 0; j < vars.size(); ++j) row.push_back(j < i ? hess_[j][i] : diff(grad_[i], vars[j]));
      hess_.push_back(std::move(row));
    }
  }

  const std::vector<Expr>& gradient() const { return grad_; }
  const Matrix& hessian() const { return hess_; }

  // The point checked and described, or nullopt when it is not a critical point of f (outside
  // its domain). A candidate from an exact solution whose gradient is not 0 is a bug: logic_error.
  std::optional<CriticalPoint> check(Candidate c) {
    check_interrupt();
    std::unordered_map<Expr, Expr> at = point_of(vars_, c.coords);
    Expr value;
    try {
      value = substitute(f_, at);
      if (free_symbols(value).empty()) (void)precise_value(value, 20);  // a real value
      for (Expr g : grad_) {
        Expr v = substitute(g, at);
        if (c.exact && !exactly_zero(v)) {
          // ddx's simplifier cannot show it: a point of an exact solution checked numerically
          // instead, and shown as decimals.
          if (c.searched || std::abs(precise_value(v, 60)) > 1e-40 * gradient_scale(at))
            throw std::logic_error("critical: a solution of the gradient's equations does not make it zero");
          c.exact = false;
          c.exact_at.assign(c.coords.size(), false);
          c.tolerance = 1e-40;
          continue;
        }
        if (c.exact || std::abs(precise_value(v)) <= c.tolerance * gradient_scale(at)) continue;
        if (c.searched) return std::nullopt;  // not a zero after all
        throw std::logic_error("critical: a solution of the gradient's equations does not make it zero");
      }
    } catch (const MathError&) {
      return std::nullopt;  // outside the domain of f or of its gradient
    }
    CriticalPoint p;
    for (std::size_t k = 0; k < c.coords.size(); ++k) {
      bool exact = c.exact || (k < c.exact_at.size() && c.exact_at[k]);
      p.coordinates.push_back(exact ? exact_number(c.coords[k]) : approximate_number(c.coords[k], c.digits, c.searched));
    }
    Matrix h;
    try {
      for (const auto& row : hess_) {
        std::vector<Expr> r;
        for (Expr e : row) r.push_back(substitute(e, at));
        h.push_back(std::move(r));
      }
      p.kind = c.exact ? exact_kind(h) : approximate_kind(h, c);
    } catch (const MathError& e) {
      if (std::string(e.what()).rfind("critical:", 0) == 0) throw;
      p.kind = CriticalKind::Degenerate;  // no second derivative there: the test does not apply
    }
    if (c.exact) {
      p.value = exact_number(tidy_value(value));
    } else {
      p.value = approximate_number(value, shown_digits, false);
    }
    return p;
  }

 private:
  // Exact points: each e_k's sign exactly (MathError when ddx cannot tell a tiny one from 0).
  static CriticalKind exact_kind(const Matrix& h) {
    std::vector<int> signs;
    for (Expr e : principal_sums(h)) signs.push_back(sign_of(e, true, 0));
    return kind_from_signs(signs);
  }

  // Decimal points: e_k at the point (40 digits) is 0 unless it stands out from its noise: the
  // rounding of terms as large as its minors' products, and, for a point from the numeric search,
  // how much e_k changes over the point's own error (measured by differences in doubles).
  CriticalKind approximate_kind(const Matrix& h, const Candidate& c) {
    std::size_t n = h.size();
    double largest = 0;
    for (const auto& row : h)
      for (Expr e : row) largest = std::max(largest, std::abs(precise_value(e, 20)));
    std::vector<double> sensitivity(n, 0);
    if (c.searched) {
      std::vector<double> x;
      for (Expr e : c.coords) x.push_back(precise_value(e, 20));
      auto sums_at = [&](const std::vector<double>& y) {
        std::unordered_map<std::string, double> v;
        for (std::size_t k = 0; k < n; ++k) v[vars_[k].name()] = y[k];
        std::vector<std::vector<double>> m(n, std::vector<double>(n));
        for (std::size_t i = 0; i < n; ++i)
          for (std::size_t j = 0; j < n; ++j) m[i][j] = calc::evaluate(hess_[i][j], v);
        return principal_sums(m);
      };
      for (std::size_t i = 0; i < n; ++i) {
        double step = 1e-4 * std::max(1.0, std::abs(x[i]));
        std::vector<double> up = x, down = x;
        up[i] += step, down[i] -= step;
        std::vector<double> a = sums_at(up), b = sums_at(down);
        for (std::size_t k = 0; k < n; ++k) {
          double slope = std::abs(a[k] - b[k]) / (2 * step);
          sensitivity[k] += std::isfinite(slope) ? slope * c.error * std::max(1.0, std::abs(x[i])) : INFINITY;
        }
      }
    }
    std::vector<int> signs;
    std::vector<Expr> sums = principal_sums(h);
    double terms = 1;
    for (std::size_t k = 0; k < n; ++k) {
      terms *= largest * static_cast<double>(n - k);  // at most n!/(n-k)! products of k entries
      double noise = 1e-30 * terms + 10 * sensitivity[k];
      double v = precise_value(sums[k], 40);
      signs.push_back(std::abs(v) <= noise ? 0 : v < 0 ? -1 : 1);
    }
    return kind_from_signs(signs);
  }

  // The size of the gradient's terms near the point (a scale for "numerically zero").
  double gradient_scale(const std::unordered_map<Expr, Expr>& at) {
    double s = 1;
    for (const auto& row : hess_)
      for (Expr e : row) {
        try {
          s = std::max(s, std::abs(precise_value(substitute(e, at), 20)));
        } catch (const MathError&) {
        }
      }
    double r = 1;
    for (const auto& [v, x] : at) r = std::max(r, std::abs(precise_value(x, 20)));
    return s * r;
  }

  Expr f_;
  const std::vector<Expr>& vars_;
  std::vector<Expr> grad_;
  Matrix hess_;
};

// The set's equations as expressions, and f's constant value on it when there is one.
CriticalSet describe_set(const std::vector<poly::Poly>& eqs, Expr f, const std::vector<Expr>& vars) {
  CriticalSet s;
  // The basis is sorted smallest leading monomial first: the first variable's equation last.
  for (auto p = eqs.rbegin(); p != eqs.rend(); ++p) s.equations.push_back(poly::to_expr(*p, vars));
  auto fr = poly::to_fractions({f}, convert_limits, "critical");
  if (!fr || !(*fr)[0].den.is_constant()) return s;
  const poly::Fraction& ff = (*fr)[0];
  std::vector<std::size_t> perm;
  for (Expr g : ff.gens) {
    auto it = std::find(vars.begin(), vars.end(), g);
    if (it == vars.end()) return s;  // f holds more than the variables
    perm.push_back(static_cast<std::size_t>(it - vars.begin()));
  }
  poly::Poly num = poly::permute(ff.num, perm, vars.size());
  std::vector<poly::Poly> basis = eqs.empty() ? std::vector<poly::Poly>{} : poly::groebner(eqs);
  if (eqs.empty()) {
    if (num.is_constant()) s.value = rational(ff.coefficient * (num.is_zero() ? mpz_class(0) : num.lc()) / ff.den.lc());
    return s;
  }
  if (auto c = poly::constant_remainder(num, basis)) s.value = rational(ff.coefficient * *c / ff.den.lc());
  return s;
}

// Exact candidates near a numeric zero: each coordinate a rational with a small denominator, a
// rational multiple of pi or e, the square root of a rational or e^(p/q), when that is within
// `tolerance`; checked exactly by the caller.
std::vector<std::vector<Expr>> nearby_exact(const std::vector<double>& x, double tolerance) {
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

bool gradient_vanishes_exactly(const std::vector<Expr>& grad, const std::unordered_map<Expr, Expr>& at) {
  try {
    for (Expr g : grad)
      if (!exactly_zero(substitute(g, at))) return false;
    return true;
  } catch (const MathError&) {
    return false;
  }
}

bool before(const CriticalPoint& a, const CriticalPoint& b) {
  for (std::size_t k = 0; k < a.coordinates.size(); ++k)
    if (a.coordinates[k].numeric != b.coordinates[k].numeric) return a.coordinates[k].numeric < b.coordinates[k].numeric;
  return false;
}

}  // namespace

bool CriticalPoint::approximate() const {
  if (value.approximate) return true;
  return std::any_of(coordinates.begin(), coordinates.end(), [](const CriticalNumber& n) { return n.approximate; });
}

CriticalPoints critical_points(Expr f, const std::vector<Expr>& vars) {
  if (vars.empty()) throw MathError("critical: the function has no variables");
  if (vars.size() > max_critical_variables)
    throw LimitError("critical: at most " + std::to_string(max_critical_variables) + " variables");
  for (std::size_t i = 0; i < vars.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (vars[i] == vars[j]) throw MathError("critical: " + vars[i].name() + " is listed twice");
  check_differentiable(f, vars);
  poly::WorkLimit work(max_critical_work, "critical");
  Solver solver(f, vars);
  // Symbols other than the variables in the gradient: the answer would depend on them.
  auto only_variables = [&](Expr e) {
    for (Expr s : free_symbols(e))
      if (std::find(vars.begin(), vars.end(), s) == vars.end())
        throw MathError("critical: the gradient depends on " + s.name() +
                        ", which is not a variable; give it a value, or list it among the variables");
  };
  for (Expr g : solver.gradient()) only_variables(g);
  for (const auto& row : solver.hessian())
    for (Expr e : row) only_variables(e);

  CriticalPoints out;
  out.vars = vars;
  const std::vector<Expr>& grad = solver.gradient();
  if (std::all_of(grad.begin(), grad.end(), [](Expr g) { return g.is_zero(); })) {
    CriticalSet everywhere;
    everywhere.value = f;
    out.sets.push_back(everywhere);
    return out;
  }
  std::vector<Candidate> candidates;
  if (auto system = polynomial_system(grad, vars)) {
    SolvedSystem solved = solve_real(*system, vars.size(), solve_bits);
    if (solved.points.size() > max_critical_points)
      throw LimitError("critical: more than " + std::to_string(max_critical_points) + " critical points");
    for (const SolvedPoint& p : solved.points) {
      Candidate c;
      c.exact = std::all_of(p.begin(), p.end(), [](const SolvedCoordinate& x) { return x.exact; });
      for (const SolvedCoordinate& x : p) {
        c.coords.push_back(x.exact ? x.value : rational(x.approx));
        c.exact_at.push_back(x.exact);
      }
      c.tolerance = 1e-40;
      candidates.push_back(std::move(c));
    }
    for (const auto& eqs : solved.sets) out.sets.push_back(describe_set(eqs, f, vars));
  } else {
    if (vars.size() > max_critical_search_variables)
      throw LimitError("critical: the gradient is not polynomial, and a numeric search takes at most " +
                       std::to_string(max_critical_search_variables) + " variables");
    out.search_bound = critical_search_bound;
    for (const NumericZero& z : numeric_gradient_zeros(grad, solver.hessian(), vars, critical_search_bound)) {
      check_interrupt();
      Candidate c;
      c.searched = true;
      bool found = false;
      for (const auto& exact : nearby_exact(z.x, z.well_conditioned ? 1e-9 : 1e-4))
        if (gradient_vanishes_exactly(grad, point_of(vars, exact))) {
          c.exact = true;
          c.coords = exact;
          found = true;
          break;
        }
      if (!found) {
        for (double x : z.x) c.coords.push_back(rational(x));
        c.tolerance = 1e-7;
        c.error = z.well_conditioned ? 1e-14 : 1e-6;
        c.digits = z.well_conditioned ? shown_digits : rough_digits;
      }
      candidates.push_back(std::move(c));
    }
  }
  for (const Candidate& c : candidates)
    if (auto p = solver.check(c)) out.points.push_back(std::move(*p));
  // Periodic in a variable, with a critical point: each shift by the period is one too.
  if (out.search_bound > 0 && !out.points.empty())
    for (Expr v : vars)
      if (auto t = period_in(f, v)) {
        out.period = t;
        out.periodic_var = v;
        break;
      }
  std::sort(out.points.begin(), out.points.end(), before);
  // Two numeric zeros that turned out to be the same exact point.
  out.points.erase(std::unique(out.points.begin(), out.points.end(),
                               [](const CriticalPoint& a, const CriticalPoint& b) { return !before(a, b) && !before(b, a); }),
                   out.points.end());
  return out;
}

}  // namespace ddx::calc
