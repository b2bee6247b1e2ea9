// SPDX-License-Identifier: GPL-3.0-or-later
// Polynomials over GF(p) (see poly_univariate.hpp): arithmetic, gcds, and factorisation of
// square-free polynomials by distinct-degree factorisation (Frobenius via the matrix of x^(ip))
// followed by Cantor-Zassenhaus equal-degree splitting with a fixed-seed generator, so that
// results never depend on the run.
#include <random>
#include <utility>

#include "calculus/poly.hpp"
#include "calculus/poly_univariate.hpp"

namespace ddx::calc::poly {

std::uint64_t PrimeField::inv(std::uint64_t a) const {
  // Fermat: a^(p-2)
  std::uint64_t r = 1, b = a % p_, e = p_ - 2;
  for (; e; e >>= 1, b = mul(b, b))
    if (e & 1) r = mul(r, b);
  return r;
}

std::uint64_t PrimeField::reduce(const mpz_class& z) const {
  return mpz_fdiv_ui(z.get_mpz_t(), static_cast<unsigned long>(p_));
}

FPoly PrimeField::trim(FPoly a) const {
  while (!a.empty() && a.back() == 0) a.pop_back();
  return a;
}

FPoly PrimeField::add(const FPoly& a, const FPoly& b) const {
  FPoly r(std::max(a.size(), b.size()), 0);
  for (std::size_t i = 0; i < a.size(); ++i) r[i] = a[i];
  for (std::size_t i = 0; i < b.size(); ++i) r[i] = add(r[i], b[i]);
  return trim(std::move(r));
}

FPoly PrimeField::sub(const FPoly& a, const FPoly& b) const {
  FPoly r(std::max(a.size(), b.size()), 0);
  for (std::size_t i = 0; i < a.size(); ++i) r[i] = a[i];
  for (std::size_t i = 0; i < b.size(); ++i) r[i] = sub(r[i], b[i]);
  return trim(std::move(r));
}

FPoly PrimeField::mul(const FPoly& a, const FPoly& b) const {
  if (a.empty() || b.empty()) return {};
  charge(static_cast<double>(a.size() * b.size()) / 8);
  // p < 2^31: a product and a partial sum stay below 2^63.
  FPoly r(a.size() + b.size() - 1, 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == 0) continue;
    for (std::size_t j = 0; j < b.size(); ++j) r[i + j] = (r[i + j] + a[i] * b[j]) % p_;
  }
  return trim(std::move(r));
}

FPoly PrimeField::scale(const FPoly& a, std::uint64_t c) const {
  FPoly r(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) r[i] = mul(a[i], c);
  return trim(std::move(r));
}

void PrimeField::divmod(const FPoly& a, const FPoly& b, FPoly* q, FPoly* r) const {
  FPoly rem = a;
  std::size_t db = b.size() - 1;
  FPoly quo(a.size() >= b.size() ? a.size() - db : 0, 0);
  std::uint64_t lead_inv = inv(b.back());
  charge(static_cast<double>(quo.size() * b.size()) / 8);
  for (std::size_t k = quo.size(); k-- > 0;) {
    std::uint64_t c = mul(rem[k + db], lead_inv);
    quo[k] = c;
    if (c == 0) continue;
    for (std::size_t j = 0; j <= db; ++j) rem[k + j] = sub(rem[k + j], mul(c, b[j]));
  }
  if (q) *q = trim(std::move(quo));
  if (r) {
    rem.resize(std::min(rem.size(), db));
    *r = trim(std::move(rem));
  }
}

FPoly PrimeField::mod(const FPoly& a, const FPoly& b) const {
  FPoly r;
  divmod(a, b, nullptr, &r);
  return r;
}

FPoly PrimeField::monic(const FPoly& a) const {
  if (a.empty() || a.back() == 1) return a;
  return scale(a, inv(a.back()));
}

FPoly PrimeField::gcd(FPoly a, FPoly b) const {
  while (!b.empty()) {
    FPoly r = mod(a, b);
    a = std::move(b);
    b = std::move(r);
  }
  return monic(a);
}

void PrimeField::gcdex(const FPoly& a, const FPoly& b, FPoly& s, FPoly& t, FPoly& g) const {
  // Invariants: r0 = s0 a + t0 b, r1 = s1 a + t1 b.
  FPoly r0 = a, r1 = b, s0{1}, s1{}, t0{}, t1{1};
  while (!r1.empty()) {
    FPoly q, r;
    divmod(r0, r1, &q, &r);
    FPoly s2 = sub(s0, mul(q, s1)), t2 = sub(t0, mul(q, t1));
    r0 = std::move(r1), r1 = std::move(r);
    s0 = std::move(s1), s1 = std::move(s2);
    t0 = std::move(t1), t1 = std::move(t2);
  }
  std::uint64_t c = r0.empty() ? 1 : inv(r0.back());
  g = scale(r0, c);
  s = scale(s0, c);
  t = scale(t0, c);
}

FPoly PrimeField::powmod(FPoly base, std::uint64_t e, const FPoly& m) const {
  FPoly r{1};
  base = mod(base, m);
  for (; e; e >>= 1) {
    if (e & 1) r = mod(mul(r, base), m);
    if (e > 1) base = mod(mul(base, base), m);
  }
  return mod(r, m);
}

FPoly PrimeField::derivative(const FPoly& a) const {
  FPoly r(a.size() > 1 ? a.size() - 1 : 0);
  for (std::size_t i = 1; i < a.size(); ++i) r[i - 1] = mul(a[i], i % p_);
  return trim(std::move(r));
}

FPoly PrimeField::from_z(const ZPoly& a) const {
  FPoly r(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) r[i] = reduce(a[i]);
  return trim(std::move(r));
}

namespace {

// h(x)^p mod f for the f the matrix was built for: h^p = sum h_i x^(ip) in GF(p).
class Frobenius {
 public:
  Frobenius(const PrimeField& k, const FPoly& f) : k_(k) {
    std::size_t n = f.size() - 1;
    FPoly xp = k.powmod({0, 1}, k.p(), f);
    rows_.push_back({1});
    for (std::size_t i = 1; i < n; ++i) rows_.push_back(k.mod(k.mul(rows_.back(), xp), f));
  }
  FPoly operator()(const FPoly& h) const {
    FPoly r;
    for (std::size_t i = 0; i < h.size(); ++i)
      if (h[i]) r = k_.add(r, k_.scale(rows_[i], h[i]));
    return r;
  }

 private:
  const PrimeField& k_;
  std::vector<FPoly> rows_;
};

// Splits g, a product of distinct monic irreducibles of degree d, into them (Cantor-Zassenhaus).
void split(const PrimeField& k, const FPoly& g, std::size_t d, std::mt19937_64& rng, std::vector<FPoly>& out) {
  std::size_t n = g.size() - 1;
  if (n == d) {
    out.push_back(g);
    return;
  }
  std::uniform_int_distribution<std::uint64_t> coeff(0, k.p() - 1);
  for (;;) {
    charge(static_cast<double>(n * n));
    FPoly a(n);
    for (auto& c : a) c = coeff(rng);
    a = k.trim(std::move(a));
    if (a.size() < 2) continue;
    // a^((p^d - 1)/2) = (a^(1 + p + ... + p^(d-1)))^((p - 1)/2)
    FPoly t = a, s = a;
    for (std::size_t i = 1; i < d; ++i) {
      t = k.powmod(t, k.p(), g);
      s = k.mod(k.mul(s, t), g);
    }
    FPoly b = k.powmod(s, (k.p() - 1) / 2, g);
    FPoly h = k.gcd(k.sub(b, {1}), g);
    if (h.size() > 1 && h.size() < g.size()) {
      FPoly q;
      k.divmod(g, h, &q, nullptr);
      split(k, h, d, rng, out);
      split(k, k.monic(q), d, rng, out);
      return;
    }
  }
}

}  // namespace

std::vector<std::pair<FPoly, std::size_t>> PrimeField::distinct_degree(const FPoly& f) const {
  std::vector<std::pair<FPoly, std::size_t>> parts;
  Frobenius frob(*this, f);
  FPoly rest = f, h = {0, 1};  // h = x^(p^d) mod f
  for (std::size_t d = 1; 2 * d <= rest.size() - 1; ++d) {
    h = frob(h);
    FPoly g = gcd(sub(h, {0, 1}), rest);
    if (g.size() > 1) {
      FPoly q;
      divmod(rest, g, &q, nullptr);
      rest = monic(q);
      parts.emplace_back(std::move(g), d);
    }
  }
  if (rest.size() > 1) parts.emplace_back(rest, rest.size() - 1);
  return parts;
}

std::vector<FPoly> PrimeField::split_equal_degree(const std::vector<std::pair<FPoly, std::size_t>>& parts) const {
  std::vector<FPoly> out;
  std::mt19937_64 rng(0x5eed);
  for (const auto& [g, d] : parts) split(*this, g, d, rng, out);
  return out;
}

}  // namespace ddx::calc::poly
