// SPDX-License-Identifier: GPL-3.0-or-later
// The checks of a candidate critical point (see critical_check.hpp).
#include "calculus/critical_check.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <string>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/evalf.hpp"
#include "calculus/expand.hpp"
#include "calculus/simplify.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/interrupt.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"

namespace ddx::calc {
namespace {

using Matrix = PointChecker::Matrix;

// ---- numbers ----

// The value of a closed expression as a double, from MPFR (which refuses non-real values).
double precise_value(Expr e, int digits = 40) { return std::strtod(evalf(e, digits).c_str(), nullptr); }

// evalf's digits, with small numbers in scientific notation (2.944878393e-6, not 0.000002944878393).
std::string decimal(Expr e, int digits) {
  std::string s = evalf(e, digits);
  bool negative = !s.empty() && s[0] == '-';
  std::string body = negative ? s.substr(1) : s;
  // (evalf's own scientific notation, 3.0e-12, stands: its "3." is no count of whole digits, and
  // 3e-12 to 1 digit was printed 3.0e0)
  if (body.find('e') != std::string::npos) return s;
  // More whole digits than significant ones: evalf pads them with zeros (123456789012.5 to 10
  // digits was 123456789000.0, its last digits false), so the number takes an exponent. (A number
  // below 1 has none: -6.3e-5 to 1 digit, -0.00006, was printed -0.0e0.)
  if (std::size_t point = body.find('.');
      point != std::string::npos && point >= static_cast<std::size_t>(digits) && body.rfind("0.", 0) != 0) {
    std::string mantissa = body.substr(0, static_cast<std::size_t>(digits));
    while (mantissa.size() > 2 && mantissa.back() == '0') mantissa.pop_back();
    return (negative ? "-" : "") + mantissa.substr(0, 1) + "." + (mantissa.size() > 1 ? mantissa.substr(1) : "0") + "e" +
           std::to_string(point - 1);
  }
  if (body.rfind("0.0000", 0) != 0 || body == "0.0") return s;
  std::size_t first = body.find_first_not_of('0', 2);
  if (first == std::string::npos) return s;
  std::string mantissa = body.substr(first);
  // (one digit has no point: 6e-5, as approx writes it; 6.0e-5 would claim a second)
  std::string out = digits == 1 ? mantissa.substr(0, 1) : mantissa.substr(0, 1) + "." + (mantissa.size() > 1 ? mantissa.substr(1) : "0");
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

// A decimal of `digits` significant digits, but none that `uncertainty` (how far the number may be
// from the one it stands for) does not support: one within it of 0 is 0.0. A multiple zero's
// coordinate of -1.55e-10, 0 to the search's 1e-6, and the value 5.4e-155 of (x^3 - x - 1)^2 at
// its zero, 0 to the 6e-27 its coordinate's last bits move it, were printed with all their digits.
CriticalNumber approximate_number(Expr close, int digits, double uncertainty) {
  CriticalNumber n;
  n.approximate = true;
  n.numeric = precise_value(close);
  if (std::abs(n.numeric) <= uncertainty) {
    n.decimal = "0.0";
    n.numeric = 0;
    return n;
  }
  if (uncertainty > 0) digits = std::min(digits, static_cast<int>(std::floor(std::log10(std::abs(n.numeric) / uncertainty))));
  n.decimal = decimal(close, std::max(digits, 1));
  return n;
}

// How far f's value at an approximate point may be from its value at the zero the point stands for,
// each coordinate `delta` from it: the gradient's first-order part and the Hessian's second.
double value_uncertainty(const std::vector<double>& gradient, const std::vector<std::vector<double>>& hessian, double delta) {
  double u = 0;
  for (double g : gradient) u += std::abs(g) * delta;
  for (const auto& row : hessian)
    for (double h : row) u += std::abs(h) * delta * delta;
  return u;
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

// The sign of a closed exact expression: 0 only when it is exactly 0; MathError when ddx cannot
// tell a tiny value from 0.
int exact_sign(Expr e) {
  if (exactly_zero(e)) return 0;
  if (e.is_number()) return e.number().sign();
  // (an interval that leaves 0 out, at up to 4096 bits: the second derivative of (x - 15) e^(-x^2/2)
  // at its maximum, e^-113 times a polynomial's value, is about 10^-49, below what 60 digits tell)
  if (std::optional<int> sign = constant_sign(e)) return *sign;
  double v = precise_value(e, 60);
  if (std::abs(v) < 1e-40) throw MathError("critical: ddx cannot decide the sign of a second derivative at a critical point");
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

// Exact points: each e_k's sign exactly (MathError when ddx cannot tell a tiny one from 0).
CriticalKind exact_kind(const Matrix& h) {
  std::vector<int> signs;
  for (Expr e : principal_sums(h)) signs.push_back(exact_sign(e));
  return kind_from_signs(signs);
}


}  // namespace

// Exactly zero: canonically, after expanding, or after simplifying.
bool exactly_zero(Expr e) {
  if (e.is_zero()) return true;
  if (expand(e).is_zero()) return true;
  return simplify(e).is_zero();
}

std::unordered_map<Expr, Expr> point_of(const std::vector<Expr>& vars, const std::vector<Expr>& coords) {
  std::unordered_map<Expr, Expr> p;
  for (std::size_t k = 0; k < vars.size(); ++k) p.emplace(vars[k], coords[k]);
  return p;
}

namespace {
// The matrix with the point put in.
std::vector<std::vector<Expr>> substituted(const std::vector<std::vector<Expr>>& m, const std::unordered_map<Expr, Expr>& at) {
  std::vector<std::vector<Expr>> out;
  for (const auto& row : m) {
    std::vector<Expr> r;
    for (Expr e : row) r.push_back(substitute(e, at));
    out.push_back(std::move(r));
  }
  return out;
}

// The Hessian of f whose gradient is `grad`, each entry below the diagonal the one above it.
std::vector<std::vector<Expr>> hessian_of(const std::vector<Expr>& grad, const std::vector<Expr>& vars) {
  std::vector<std::vector<Expr>> h;
  for (std::size_t i = 0; i < vars.size(); ++i) {
    std::vector<Expr> row;
    for (std::size_t j = 0; j < vars.size(); ++j) row.push_back(j < i ? h[j][i] : diff(grad[i], vars[j]));
    h.push_back(std::move(row));
  }
  return h;
}
}  // namespace

PointChecker::PointChecker(Expr f, const std::vector<Expr>& vars) : f_(f), vars_(vars) {
  for (Expr v : vars) grad_.push_back(diff(f, v));
  hess_ = hessian_of(grad_, vars);
}

void PointChecker::judge_kinds_as_written(Expr written) {
  std::vector<Expr> grad;
  for (Expr v : vars_) grad.push_back(diff(written, v));
  written_hess_ = hessian_of(grad, vars_);
}


// Whether the gradient has no value at the point with the coordinates negligible beside its size
// made 0, where there are such: a searched point beside a cusp (x^(2/3) at 0, whose derivative
// grows without bound there) passed as a zero by the Hessian's size, and was listed as a maximum.
bool beside_a_gradient_without_value(const std::vector<Expr>& grad, const std::vector<Expr>& vars, std::vector<Expr> coords) {
  std::vector<double> values;
  for (Expr x : coords) values.push_back(std::abs(precise_value(x)));
  double size = std::max(1.0, *std::max_element(values.begin(), values.end()));
  bool snapped = false;
  for (std::size_t k = 0; k < coords.size(); ++k)
    if (!coords[k].is_zero() && values[k] < 1e-9 * size) {
      coords[k] = num(0);
      snapped = true;
    }
  if (!snapped) return false;
  try {
    std::unordered_map<Expr, Expr> at = point_of(vars, coords);
    for (Expr g : grad) (void)precise_value(substitute(g, at));
  } catch (const MathError&) {
    return true;
  }
  return false;
}

std::optional<CriticalPoint> PointChecker::check(Candidate c) {
  check_interrupt();
  if (c.searched && beside_a_gradient_without_value(grad_, vars_, c.coords)) return std::nullopt;
  std::unordered_map<Expr, Expr> at = point_of(vars_, c.coords);
  Expr value;
  std::vector<double> gradient;  // an approximate point's, for the uncertainty of its value
  try {
    value = substitute(f_, at);
    if (free_symbols(value).empty()) (void)precise_value(value, 20);  // a real value
    for (Expr g : grad_) {
      Expr v = substitute(g, at);
      if (c.error > 0 && !c.exact) gradient.push_back(precise_value(v));
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
  p.isolated = c.isolated;
  // An approximate point is a zero to within c.error of its largest coordinate (a searched one,
  // in doubles, to double precision's reach around 0 at best; one solved with the decimals as
  // written, that function's, to the solver's 2^-256).
  double delta = 0;
  if (c.error > 0 && !c.exact) {
    double scale = 1;
    for (Expr x : c.coords) scale = std::max(scale, std::abs(precise_value(x)));
    delta = std::max(c.searched ? 1e-13 : 0.0, c.error * scale);
  }
  for (std::size_t k = 0; k < c.coords.size(); ++k) {
    bool exact = c.exact || (k < c.exact_at.size() && c.exact_at[k]);
    p.coordinates.push_back(exact ? exact_number(c.coords[k]) : approximate_number(c.coords[k], c.digits, delta));
  }
  Matrix h;
  try {
    h = substituted(hess_, at);
    // (On a set of critical points the Hessian is singular: its rounded coordinates may not show it.)
    if (!c.isolated)
      p.kind = CriticalKind::Degenerate;
    else if (c.exact)
      p.kind = exact_kind(h);
    else if (c.solved_exactly && written_hess_)
      p.kind = exact_kind(substituted(*written_hess_, at));
    else if (c.solved_as_written && written_hess_)
      p.kind = approximate_kind(substituted(*written_hess_, at), c);
    else
      p.kind = approximate_kind(h, c);
  } catch (const MathError& e) {
    if (std::string(e.what()).rfind("critical:", 0) == 0) throw;
    p.kind = CriticalKind::Degenerate;  // no second derivative there: the test does not apply
  }
  if (c.exact && has_float(value)) {
    // A value a decimal of f made a double (37.071806264221536 for (x^3 - 2x - 5)^2 + 1e-40, its
    // last digit wrong) is approximate: the digits a double's rounding leaves sure.
    p.value = approximate_number(value, critical_shown_digits, 1e-13 * std::abs(precise_value(value)));
  } else if (c.exact) {
    p.value = exact_number(tidy_value(value));
  } else {
    double uncertainty = 0;
    if (delta > 0) {
      try {
        std::vector<std::vector<double>> hessian;
        for (const auto& row : h) {
          hessian.emplace_back();
          for (Expr e : row) hessian.back().push_back(precise_value(e));
        }
        uncertainty = value_uncertainty(gradient, hessian, delta);
      } catch (const MathError&) {  // no second derivative there: the first-order part alone
        uncertainty = value_uncertainty(gradient, {}, delta);
      }
    }
    p.value = approximate_number(value, critical_shown_digits, uncertainty);
  }
  return p;
}


// The size of the gradient's terms near the point (a scale for "numerically zero").
double PointChecker::gradient_scale(const std::unordered_map<Expr, Expr>& at) {
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


// How much each e_k moves when a decimal coordinate of an exact solution's point moves a million
// times as far as it may be from the zero, either way: e_k that is 0 at the zero is no larger than
// that at the point ((x^3 - x - 1)^3 has f'' = 0 at its real root, where the rounded root gave
// f'' of 1e-75, and the point was called a maximum), and e_k that is not is far larger.
std::vector<double> PointChecker::moved_sums(const Candidate& c, const std::vector<double>& at_point) {
  UnderflowsUnnoted estimate;  // (decimals beside the point, to see how much e_k moves: never answered)
  std::vector<double> moved(at_point.size(), 0);
  const Expr millionfold = num(Number::from_decimal_text("1e6")) * num(Number::from_double(c.error));
  for (std::size_t i = 0; i < c.coords.size(); ++i) {
    if (i < c.exact_at.size() && c.exact_at[i]) continue;
    Expr step = millionfold * num(Number::from_double(std::max(1.0, std::ceil(std::abs(precise_value(c.coords[i], 20))))));
    for (Expr shift : {step, -step}) {
      std::vector<Expr> coords = c.coords;
      coords[i] = coords[i] + shift;
      std::vector<Expr> sums = principal_sums(substituted(kind_hessian(c), point_of(vars_, coords)));
      for (std::size_t k = 0; k < sums.size(); ++k)
        moved[k] = std::max(moved[k], std::abs(precise_value(sums[k], 40) - at_point[k]));
    }
  }
  return moved;
}

// Decimal points: e_k at the point (40 digits) is 0 unless it stands out from its noise: the
// rounding of terms as large as its minors' products, and how much e_k changes over the point's
// own error: for a point from the numeric search, measured by differences in doubles; for a
// decimal point of an exact solution, by moved_sums.
CriticalKind PointChecker::approximate_kind(const Matrix& h, const Candidate& c) {
  std::size_t n = h.size();
  double largest = 0;
  for (const auto& row : h)
    for (Expr e : row) largest = std::max(largest, std::abs(precise_value(e, 20)));
  // (the test below takes products of n entries in doubles: past their range every one is 0, and
  // the minimum of (3x^2 - x y - 3y) e^(-(x^2 + y^2)/2) near (-5.9, -36.0) read as degenerate)
  if (largest > 0 && std::pow(largest, static_cast<double>(n)) < DBL_MIN)
    throw MathError("critical: at a point found numerically the second derivatives are about " + six_digits(largest) +
                    ", too small for ddx to tell its kind (their products are below a double's range)");
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
  std::vector<double> values;
  for (Expr sum : principal_sums(h)) values.push_back(precise_value(sum, 40));
  if (!c.searched && c.error > 0) sensitivity = moved_sums(c, values);
  double terms = 1;
  for (std::size_t k = 0; k < n; ++k) {
    terms *= largest * static_cast<double>(n - k);  // at most n!/(n-k)! products of k entries
    double noise = 1e-30 * terms + 10 * sensitivity[k];
    double v = values[k];
    signs.push_back(std::abs(v) <= noise ? 0 : v < 0 ? -1 : 1);
  }
  return kind_from_signs(signs);
}


}  // namespace ddx::calc
