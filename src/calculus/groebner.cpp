// SPDX-License-Identifier: GPL-3.0-or-later
// Buchberger's algorithm (see groebner.hpp; FGLM is fglm.cpp). Pairs are taken by the smallest least
// common multiple of their leading monomials (total degree, then the order); Buchberger's product
// criterion and the chain criterion skip most useless pairs. Reductions are fraction-free: a x^m g
// is subtracted from b p with integers a, b, and the common content of what is left is divided out
// as it goes.
#include "calculus/groebner.hpp"
#include "calculus/groebner_internal.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/interrupt.hpp"

namespace ddx::calc::poly {
namespace detail {

// A basis that grows past this many elements is not a small system any more.
constexpr std::size_t max_basis_size = 400;

int compare(const Exponents& a, const Exponents& b, Order o) {
  if (o == Order::Grevlex) {
    std::uint64_t ta = 0, tb = 0;
    for (auto x : a) ta += x;
    for (auto x : b) tb += x;
    if (ta != tb) return ta < tb ? -1 : 1;
    for (std::size_t k = a.size(); k-- > 0;)  // the smaller power of the last variable is larger
      if (a[k] != b[k]) return a[k] > b[k] ? -1 : 1;
    return 0;
  }
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}


std::size_t limbs_of(const std::vector<Term>& t) {
  std::size_t s = 0;
  for (const Term& x : t) s += mpz_size(x.c.get_mpz_t()) + 1;
  return s;
}

OPoly ordered(const Poly& p, Order o) {
  OPoly r{p.nvars, p.terms};
  if (o != Order::Lex)
    std::sort(r.terms.begin(), r.terms.end(), [o](const Term& a, const Term& b) { return compare(a.e, b.e, o) > 0; });
  return r;
}

Poly unordered(const OPoly& p) { return from_terms(p.nvars, p.terms); }

// a * ca - b * cb * x^m (cb x^m b's terms keep their order).
OPoly combine(const OPoly& a, const mpz_class& ca, const OPoly& b, const mpz_class& cb, const Exponents& m, Order o) {
  OPoly r{a.nvars, {}};
  r.terms.reserve(a.terms.size() + b.terms.size());
  std::size_t i = 0, j = 0;
  auto shifted = [&](std::size_t k) {
    Exponents e = b.terms[k].e;
    for (std::size_t v = 0; v < e.size(); ++v) e[v] += m[v];
    return e;
  };
  Exponents bj = j < b.terms.size() ? shifted(0) : Exponents{};
  while (i < a.terms.size() || j < b.terms.size()) {
    int c = i == a.terms.size() ? -1 : j == b.terms.size() ? 1 : compare(a.terms[i].e, bj, o);
    if (c > 0) {
      r.terms.push_back({a.terms[i].e, a.terms[i].c * ca});
      ++i;
    } else if (c < 0) {
      r.terms.push_back({bj, -(b.terms[j].c * cb)});
      if (++j < b.terms.size()) bj = shifted(j);
    } else {
      mpz_class v = a.terms[i].c * ca - b.terms[j].c * cb;
      if (v != 0) r.terms.push_back({a.terms[i].e, std::move(v)});
      ++i;
      if (++j < b.terms.size()) bj = shifted(j);
    }
  }
  charge(limb_cost * static_cast<double>(limbs_of(r.terms)) *
         static_cast<double>(1 + mpz_size(ca.get_mpz_t()) + mpz_size(cb.get_mpz_t())));
  return r;
}

void scale_terms(std::vector<Term>& t, const mpz_class& a) {
  for (Term& x : t) x.c *= a;
  charge(limb_cost * static_cast<double>(limbs_of(t)) * static_cast<double>(1 + mpz_size(a.get_mpz_t())));
}

void divide_terms(std::vector<Term>& t, const mpz_class& c) {
  for (Term& x : t) mpz_divexact(x.c.get_mpz_t(), x.c.get_mpz_t(), c.get_mpz_t());
  charge(limb_cost * static_cast<double>(limbs_of(t)) * static_cast<double>(1 + mpz_size(c.get_mpz_t())));
}

mpz_class content_of(const std::vector<Term>& a, const std::vector<Term>& b) {
  mpz_class g = 0;
  for (const auto* t : {&a, &b})
    for (const Term& x : *t) {
      mpz_gcd(g.get_mpz_t(), g.get_mpz_t(), x.c.get_mpz_t());
      if (g == 1) return g;
    }
  return g;
}

OPoly primitive_of(OPoly p) {
  if (p.is_zero()) return p;
  mpz_class c = content_of(p.terms, {});
  if (p.lc() < 0) c = -c;
  if (c != 1) divide_terms(p.terms, c);
  return p;
}

bool divides(const Exponents& a, const Exponents& b) {
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] > b[k]) return false;
  return true;
}

Exponents lcm(const Exponents& a, const Exponents& b) {
  Exponents r(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) r[k] = std::max(a[k], b[k]);
  return r;
}

Exponents minus(const Exponents& a, const Exponents& b) {
  Exponents r(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) r[k] = a[k] - b[k];
  return r;
}

bool coprime(const Exponents& a, const Exponents& b) {
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] && b[k]) return false;
  return true;
}

std::uint64_t total(const Exponents& a) {
  std::uint64_t s = 0;
  for (auto x : a) s += x;
  return s;
}

// The remainder of p on division by g: `tail` reduces every term, otherwise only leading terms.
// The result is scale * remainder with a nonzero rational scale (given back when asked for);
// primitive with a positive leading coefficient unless the scale is asked for.
OPoly reduce(OPoly p, const std::vector<const OPoly*>& g, Order o, bool tail, mpq_class* scale) {
  if (scale) *scale = 1;
  OPoly r{p.nvars, {}};
  std::size_t steps = 0;
  while (!p.is_zero()) {
    check_interrupt();
    const Term& lt = p.terms.front();
    const OPoly* by = nullptr;
    for (const OPoly* q : g)
      if (divides(q->lm(), lt.e)) {
        by = q;
        break;
      }
    if (!by) {
      if (!tail) break;
      r.terms.push_back(std::move(p.terms.front()));
      p.terms.erase(p.terms.begin());
      charge(static_cast<double>(p.terms.size()) + 1);
      continue;
    }
    mpz_class a = by->lc(), b = lt.c;
    mpz_class d = gcd(a, b);
    a /= d;
    b /= d;
    if (a < 0) a = -a, b = -b;
    p = combine(p, a, *by, b, minus(lt.e, by->lm()), o);
    if (a != 1) {
      scale_terms(r.terms, a);
      if (scale) *scale *= a;
    }
    if (++steps % 4 == 0 || p.terms.size() < 4) {
      mpz_class c = content_of(p.terms, r.terms);
      if (c > 1) {
        divide_terms(p.terms, c);
        divide_terms(r.terms, c);
        if (scale) *scale /= c;
      }
    }
  }
  for (Term& t : p.terms) r.terms.push_back(std::move(t));  // what is left when !tail
  if (scale) return r;
  return primitive_of(std::move(r));
}

std::vector<const OPoly*> pointers(const std::vector<OPoly>& g) {
  std::vector<const OPoly*> out;
  for (const OPoly& p : g) out.push_back(&p);
  return out;
}

struct Pair {
  std::size_t i, j;
  Exponents lcm;
};

// The reduced basis in order o, smallest leading monomial first; {1} for the unit ideal.
std::vector<OPoly> buchberger(const std::vector<Poly>& fs, Order o) {
  std::vector<OPoly> g;
  for (const Poly& f : fs)
    if (!f.is_zero()) g.push_back(primitive_of(ordered(f, o)));
  if (g.empty()) return g;
  std::size_t n = g[0].nvars;
  auto one = [n] { return std::vector<OPoly>{OPoly{n, {{Exponents(n, 0), 1}}}}; };
  for (const OPoly& p : g)
    if (p.is_constant()) return one();
  auto before = [o](const Pair& a, const Pair& b) {
    std::uint64_t ta = total(a.lcm), tb = total(b.lcm);
    if (ta != tb) return ta < tb;
    int c = compare(a.lcm, b.lcm, o);
    if (c != 0) return c < 0;
    return std::make_pair(a.i, a.j) < std::make_pair(b.i, b.j);
  };
  std::vector<bool> live(g.size(), true);
  std::vector<Pair> pairs;
  std::set<std::pair<std::size_t, std::size_t>> done;  // pairs treated or skipped
  for (std::size_t j = 0; j < g.size(); ++j)
    for (std::size_t i = 0; i < j; ++i) pairs.push_back({i, j, lcm(g[i].lm(), g[j].lm())});
  auto key = [](std::size_t a, std::size_t b) { return std::make_pair(std::min(a, b), std::max(a, b)); };
  while (!pairs.empty()) {
    check_interrupt();
    auto best = std::min_element(pairs.begin(), pairs.end(), before);
    Pair p = *best;
    pairs.erase(best);
    done.insert({p.i, p.j});
    if (!live[p.i] || !live[p.j]) continue;
    if (coprime(g[p.i].lm(), g[p.j].lm())) continue;  // Buchberger's first criterion
    bool chain = false;  // some k with lm(k) | lcm(i, j) whose pairs with i and j are done
    for (std::size_t k = 0; k < g.size() && !chain; ++k) {
      if (k == p.i || k == p.j || !divides(g[k].lm(), p.lcm)) continue;
      chain = done.count(key(p.i, k)) && done.count(key(p.j, k));
    }
    if (chain) continue;
    mpz_class a = g[p.j].lc(), b = g[p.i].lc();
    mpz_class d = gcd(a, b);
    a /= d;
    b /= d;
    // a x^(l - lm i) g_i - b x^(l - lm j) g_j, built as (x^(l - lm i) g_i) a - ...
    OPoly left = combine(OPoly{n, {}}, 1, g[p.i], -a, minus(p.lcm, g[p.i].lm()), o);
    OPoly s = combine(left, 1, g[p.j], b, minus(p.lcm, g[p.j].lm()), o);
    std::vector<const OPoly*> live_ptrs;
    for (std::size_t k = 0; k < g.size(); ++k)
      if (live[k]) live_ptrs.push_back(&g[k]);
    OPoly h = reduce(std::move(s), live_ptrs, o, false);
    if (h.is_zero()) continue;
    if (h.is_constant()) return one();
    if (g.size() >= max_basis_size)
      refuse("the system is too large (more than " + std::to_string(max_basis_size) + " polynomials in its Groebner basis)");
    // Elements whose leading monomial the new one divides are no longer needed for leading terms
    // (their pairs already made with the others stay valid; kept for the chain criterion).
    g.push_back(std::move(h));
    live.push_back(true);
    std::size_t j = g.size() - 1;
    for (std::size_t i = 0; i < j; ++i)
      if (live[i]) pairs.push_back({i, j, lcm(g[i].lm(), g[j].lm())});
  }
  // Minimal: drop elements whose leading monomial another's divides (keep the first of equals).
  for (std::size_t i = 0; i < g.size(); ++i)
    for (std::size_t k = 0; k < g.size() && live[i]; ++k)
      if (k != i && live[k] && divides(g[k].lm(), g[i].lm()) && (g[k].lm() != g[i].lm() || k < i)) live[i] = false;
  std::vector<OPoly> minimal;
  for (std::size_t i = 0; i < g.size(); ++i)
    if (live[i]) minimal.push_back(std::move(g[i]));
  // Reduced: each element's other terms reduced by the rest.
  std::vector<OPoly> reduced;
  for (std::size_t i = 0; i < minimal.size(); ++i) {
    std::vector<const OPoly*> others;
    for (std::size_t k = 0; k < minimal.size(); ++k)
      if (k != i) others.push_back(&minimal[k]);
    reduced.push_back(reduce(minimal[i], others, o, true));
  }
  std::sort(reduced.begin(), reduced.end(), [o](const OPoly& a, const OPoly& b) { return compare(a.lm(), b.lm(), o) < 0; });
  return reduced;
}

bool unit(const std::vector<OPoly>& g) { return g.size() == 1 && g[0].is_constant(); }

bool zero_dimensional(const std::vector<OPoly>& g) {
  if (g.empty()) return false;
  std::size_t n = g[0].nvars;
  for (std::size_t v = 0; v < n; ++v) {
    bool found = false;
    for (const OPoly& p : g) {
      const Exponents& e = p.lm();
      bool pure = e[v] > 0;
      for (std::size_t k = 0; k < n && pure; ++k)
        if (k != v && e[k]) pure = false;
      found = found || pure;
    }
    if (!found) return false;
  }
  return true;
}

std::vector<Poly> unordered_all(const std::vector<OPoly>& g) {
  std::vector<Poly> out;
  for (const OPoly& p : g) out.push_back(unordered(p));
  return out;
}

}  // namespace detail

using namespace detail;

std::vector<Poly> groebner_lex_direct(const std::vector<Poly>& fs) { return unordered_all(buchberger(fs, Order::Lex)); }

std::vector<Poly> groebner(const std::vector<Poly>& fs) {
  std::vector<OPoly> g = buchberger(fs, Order::Grevlex);
  if (g.empty() || unit(g)) return unordered_all(g);
  if (zero_dimensional(g)) return fglm(g);
  return groebner_lex_direct(fs);
}

Poly normal_form(const Poly& f, const std::vector<Poly>& g) {
  std::vector<OPoly> og;
  for (const Poly& p : g) og.push_back(ordered(p, Order::Lex));
  return unordered(reduce(ordered(f, Order::Lex), pointers(og), Order::Lex, true));
}

std::optional<mpq_class> constant_remainder(const Poly& f, const std::vector<Poly>& g) {
  std::vector<OPoly> og;
  for (const Poly& p : g) og.push_back(ordered(p, Order::Lex));
  mpq_class scale;
  OPoly r = reduce(ordered(f, Order::Lex), pointers(og), Order::Lex, true, &scale);
  if (r.is_zero()) return mpq_class(0);
  if (!r.is_constant()) return std::nullopt;
  return mpq_class(mpq_class(r.lc()) / scale);
}

bool is_unit_ideal(const std::vector<Poly>& g) { return g.size() == 1 && g[0].is_constant() && !g[0].is_zero(); }

bool is_zero_dimensional(const std::vector<Poly>& g) {
  std::vector<OPoly> og;
  for (const Poly& p : g) og.push_back(ordered(p, Order::Lex));
  return zero_dimensional(og);
}

std::optional<Poly> last_variable_eliminant(const std::vector<Poly>& g) {
  for (const Poly& p : g) {
    if (p.is_constant()) continue;
    std::vector<bool> used = used_variables(p);
    bool only_last = true;
    for (std::size_t k = 0; k + 1 < p.nvars; ++k) only_last = only_last && !used[k];
    if (only_last) return p;
  }
  return std::nullopt;
}

Poly permute(const Poly& p, const std::vector<std::size_t>& perm, std::size_t nvars) {
  std::vector<Term> terms;
  terms.reserve(p.terms.size());
  for (const Term& t : p.terms) {
    Exponents e(nvars, 0);
    for (std::size_t k = 0; k < t.e.size(); ++k) e[perm[k]] += t.e[k];
    terms.push_back({std::move(e), t.c});
  }
  return from_terms(nvars, std::move(terms));
}

}  // namespace ddx::calc::poly
