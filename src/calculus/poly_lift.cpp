// SPDX-License-Identifier: GPL-3.0-or-later
// Multivariate factorisation of a square-free primitive a(x, y1..ym) (see poly_factor.hpp):
// evaluate the y at a lucky integer point, factor that univariate image by Zassenhaus, shift the
// point to the origin, lift the image factors (made monic) to power series in the y up to the
// total degree a factor can have (linear Hensel lifting, one homogeneous degree at a time), then
// recombine subsets as Zassenhaus does: lc(a) times the product of a subset, truncated, is a
// multiple of a true factor exactly when that subset is one. This is complete: every factor of a
// is found, because every factor's image is a product of the image factors.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>

#include "calculus/poly_factor.hpp"
#include "calculus/poly_univariate.hpp"
#include "core/errors.hpp"

namespace ddx::calc::poly {
namespace {

constexpr double max_recombinations = 20'000;

// ---- dense polynomials in x over Q, lowest power first ----
using QPoly = std::vector<mpq_class>;

QPoly trim(QPoly a) {
  while (!a.empty() && a.back() == 0) a.pop_back();
  return a;
}

void add_to(QPoly& a, const QPoly& b) {
  if (a.size() < b.size()) a.resize(b.size());
  for (std::size_t i = 0; i < b.size(); ++i) a[i] += b[i];
  a = trim(std::move(a));
}

QPoly sub(QPoly a, const QPoly& b) {
  if (a.size() < b.size()) a.resize(b.size());
  for (std::size_t i = 0; i < b.size(); ++i) a[i] -= b[i];
  return trim(std::move(a));
}

QPoly mul(const QPoly& a, const QPoly& b) {
  if (a.empty() || b.empty()) return {};
  charge(static_cast<double>(a.size() * b.size()));
  QPoly r(a.size() + b.size() - 1);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) r[i + j] += a[i] * b[j];
  return trim(std::move(r));
}

QPoly scale(QPoly a, const mpq_class& c) {
  for (mpq_class& x : a) x *= c;
  return trim(std::move(a));
}

// a = q b + r over Q; b nonzero.
void divmod(const QPoly& a, const QPoly& b, QPoly& q, QPoly& r) {
  r = a;
  std::size_t db = b.size() - 1;
  q.assign(a.size() >= b.size() ? a.size() - db : 0, 0);
  for (std::size_t k = q.size(); k-- > 0;) {
    q[k] = r[k + db] / b.back();
    for (std::size_t j = 0; j <= db; ++j) r[k + j] -= q[k] * b[j];
  }
  r.resize(std::min(r.size(), db));
  q = trim(std::move(q));
  r = trim(std::move(r));
}

QPoly mod(const QPoly& a, const QPoly& b) {
  QPoly q, r;
  divmod(a, b, q, r);
  return r;
}

// u with u a = 1 (mod g), for a coprime to g (extended Euclid over Q).
QPoly inverse_mod(const QPoly& a, const QPoly& g) {
  QPoly r0 = g, r1 = mod(a, g), t0, t1{1};
  while (!r1.empty()) {
    QPoly q, r;
    divmod(r0, r1, q, r);
    QPoly t2 = sub(t0, mul(q, t1));
    r0 = std::move(r1), r1 = std::move(r);
    t0 = std::move(t1), t1 = std::move(t2);
  }
  return scale(t0, 1 / r0[0]);  // r0 is the (constant) gcd
}

// ---- power series in y with coefficients in Q[x], by homogeneous component ----
using Component = std::map<Exponents, QPoly>;  // y-monomial -> coefficient in Q[x]
using Series = std::vector<Component>;          // index = total degree in y

Exponents plus(const Exponents& a, const Exponents& b) {
  Exponents r = a;
  for (std::size_t i = 0; i < r.size(); ++i) r[i] += b[i];
  return r;
}

// The degree-k component of a b.
Component product_component(const Series& a, const Series& b, std::size_t k) {
  Component out;
  for (std::size_t i = 0; i <= k; ++i) {
    if (i >= a.size() || k - i >= b.size()) continue;
    for (const auto& [ea, pa] : a[i])
      for (const auto& [eb, pb] : b[k - i]) add_to(out[plus(ea, eb)], mul(pa, pb));
  }
  std::erase_if(out, [](const auto& kv) { return kv.second.empty(); });
  return out;
}

Series product(const Series& a, const Series& b, std::size_t precision) {
  Series r(precision);
  for (std::size_t k = 0; k < precision; ++k) r[k] = product_component(a, b, k);
  return r;
}

// The polynomial p (variables: x and ys) as a series in the ys.
Series to_series(const Poly& p, std::size_t x, const std::vector<std::size_t>& ys, std::size_t precision) {
  Series s(precision);
  for (const Term& t : p.terms) {
    Exponents e(ys.size());
    std::size_t d = 0;
    for (std::size_t j = 0; j < ys.size(); ++j) e[j] = t.e[ys[j]], d += t.e[ys[j]];
    if (d >= precision) continue;
    QPoly& q = s[d][e];
    if (q.size() <= t.e[x]) q.resize(t.e[x] + 1);
    q[t.e[x]] += mpq_class(t.c);
  }
  return s;
}

// A series whose coefficients are all in Z[x, ys] after scaling, as a primitive polynomial.
Poly to_primitive_poly(const Series& s, std::size_t x, const std::vector<std::size_t>& ys, std::size_t nvars) {
  mpz_class den = 1;
  for (const Component& c : s)
    for (const auto& [e, q] : c)
      for (const mpq_class& v : q) mpz_lcm(den.get_mpz_t(), den.get_mpz_t(), v.get_den_mpz_t());
  std::vector<Term> terms;
  for (const Component& c : s)
    for (const auto& [e, q] : c)
      for (std::size_t i = 0; i < q.size(); ++i) {
        if (q[i] == 0) continue;
        Term t{Exponents(nvars, 0), mpz_class(q[i] * den)};
        t.e[x] = static_cast<std::uint32_t>(i);
        for (std::size_t j = 0; j < ys.size(); ++j) t.e[ys[j]] = e[j];
        terms.push_back(std::move(t));
      }
  return primitive(from_terms(nvars, std::move(terms)));
}

struct Image {
  std::vector<mpz_class> point;  // one value per y
  std::vector<ZPoly> factors;
};

// Up to three lucky points (lc(a) does not vanish, the image stays square-free); keeps the one
// whose image has fewest factors. An image with one factor proves a irreducible.
std::optional<Image> best_image(const Poly& a, std::size_t x, const std::vector<std::size_t>& ys,
                                const std::vector<mpz_class>* forced) {
  std::mt19937_64 rng(0xfac7);
  std::uint32_t n = degree(a, x);
  std::optional<Image> best;
  int lucky = 0;
  for (int attempt = 0; attempt < 100 && lucky < 3; ++attempt) {
    Image im;
    long range = 1 + attempt / 4;
    std::uniform_int_distribution<long> pick(-range, range);
    Poly e = a;
    for (std::size_t j = 0; j < ys.size(); ++j) {
      im.point.push_back(forced ? (*forced)[j] : mpz_class(attempt == 0 ? 0L : pick(rng)));
      e = evaluate(e, ys[j], im.point.back());
    }
    if (forced && attempt > 0) return std::nullopt;
    if (degree(e, x) != n || !gcd(e, derivative(e, x)).is_constant()) continue;
    ++lucky;
    ZPoly dense;
    for (const Poly& c : coefficients(primitive(e), x)) dense.push_back(c.is_zero() ? mpz_class(0) : c.lc());
    im.factors = factor_squarefree(dense);
    if (!best || im.factors.size() < best->factors.size()) best = std::move(im);
    if (best->factors.size() == 1 || forced) break;
  }
  return best;
}

}  // namespace

std::vector<Poly> factor_multivariate(const Poly& a, std::size_t x, const std::vector<mpz_class>* point) {
  std::size_t nv = a.nvars;
  std::vector<bool> used = used_variables(a);
  std::vector<std::size_t> ys;
  for (std::size_t k = 0; k < nv; ++k)
    if (used[k] && k != x) ys.push_back(k);
  auto image = best_image(a, x, ys, point);
  if (!image) throw LimitError("factor: found no evaluation point that keeps the polynomial square-free");
  if (image->factors.size() == 1) return {a};

  // Move the point to the origin: b(x, y) = a(x, y + point).
  Poly b = a;
  for (std::size_t j = 0; j < ys.size(); ++j) b = shift(b, ys[j], image->point[j]);
  std::vector<bool> mask(nv, false);
  for (std::size_t y : ys) mask[y] = true;
  Poly lead = coefficients(b, x).back();
  // Degree bound: lc(b)/lc(h) * h for a factor h of b has total y-degree at most this.
  std::size_t precision = total_degree(lead, mask) + total_degree(b, mask) + 1;
  double monomials = std::exp(std::lgamma(precision + ys.size() + 0.0) - std::lgamma(precision + 0.0) -
                              std::lgamma(ys.size() + 1.0));
  if (monomials * monomials * degree(b, x) * degree(b, x) * image->factors.size() > 5e9)
    throw LimitError("factor: too many variables and too high a degree to factor (" + std::to_string(ys.size() + 1) +
                     " variables, degree " + std::to_string(total_degree(a)) + ")");

  Series target = to_series(b, x, ys, precision);
  Series lc_series = to_series(lead, x, ys, precision);
  mpq_class lc0 = lc_series[0].begin()->second[0];  // lc(b) at the origin: nonzero by choice

  // Image factors, monic over Q, and the Bezout cofactors: sum s_i prod_{j != i} g_j = 1.
  std::size_t r = image->factors.size();
  std::vector<QPoly> g(r), s(r);
  for (std::size_t i = 0; i < r; ++i) {
    for (const mpz_class& c : image->factors[i]) g[i].push_back(mpq_class(c));
    g[i] = scale(g[i], 1 / g[i].back());
  }
  for (std::size_t i = 0; i < r; ++i) {
    QPoly others{1};
    for (std::size_t j = 0; j < r; ++j)
      if (j != i) others = mod(mul(others, g[j]), g[i]);
    s[i] = inverse_mod(others, g[i]);
  }

  // Linear Hensel lifting: factors[i] is g_i plus higher components; partial[j] = lc * factors[0..j].
  Exponents origin(ys.size(), 0);
  std::vector<Series> factors(r, Series(precision));
  for (std::size_t i = 0; i < r; ++i) factors[i][0][origin] = g[i];
  std::vector<Series> partial(r + 1, Series(precision));
  partial[0] = lc_series;
  auto update_partials = [&](std::size_t k) {
    for (std::size_t j = 0; j < r; ++j) partial[j + 1][k] = product_component(partial[j], factors[j], k);
  };
  update_partials(0);
  for (std::size_t k = 1; k < precision; ++k) {
    update_partials(k);  // with the degree-k components of the factors still zero
    // Since lower degrees agree, [b - lc prod]_k = lc(0) [b/lc - prod]_k.
    Component error = target[k];
    for (const auto& [e, q] : partial[r][k]) error[e] = sub(error[e], q);
    for (const auto& [e, q] : error) {
      if (q.empty()) continue;
      QPoly scaled = scale(q, 1 / lc0);
      for (std::size_t i = 0; i < r; ++i) factors[i][k][e] = mod(mul(s[i], scaled), g[i]);
    }
    update_partials(k);
  }

  // Recombination over subsets of growing size, as in Zassenhaus.
  std::vector<Poly> found;
  std::vector<std::size_t> rest(r);
  for (std::size_t i = 0; i < r; ++i) rest[i] = i;
  Poly remaining = b;
  double tried = 0;
  for (std::size_t size = 1; 2 * size <= rest.size();) {
    bool hit = false;
    std::vector<std::size_t> pick(size);
    for (std::size_t i = 0; i < size; ++i) pick[i] = i;
    Series lc_now = to_series(coefficients(remaining, x).back(), x, ys, precision);
    for (;;) {
      if (++tried > max_recombinations)
        throw LimitError("factor: too many image factors to recombine (" + std::to_string(r) + ")");
      Series candidate = lc_now;
      for (std::size_t i : pick) candidate = product(candidate, factors[rest[i]], precision);
      Poly h = to_primitive_poly(candidate, x, ys, nv);
      h = *divide(h, content_in(h, x));
      auto quotient = degree(h, x) > 0 ? divide(remaining, h) : std::nullopt;
      if (quotient) {
        found.push_back(h);
        remaining = *quotient;
        std::vector<std::size_t> kept;
        for (std::size_t i = 0; i < rest.size(); ++i)
          if (std::find(pick.begin(), pick.end(), i) == pick.end()) kept.push_back(rest[i]);
        rest = std::move(kept);
        hit = true;
        break;
      }
      // next subset of {0..rest.size()-1} of this size
      std::size_t i = size;
      while (i > 0 && pick[i - 1] == rest.size() - size + i - 1) --i;
      if (i == 0) break;
      ++pick[i - 1];
      for (std::size_t j = i; j < size; ++j) pick[j] = pick[j - 1] + 1;
    }
    if (!hit) ++size;
  }
  found.push_back(remaining);
  // Back from the origin to the point.
  for (Poly& f : found) {
    for (std::size_t j = 0; j < ys.size(); ++j) f = shift(f, ys[j], -image->point[j]);
    f = with_positive_lc(primitive(f));
  }
  return found;
}

}  // namespace ddx::calc::poly
