// SPDX-License-Identifier: GPL-3.0-or-later
// Multivariate factorisation of a square-free primitive a(x, y1..ym) (see poly_factor.hpp):
// evaluate the y at a lucky integer point, factor that univariate image by Zassenhaus, shift the
// point to the origin, lift the image factors (made monic) to power series in the y up to the
// total degree a factor can have (linear Hensel lifting, one homogeneous degree at a time), then
// recombine subsets as Zassenhaus does: lc(a) times the product of a subset, truncated, is a
// multiple of a true factor exactly when that subset is one. This is complete: every factor of a
// is found, because every factor's image is a product of the image factors. The series are
// computed modulo a prime above twice a bound on the coefficients of any such multiple, so that
// no rational number ever grows (and a gcd per operation is not paid).
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>

#include "calculus/poly_factor.hpp"
#include "calculus/poly_univariate.hpp"

namespace ddx::calc::poly {
namespace {

constexpr double max_recombinations = 20'000;

// ---- dense polynomials in x modulo a prime M, lowest power first, coefficients in [0, M) ----
using MPoly = std::vector<mpz_class>;

class Ring {
 public:
  // Work is charged per coefficient operation times the modulus' size in words: lifting modulo
  // a 300-bit prime costs several times what small integers do.
  explicit Ring(mpz_class m) : m_(std::move(m)), weight_(static_cast<double>(mpz_size(m_.get_mpz_t()))) {}
  const mpz_class& modulus() const { return m_; }

  mpz_class reduce(mpz_class z) const {
    mpz_fdiv_r(z.get_mpz_t(), z.get_mpz_t(), m_.get_mpz_t());
    return z;
  }
  std::optional<mpz_class> inverse(const mpz_class& a) const {
    mpz_class r;
    if (mpz_invert(r.get_mpz_t(), a.get_mpz_t(), m_.get_mpz_t()) == 0) return std::nullopt;
    return r;
  }
  MPoly trim(MPoly a) const {
    while (!a.empty() && a.back() == 0) a.pop_back();
    return a;
  }
  void add_to(MPoly& a, const MPoly& b) const {
    if (a.size() < b.size()) a.resize(b.size());
    for (std::size_t i = 0; i < b.size(); ++i) {
      a[i] += b[i];
      if (a[i] >= m_) a[i] -= m_;
    }
    a = trim(std::move(a));
  }
  MPoly sub(MPoly a, const MPoly& b) const {
    if (a.size() < b.size()) a.resize(b.size());
    for (std::size_t i = 0; i < b.size(); ++i) {
      a[i] -= b[i];
      if (a[i] < 0) a[i] += m_;
    }
    return trim(std::move(a));
  }
  MPoly mul(const MPoly& a, const MPoly& b) const {
    if (a.empty() || b.empty()) return {};
    charge(static_cast<double>(a.size() * b.size()) * weight_);
    MPoly r(a.size() + b.size() - 1);
    for (std::size_t i = 0; i < a.size(); ++i)
      for (std::size_t j = 0; j < b.size(); ++j) mpz_addmul(r[i + j].get_mpz_t(), a[i].get_mpz_t(), b[j].get_mpz_t());
    for (mpz_class& c : r) c = reduce(std::move(c));  // once per coefficient, not per product
    return trim(std::move(r));
  }
  MPoly scale(MPoly a, const mpz_class& c) const {
    for (mpz_class& x : a) x = reduce(x * c);
    return trim(std::move(a));
  }
  // a = q b + r; the leading coefficient of b invertible.
  void divmod(const MPoly& a, const MPoly& b, MPoly& q, MPoly& r) const {
    r = a;
    std::size_t db = b.size() - 1;
    mpz_class lead_inverse = *inverse(b.back());
    q.assign(a.size() >= b.size() ? a.size() - db : 0, 0);
    charge(static_cast<double>(q.size() * b.size()) * weight_);
    for (std::size_t k = q.size(); k-- > 0;) {
      q[k] = reduce(r[k + db] * lead_inverse);
      for (std::size_t j = 0; j <= db; ++j) r[k + j] = reduce(r[k + j] - q[k] * b[j]);
    }
    r.resize(std::min(r.size(), db));
    q = trim(std::move(q));
    r = trim(std::move(r));
  }
  MPoly mod(const MPoly& a, const MPoly& b) const {
    MPoly q, r;
    divmod(a, b, q, r);
    return r;
  }
  // u with u a = 1 (mod g): extended Euclid; nullopt when a and g are not coprime mod M.
  std::optional<MPoly> inverse_mod(const MPoly& a, const MPoly& g) const {
    MPoly r0 = g, r1 = mod(a, g), t0, t1{1};
    while (!r1.empty()) {
      MPoly q, r;
      divmod(r0, r1, q, r);
      MPoly t2 = sub(t0, mul(q, t1));
      r0 = std::move(r1), r1 = std::move(r);
      t0 = std::move(t1), t1 = std::move(t2);
    }
    if (r0.size() != 1) return std::nullopt;
    return scale(t0, *inverse(r0[0]));
  }

 private:
  mpz_class m_;
  double weight_;
};

// ---- power series in y with coefficients in Q[x], by homogeneous component ----
using Component = std::map<Exponents, MPoly>;  // y-monomial -> coefficient in (Z/M)[x]
using Series = std::vector<Component>;          // index = total degree in y

Exponents plus(const Exponents& a, const Exponents& b) {
  Exponents r = a;
  for (std::size_t i = 0; i < r.size(); ++i) r[i] += b[i];
  return r;
}

// The degree-k component of a b.
Component product_component(const Ring& ring, const Series& a, const Series& b, std::size_t k) {
  Component out;
  for (std::size_t i = 0; i <= k; ++i) {
    if (i >= a.size() || k - i >= b.size()) continue;
    for (const auto& [ea, pa] : a[i])
      for (const auto& [eb, pb] : b[k - i]) ring.add_to(out[plus(ea, eb)], ring.mul(pa, pb));
  }
  std::erase_if(out, [](const auto& kv) { return kv.second.empty(); });
  return out;
}

Series product(const Ring& ring, const Series& a, const Series& b, std::size_t precision) {
  Series r(precision);
  for (std::size_t k = 0; k < precision; ++k) r[k] = product_component(ring, a, b, k);
  return r;
}

// The polynomial p (variables: x and ys) as a series in the ys.
Series to_series(const Ring& ring, const Poly& p, std::size_t x, const std::vector<std::size_t>& ys,
                 std::size_t precision) {
  Series s(precision);
  for (const Term& t : p.terms) {
    Exponents e(ys.size());
    std::size_t d = 0;
    for (std::size_t j = 0; j < ys.size(); ++j) e[j] = t.e[ys[j]], d += t.e[ys[j]];
    if (d >= precision) continue;
    MPoly& q = s[d][e];
    if (q.size() <= t.e[x]) q.resize(t.e[x] + 1);
    q[t.e[x]] = ring.reduce(t.c);
  }
  return s;
}

// The polynomial in x and ys whose coefficients are the symmetric residues of the series.
Poly to_poly(const Ring& ring, const Series& s, std::size_t x, const std::vector<std::size_t>& ys, std::size_t nvars) {
  mpz_class half = ring.modulus() / 2;
  std::vector<Term> terms;
  for (const Component& c : s)
    for (const auto& [e, q] : c)
      for (std::size_t i = 0; i < q.size(); ++i) {
        if (q[i] == 0) continue;
        Term t{Exponents(nvars, 0), q[i] > half ? mpz_class(q[i] - ring.modulus()) : q[i]};
        t.e[x] = static_cast<std::uint32_t>(i);
        for (std::size_t j = 0; j < ys.size(); ++j) t.e[ys[j]] = e[j];
        terms.push_back(std::move(t));
      }
  return from_terms(nvars, std::move(terms));
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

// A prime above twice the largest coefficient that a multiple (lc(b)/lc(h)) h of a factor h of b
// can have: such a polynomial divides lc(b) b, whose factors' coefficients are at most
// 2^(sum of its partial degrees) times its 2-norm (Mahler measure bounds, which hold in several
// variables too).
mpz_class lifting_prime(const Poly& b, const Poly& lead, int skip) {
  std::size_t degrees = 0;
  for (std::size_t k = 0; k < b.nvars; ++k) degrees += degree(b, k) + degree(lead, k);
  mpz_class lead_l1 = 0, root;
  for (const Term& t : lead.terms) lead_l1 += abs(t.c);
  mpz_sqrt(root.get_mpz_t(), mpz_class(b.terms.size()).get_mpz_t());
  mpz_class bound = lead_l1 * (root + 1) * max_norm(b);
  mpz_mul_2exp(bound.get_mpz_t(), bound.get_mpz_t(), degrees);
  mpz_class p = 2 * bound + 1;
  for (int i = 0; i <= skip; ++i) mpz_nextprime(p.get_mpz_t(), p.get_mpz_t());
  return p;
}

// The image factors lifted to series mod M, monic in x: b / lc(b) = prod(factors) up to total
// y-degree precision - 1. False when M divides a resultant of the image factors.
bool lift(const Ring& ring, const Poly& b, const Poly& lead, const std::vector<ZPoly>& image, std::size_t x,
          const std::vector<std::size_t>& ys, std::size_t precision, std::vector<Series>& factors) {
  Series target = to_series(ring, b, x, ys, precision);
  Series lc_series = to_series(ring, lead, x, ys, precision);
  auto lc0_inverse = ring.inverse(lc_series[0].begin()->second[0]);  // lc(b) at the origin: nonzero
  if (!lc0_inverse) return false;
  // Image factors made monic, and the Bezout cofactors: sum s_i prod_{j != i} g_j = 1.
  std::size_t r = image.size();
  std::vector<MPoly> g, s;
  for (const ZPoly& f : image) {
    MPoly m;
    for (const mpz_class& c : f) m.push_back(ring.reduce(c));
    auto lead_inverse = ring.inverse(m.back());
    if (!lead_inverse) return false;
    g.push_back(ring.scale(std::move(m), *lead_inverse));
  }
  for (std::size_t i = 0; i < r; ++i) {
    MPoly others{1};
    for (std::size_t j = 0; j < r; ++j)
      if (j != i) others = ring.mod(ring.mul(others, g[j]), g[i]);
    auto inverse = ring.inverse_mod(others, g[i]);
    if (!inverse) return false;
    s.push_back(std::move(*inverse));
  }
  // Linear Hensel lifting; partial[j] = lc * factors[0] * ... * factors[j - 1].
  Exponents origin(ys.size(), 0);
  factors.assign(r, Series(precision));
  for (std::size_t i = 0; i < r; ++i) factors[i][0][origin] = g[i];
  std::vector<Series> partial(r + 1, Series(precision));
  partial[0] = lc_series;
  auto update_partials = [&](std::size_t k) {
    for (std::size_t j = 0; j < r; ++j) partial[j + 1][k] = product_component(ring, partial[j], factors[j], k);
  };
  update_partials(0);
  for (std::size_t k = 1; k < precision; ++k) {
    update_partials(k);  // with the degree-k components of the factors still zero
    // Lower degrees agree, so [b - lc prod]_k = lc(0) [b/lc - prod]_k.
    Component error = target[k];
    for (const auto& [e, q] : partial[r][k]) error[e] = ring.sub(error[e], q);
    for (const auto& [e, q] : error) {
      if (q.empty()) continue;
      MPoly scaled = ring.scale(q, *lc0_inverse);
      for (std::size_t i = 0; i < r; ++i) factors[i][k][e] = ring.mod(ring.mul(s[i], scaled), g[i]);
    }
    update_partials(k);
  }
  return true;
}

}  // namespace

std::vector<Poly> factor_multivariate(const Poly& a, std::size_t x, const std::vector<mpz_class>* point) {
  std::size_t nv = a.nvars;
  std::vector<bool> used = used_variables(a);
  std::vector<std::size_t> ys;
  for (std::size_t k = 0; k < nv; ++k)
    if (used[k] && k != x) ys.push_back(k);
  auto image = best_image(a, x, ys, point);
  if (!image) refuse("found no evaluation point that keeps the polynomial square-free");
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
    refuse("too many variables and too high a degree to factor (" + std::to_string(ys.size() + 1) +
           " variables, degree " + std::to_string(total_degree(a)) + ")");

  std::optional<Ring> ring;
  std::vector<Series> factors;
  for (int skip = 0;; ++skip) {
    if (skip == 5) refuse("found no prime for lifting");  // never, in practice
    ring.emplace(lifting_prime(b, lead, skip));
    if (lift(*ring, b, lead, image->factors, x, ys, precision, factors)) break;
  }
  std::size_t r = image->factors.size();

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
    Series lc_now = to_series(*ring, coefficients(remaining, x).back(), x, ys, precision);
    for (;;) {
      if (++tried > max_recombinations)
        refuse("too many image factors to recombine (" + std::to_string(r) + ")");
      Series candidate = lc_now;
      for (std::size_t i : pick) candidate = product(*ring, candidate, factors[rest[i]], precision);
      Poly h = to_poly(*ring, candidate, x, ys, nv);
      std::optional<Poly> quotient;
      if (!h.is_zero()) {
        h = with_positive_lc(*divide(h, content_in(h, x)));
        if (degree(h, x) > 0) quotient = divide(remaining, h);
      }
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
