// SPDX-License-Identifier: GPL-3.0-or-later
// Arithmetic on sparse integer polynomials (see poly.hpp): sums by merging sorted term lists,
// products by merging the sorted rows a_i * b, exact division by leading terms, and the
// structural operations (degrees, evaluation, shifts, coefficients in one variable).
#include "calculus/poly.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>

#include "core/errors.hpp"
#include "core/interrupt.hpp"

namespace ddx::calc::poly {
namespace {

int compare_exponents(const Exponents& a, const Exponents& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

// Merges two sorted term lists into a + b or a - b. An operand passed as a mutable reference
// (MoveA, MoveB) gives up its terms instead of having them copied: GMP integers and exponent
// vectors then change hands without allocating, which is most of the cost of long sums.
template <bool MoveA, bool MoveB>
Poly merge(std::conditional_t<MoveA, Poly&, const Poly&> a, std::conditional_t<MoveB, Poly&, const Poly&> b,
           bool subtract) {
  Poly r(std::max(a.nvars, b.nvars));
  r.terms.reserve(a.terms.size() + b.terms.size());
  std::size_t i = 0, j = 0;
  auto& at = a.terms;
  auto& bt = b.terms;
  while (i < at.size() || j < bt.size()) {
    int c = i == at.size() ? -1 : j == bt.size() ? 1 : compare_exponents(at[i].e, bt[j].e);
    if (c > 0) {
      if constexpr (MoveA) r.terms.push_back(std::move(at[i]));
      else r.terms.push_back(at[i]);
      ++i;
    } else if (c < 0) {
      if constexpr (MoveB) r.terms.push_back(std::move(bt[j]));
      else r.terms.push_back(bt[j]);
      if (subtract) mpz_neg(r.terms.back().c.get_mpz_t(), r.terms.back().c.get_mpz_t());
      ++j;
    } else {
      if constexpr (MoveA) r.terms.push_back(std::move(at[i]));
      else r.terms.push_back(at[i]);
      mpz_class& sum = r.terms.back().c;
      if (subtract) sum -= bt[j].c;
      else sum += bt[j].c;
      if (sum == 0) r.terms.pop_back();
      ++i, ++j;
    }
  }
  charge(static_cast<double>(at.size() + bt.size()));
  return r;
}

// c x^m * b: the order of b's terms is kept.
Poly scale_shift(const Poly& b, const mpz_class& c, const Exponents& m) {
  Poly r(b.nvars);
  r.terms.reserve(b.terms.size());
  for (const Term& t : b.terms) {
    Term u{t.e, t.c * c};
    for (std::size_t k = 0; k < m.size(); ++k) u.e[k] += m[k];
    r.terms.push_back(std::move(u));
  }
  charge(static_cast<double>(b.terms.size()));
  return r;
}

thread_local double remaining_work = INFINITY;
thread_local std::string work_what;  // NOLINT: the name in the limit's message

}  // namespace

bool Poly::is_constant() const {
  if (terms.empty()) return true;
  if (terms.size() > 1) return false;
  return std::all_of(terms[0].e.begin(), terms[0].e.end(), [](std::uint32_t x) { return x == 0; });
}

bool operator==(const Poly& a, const Poly& b) {
  if (a.terms.size() != b.terms.size()) return false;
  for (std::size_t i = 0; i < a.terms.size(); ++i)
    if (a.terms[i].c != b.terms[i].c || a.terms[i].e != b.terms[i].e) return false;
  return true;
}

Poly constant(std::size_t nvars, const mpz_class& c) {
  Poly r(nvars);
  if (c != 0) r.terms.push_back({Exponents(nvars, 0), c});
  return r;
}

Poly variable(std::size_t nvars, std::size_t var, std::uint32_t power) {
  Poly r(nvars);
  r.terms.push_back({Exponents(nvars, 0), 1});
  r.terms[0].e[var] = power;
  return r;
}

Poly from_terms(std::size_t nvars, std::vector<Term> t) {
  std::sort(t.begin(), t.end(), [](const Term& x, const Term& y) { return compare_exponents(x.e, y.e) > 0; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t j = i + 1;
    mpz_class c = std::move(t[i].c);
    while (j < t.size() && t[j].e == t[i].e) c += t[j++].c;
    if (c != 0) {
      if (out != i) t[out].e = std::move(t[i].e);
      t[out].c = std::move(c);
      ++out;
    }
    i = j;
  }
  t.resize(out);
  charge(static_cast<double>(t.size()));
  Poly r(nvars);
  r.terms = std::move(t);
  return r;
}

Poly operator+(const Poly& a, const Poly& b) { return merge<false, false>(a, b, false); }
Poly operator+(Poly&& a, const Poly& b) { return merge<true, false>(a, b, false); }
Poly operator+(Poly&& a, Poly&& b) { return merge<true, true>(a, b, false); }
Poly operator-(const Poly& a, const Poly& b) { return merge<false, false>(a, b, true); }
Poly operator-(Poly&& a, const Poly& b) { return merge<true, false>(a, b, true); }
Poly operator-(Poly&& a, Poly&& b) { return merge<true, true>(a, b, true); }
Poly operator-(const Poly& a) {
  Poly r = a;
  for (Term& t : r.terms) t.c = -t.c;
  return r;
}

Poly operator*(const Poly& a, const mpz_class& c) {
  if (c == 0) return Poly(a.nvars);
  return scale_shift(a, c, {});
}

Poly operator*(const Poly& a, const Poly& b) {
  if (a.is_zero() || b.is_zero()) return Poly(std::max(a.nvars, b.nvars));
  const Poly& small = a.terms.size() <= b.terms.size() ? a : b;
  const Poly& large = &small == &a ? b : a;
  charge(static_cast<double>(small.terms.size()) * static_cast<double>(large.terms.size()));
  // One sorted row per term of the smaller factor, merged pairwise like a merge sort.
  std::vector<Poly> rows;
  rows.reserve(small.terms.size());
  for (const Term& t : small.terms) rows.push_back(scale_shift(large, t.c, t.e));
  while (rows.size() > 1) {
    std::vector<Poly> next;
    next.reserve((rows.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < rows.size(); i += 2) next.push_back(std::move(rows[i]) + std::move(rows[i + 1]));
    if (rows.size() % 2) next.push_back(std::move(rows.back()));
    rows = std::move(next);
  }
  return std::move(rows[0]);
}

Poly pow(const Poly& a, std::uint32_t k) {
  Poly r = constant(a.nvars, 1);
  for (std::uint32_t i = 0; i < k; ++i) r = r * a;
  return r;
}

std::optional<Poly> divide(const Poly& a, const Poly& b) {
  Poly q(a.nvars);
  if (a.is_zero()) return q;
  const Term& lead = b.terms.front();
  const Term& tail = b.terms.back();
  // Cheap necessary conditions first: the lowest terms must divide as well.
  if (!mpz_divisible_p(a.terms.back().c.get_mpz_t(), tail.c.get_mpz_t())) return std::nullopt;
  for (std::size_t k = 0; k < a.nvars; ++k)
    if (a.terms.back().e[k] < tail.e[k] || a.terms.front().e[k] < lead.e[k]) return std::nullopt;
  // deg_k(a) = deg_k(q) + deg_k(b) for every variable k: a bound on each quotient term, which
  // also bounds the loop (b's lower terms may have higher degrees in later variables).
  Exponents bound(a.nvars);
  for (std::size_t k = 0; k < a.nvars; ++k) {
    std::uint32_t da = degree(a, k), db = degree(b, k);
    if (da < db) return std::nullopt;
    bound[k] = da - db;
  }
  std::vector<Term> quotient;
  Poly r = a;
  while (!r.is_zero()) {
    const Term& t = r.terms.front();
    Term qt{Exponents(a.nvars), 0};
    for (std::size_t k = 0; k < a.nvars; ++k) {
      if (t.e[k] < lead.e[k] || t.e[k] - lead.e[k] > bound[k]) return std::nullopt;
      qt.e[k] = t.e[k] - lead.e[k];
    }
    if (!mpz_divisible_p(t.c.get_mpz_t(), lead.c.get_mpz_t())) return std::nullopt;
    mpz_divexact(qt.c.get_mpz_t(), t.c.get_mpz_t(), lead.c.get_mpz_t());
    r = std::move(r) - scale_shift(b, qt.c, qt.e);
    quotient.push_back(std::move(qt));
  }
  q.terms = std::move(quotient);  // produced in decreasing order
  return q;
}

Poly divide_exact(const Poly& a, const mpz_class& c) {
  Poly r = a;
  for (Term& t : r.terms) mpz_divexact(t.c.get_mpz_t(), t.c.get_mpz_t(), c.get_mpz_t());
  charge(static_cast<double>(a.terms.size()));
  return r;
}

mpz_class content(const Poly& a) {
  mpz_class g = 0;
  for (const Term& t : a.terms) {
    mpz_gcd(g.get_mpz_t(), g.get_mpz_t(), t.c.get_mpz_t());
    if (g == 1) break;
  }
  return g;
}

Poly with_positive_lc(const Poly& a) { return !a.is_zero() && a.lc() < 0 ? -a : a; }

Poly primitive(const Poly& a) {
  if (a.is_zero()) return a;
  mpz_class c = content(a);
  if (a.lc() < 0) c = -c;
  return c == 1 ? a : divide_exact(a, c);
}

mpz_class max_norm(const Poly& a) {
  mpz_class m = 0;
  for (const Term& t : a.terms)
    if (mpz_cmpabs(t.c.get_mpz_t(), m.get_mpz_t()) > 0) m = abs(t.c);
  return m;
}

std::uint32_t degree(const Poly& a, std::size_t var) {
  std::uint32_t d = 0;
  for (const Term& t : a.terms) d = std::max(d, t.e[var]);
  return d;
}

std::uint32_t total_degree(const Poly& a) {
  std::uint32_t d = 0;
  for (const Term& t : a.terms) {
    std::uint32_t s = 0;
    for (std::uint32_t x : t.e) s += x;
    d = std::max(d, s);
  }
  return d;
}

std::uint32_t total_degree(const Poly& a, const std::vector<bool>& mask) {
  std::uint32_t d = 0;
  for (const Term& t : a.terms) {
    std::uint32_t s = 0;
    for (std::size_t k = 0; k < t.e.size(); ++k)
      if (mask[k]) s += t.e[k];
    d = std::max(d, s);
  }
  return d;
}

std::vector<bool> used_variables(const Poly& a) {
  std::vector<bool> used(a.nvars, false);
  for (const Term& t : a.terms)
    for (std::size_t k = 0; k < a.nvars; ++k)
      if (t.e[k]) used[k] = true;
  return used;
}

Exponents min_exponents(const Poly& a) {
  if (a.is_zero()) return Exponents(a.nvars, 0);
  Exponents m = a.terms.front().e;
  for (const Term& t : a.terms)
    for (std::size_t k = 0; k < a.nvars; ++k) m[k] = std::min(m[k], t.e[k]);
  return m;
}

Poly divide_monomial(const Poly& a, const Exponents& m) {
  Poly r = a;
  for (Term& t : r.terms)
    for (std::size_t k = 0; k < m.size(); ++k) t.e[k] -= m[k];
  return r;
}

Poly multiply_monomial(const Poly& a, const Exponents& m) { return scale_shift(a, 1, m); }

Poly derivative(const Poly& a, std::size_t var) {
  std::vector<Term> t;
  for (const Term& s : a.terms) {
    if (s.e[var] == 0) continue;
    Term u{s.e, s.c * s.e[var]};
    --u.e[var];
    t.push_back(std::move(u));
  }
  Poly r(a.nvars);
  r.terms = std::move(t);  // still sorted: only one exponent dropped by one, in every term alike
  return r;
}

Poly evaluate(const Poly& a, std::size_t var, const mpz_class& v) {
  std::vector<mpz_class> powers{1};
  std::vector<Term> t;
  t.reserve(a.terms.size());
  for (const Term& s : a.terms) {
    while (powers.size() <= s.e[var]) powers.push_back(powers.back() * v);
    Term u{s.e, s.c * powers[s.e[var]]};
    u.e[var] = 0;
    t.push_back(std::move(u));
  }
  return from_terms(a.nvars, std::move(t));
}

Poly shift(const Poly& a, std::size_t var, const mpz_class& v) {
  if (v == 0) return a;
  std::vector<Term> t;
  std::vector<mpz_class> powers{1};
  for (const Term& s : a.terms) {
    std::uint32_t k = s.e[var];
    while (powers.size() <= k) powers.push_back(powers.back() * v);
    // (x + v)^k = sum over j of C(k, j) v^(k-j) x^j
    mpz_class binom = 1;
    for (std::uint32_t j = 0; j <= k; ++j) {
      Term u{s.e, s.c * binom * powers[k - j]};
      u.e[var] = j;
      t.push_back(std::move(u));
      binom = binom * (k - j) / (j + 1);
    }
    charge(k + 1);
  }
  return from_terms(a.nvars, std::move(t));
}

std::vector<Poly> coefficients(const Poly& a, std::size_t var) {
  std::vector<std::vector<Term>> buckets(degree(a, var) + 1);
  for (const Term& s : a.terms) {
    Term u = s;
    u.e[var] = 0;
    buckets[s.e[var]].push_back(std::move(u));
  }
  std::vector<Poly> r;
  r.reserve(buckets.size());
  for (auto& b : buckets) {
    Poly p(a.nvars);
    p.terms = std::move(b);  // the relative order of terms with equal var exponent is kept
    r.push_back(std::move(p));
  }
  return r;
}

Poly from_coefficients(const std::vector<Poly>& c, std::size_t var, std::size_t nvars) {
  std::vector<Term> t;
  for (std::size_t k = 0; k < c.size(); ++k)
    for (const Term& s : c[k].terms) {
      Term u = s;
      u.e[var] = static_cast<std::uint32_t>(k);
      t.push_back(std::move(u));
    }
  return from_terms(nvars, std::move(t));
}

WorkLimit::WorkLimit(double units, std::string what) : saved_remaining_(remaining_work), start_(units) {
  installed_ = units < remaining_work;
  if (installed_) {
    remaining_work = units;
    saved_what_ = std::exchange(work_what, std::move(what));
  }
}

WorkLimit::~WorkLimit() {
  if (!installed_) return;  // the outer limit was tighter and has been charged directly
  double used = start_ - remaining_work;
  remaining_work = saved_remaining_ - used;  // the outer limit pays for the inner work too
  work_what = std::move(saved_what_);
}

double work_left() { return remaining_work; }

void charge(double units) {
  remaining_work -= units;
  if (remaining_work < 0) {
    remaining_work = 0;
    refuse("the computation is too large (polynomial work limit reached)");
  }
  check_interrupt();
}

void refuse(const std::string& reason) {
  throw LimitError((work_what.empty() ? std::string("polynomial") : work_what) + ": " + reason);
}

}  // namespace ddx::calc::poly
