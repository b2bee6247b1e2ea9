// SPDX-License-Identifier: GPL-3.0-or-later
// FGLM (Faugère, Gianni, Lazard, Mora 1993) and eliminants (see groebner.hpp): the monomials are
// walked in increasing lex order, each one's grevlex normal form written in the standard
// monomials, and the first linear dependency on the earlier ones kept as a lex basis element. An
// eliminant is the first dependency among the powers of one variable (its minimal polynomial in
// the quotient ring).
#include <map>
#include <optional>
#include <utility>

#include "calculus/groebner.hpp"
#include "calculus/groebner_internal.hpp"
#include "core/interrupt.hpp"

namespace ddx::calc::poly::detail {
namespace {


using Vector = std::map<Exponents, mpq_class>;  // coefficients of standard monomials

// Normal forms num / den in a grevlex basis.
struct Form {
  OPoly num;
  mpz_class den;
};

class NormalForms {
 public:
  explicit NormalForms(const std::vector<OPoly>& g) : ptrs_(pointers(g)) {}
  Form one(std::size_t n) const { return {OPoly{n, {{Exponents(n, 0), 1}}}, 1}; }
  // The normal form of x_var times the polynomial whose normal form is f.
  Form times(const Form& f, std::size_t var) const {
    OPoly shifted = f.num;
    for (Term& t : shifted.terms) t.e[var] += 1;  // the order is kept
    mpq_class scale;
    OPoly r = reduce(std::move(shifted), ptrs_, Order::Grevlex, true, &scale);
    mpq_class den = scale * f.den;
    // r / den with den rational: r * den.den / den.num
    for (Term& t : r.terms) t.c *= den.get_den();
    return {std::move(r), den.get_num()};
  }
  static Vector vector(const Form& f) {
    Vector v;
    for (const Term& t : f.num.terms) {
      mpq_class c(t.c, f.den);
      c.canonicalize();
      v.emplace(t.e, std::move(c));
    }
    return v;
  }

 private:
  std::vector<const OPoly*> ptrs_;  // into the basis, which outlives this
};

// Rows in reduced echelon form; each row remembers which combination of the monomials given so far
// it is.
class Echelon {
 public:
  // Reduces v (the normal form of `monomial`); when it becomes 0, the dependency monomial +
  // sum(c_j s_j) = 0 over earlier monomials s_j, as coefficients; otherwise the row is kept and
  // nullopt returned.
  std::optional<Vector> add(Vector v, const Exponents& monomial) {
    Vector combo{{monomial, mpq_class(1)}};
    for (const Row& row : rows_) {
      auto it = v.find(row.pivot);
      if (it == v.end()) continue;
      mpq_class factor = it->second;
      axpy(v, row.v, -factor);
      axpy(combo, row.combo, -factor);
    }
    if (v.empty()) return combo;
    Exponents pivot = v.begin()->first;
    mpq_class inv = 1 / v.begin()->second;
    scale(v, inv);
    scale(combo, inv);
    for (Row& row : rows_) {
      auto it = row.v.find(pivot);
      if (it == row.v.end()) continue;
      mpq_class factor = it->second;
      axpy(row.v, v, -factor);
      axpy(row.combo, combo, -factor);
    }
    rows_.push_back({std::move(v), std::move(combo), std::move(pivot)});
    return std::nullopt;
  }

 private:
  struct Row {
    Vector v, combo;
    Exponents pivot;
  };
  static void axpy(Vector& y, const Vector& x, const mpq_class& a) {
    std::size_t size = 0;
    for (const auto& [k, c] : x) {
      mpq_class& t = y[k];
      t += a * c;
      size += mpz_size(t.get_num_mpz_t()) + mpz_size(t.get_den_mpz_t());
      if (t == 0) y.erase(k);
    }
    charge(limb_cost * static_cast<double>(size * size) + static_cast<double>(x.size()));
  }
  static void scale(Vector& y, const mpq_class& a) {
    for (auto& [k, c] : y) c *= a;
    charge(static_cast<double>(y.size()));
  }
  std::vector<Row> rows_;
};

Poly integer_poly(const Vector& v, std::size_t n) {
  mpz_class den = 1;
  for (const auto& [k, c] : v) mpz_lcm(den.get_mpz_t(), den.get_mpz_t(), c.get_den_mpz_t());
  std::vector<Term> terms;
  for (const auto& [k, c] : v) terms.push_back({k, mpz_class(c * den)});
  return with_positive_lc(primitive(from_terms(n, std::move(terms))));
}

}  // namespace

std::vector<Poly> fglm(const std::vector<OPoly>& g) {
  std::size_t n = g[0].nvars;
  NormalForms nf(g);
  Echelon echelon;
  std::vector<std::pair<Exponents, Form>> staircase;
  std::vector<Poly> basis;
  // Candidates in increasing lex order (std::vector's < is lex with variable 0 most significant),
  // each with the staircase monomial and variable it comes from.
  std::map<Exponents, std::pair<std::size_t, std::size_t>> candidates{{Exponents(n, 0), {0, 0}}};
  while (!candidates.empty()) {
    check_interrupt();
    auto [m, from] = *candidates.begin();
    candidates.erase(candidates.begin());
    bool multiple = false;
    for (const Poly& b : basis) multiple = multiple || divides(b.terms.front().e, m);
    if (multiple) continue;
    Form f = staircase.empty() ? nf.one(n) : nf.times(staircase[from.first].second, from.second);
    if (auto relation = echelon.add(NormalForms::vector(f), m)) {
      basis.push_back(integer_poly(*relation, n));
      continue;
    }
    staircase.emplace_back(m, std::move(f));
    for (std::size_t v = 0; v < n; ++v) {
      Exponents next = m;
      next[v] += 1;
      candidates.emplace(next, std::make_pair(staircase.size() - 1, v));
    }
  }
  std::sort(basis.begin(), basis.end(),
            [](const Poly& a, const Poly& b) { return compare(a.terms.front().e, b.terms.front().e, Order::Lex) < 0; });
  return basis;
}

}  // namespace ddx::calc::poly::detail

namespace ddx::calc::poly {

using namespace detail;

std::optional<Poly> eliminant(const std::vector<Poly>& fs, std::size_t var) {
  std::vector<OPoly> g = buchberger(fs, Order::Grevlex);
  if (g.empty() || unit(g) || !zero_dimensional(g)) return std::nullopt;
  std::size_t n = g[0].nvars;
  NormalForms nf(g);
  Echelon echelon;
  Form f = nf.one(n);
  for (std::uint32_t k = 0;; ++k) {
    check_interrupt();
    Exponents power(n, 0);
    power[var] = k;
    if (auto relation = echelon.add(NormalForms::vector(f), power)) return integer_poly(*relation, n);
    f = nf.times(f, var);
  }
}

}  // namespace ddx::calc::poly
