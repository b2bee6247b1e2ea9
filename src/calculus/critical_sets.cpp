// SPDX-License-Identifier: GPL-3.0-or-later
// Positive-dimensional polynomial systems (see critical_solve.hpp): where the gradient vanishes
// on curves or surfaces.
//
// The gcd of the equations (a curve in the plane, a surface in
// space) is split off; its irreducible factors with infinitely many real points are reported as
// sets. In the plane that is decided completely: the curve h = 0 has a regular real point iff h(s,
// y) has a real root at a sample s between the roots of lc_y(h) res_y(h, h_y) (the real roots of
// h(x, .) do not change in number between them); otherwise its real points are isolated and
// among the solutions of h = h_x = h_y = 0. In space, a sample is tried, else ddx says it
// cannot decide. Without a common factor (a curve in space), a system whose basis factors is
// split into one for each factor; else random values of as many variables as its dimension are
// tried, and a system described whole has its nonsingular (isolated) points listed beside it.
#include <algorithm>
#include <bit>
#include <optional>

#include "calculus/critical_solve_internal.hpp"
#include "calculus/groebner.hpp"
#include "calculus/poly_factor.hpp"
#include "calculus/real_roots.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"

namespace ddx::calc::solver {
namespace {

using poly::Exponents;
using poly::Poly;
using poly::Term;
using poly::ZPoly;

const char* const cannot_decide =
    "critical: ddx cannot decide where the gradient is zero: it vanishes on a curve or surface whose real points "
    "ddx cannot determine";

// Deterministic pseudo-random rationals for samples: numerators in -20..20, denominators 1..16.
mpq_class sample_value(unsigned k) {
  std::uint32_t h = (k + 1) * 2654435761u;
  h ^= h >> 15;
  mpq_class q(static_cast<long>((h >> 4) % 41) - 20, static_cast<unsigned long>(1 + (h >> 12) % 16));
  q.canonicalize();
  return q;
}

// Rational points strictly between and beyond the real roots of a square-free p.
std::vector<mpq_class> samples_around_roots(const ZPoly& p) {
  if (poly::degree(p) == 0) return {mpq_class(0)};
  std::vector<poly::RootInterval> roots = poly::isolate_real_roots(p);
  if (roots.empty()) return {mpq_class(0)};
  for (std::size_t i = 0; i + 1 < roots.size(); ++i) {
    int bits = 4;
    while (roots[i].hi >= roots[i + 1].lo) {
      bits += 4;
      poly::refine(p, roots[i], bits);
      poly::refine(p, roots[i + 1], bits);
    }
  }
  std::vector<mpq_class> out{roots.front().lo - 1};
  for (std::size_t i = 0; i + 1 < roots.size(); ++i) out.push_back((roots[i].hi + roots[i + 1].lo) / 2);
  out.push_back(roots.back().hi + 1);
  return out;
}

// Whether h (or -h) is a sum of even monomials with positive coefficients (x^2 + y^2): it never
// changes sign, so each real zero of it is a minimum of h (or -h), where its gradient is 0 too.
bool even_of_one_sign(const Poly& h) {
  int const sign = sgn(h.lc());
  return std::all_of(h.terms.begin(), h.terms.end(), [&](const Term& t) {
    return sgn(t.c) == sign && std::all_of(t.e.begin(), t.e.end(), [](std::uint32_t e) { return e % 2 == 0; });
  });
}

// The equations with h's partial derivatives added (those not 0).
std::vector<Poly> with_gradient_of(const Poly& h, std::vector<Poly> equations, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k)
    if (Poly d = poly::derivative(h, k); !d.is_zero()) equations.push_back(std::move(d));
  return equations;
}

// Whether the irreducible h has infinitely many real zeros; when it has not, its finitely many real
// zeros go to `isolated`. In space, MathError when no sample finds one and h is not a sum of even
// monomials of one sign.
bool infinitely_many_real_zeros(const Poly& h, std::size_t n, int bits, std::vector<SolvedPoint>& isolated) {
  std::vector<bool> used = poly::used_variables(h);
  std::size_t count_used = static_cast<std::size_t>(std::count(used.begin(), used.end(), true));
  if (count_used == 1) {  // h(v) = 0: hyperplanes v = root
    std::size_t v = static_cast<std::size_t>(std::find(used.begin(), used.end(), true) - used.begin());
    return poly::count_real_roots(poly::dense(h, v)) > 0;
  }
  if (n == 2) {
    // Project on x = variable 0; y = variable 1. The x where the number of real y can change:
    // roots of lc_y(h) and of the eliminant of <h, h_y> (its resultant's roots).
    Poly hy = poly::derivative(h, 1);
    std::optional<Poly> elim = poly::eliminant({h, hy}, 0);  // none: no common zero
    Poly e = elim ? *elim : poly::constant(2, 1);
    Poly lc = poly::coefficients(h, 1).back();
    Poly critical_x = squarefree_part(poly::primitive(lc * e), 0);
    for (const mpq_class& s : samples_around_roots(poly::dense(critical_x, 0))) {
      check_interrupt();
      ZPoly fibre = squarefree_part(poly::dense(substitute_var(h, 0, s), 0));
      if (poly::count_real_roots(fibre) > 0) return true;
    }
    for (SolvedPoint& p : solve({h, poly::derivative(h, 0), hy}, 2, bits).points) isolated.push_back(std::move(p));
    return false;
  }
  // Space: a regular real point at sampled values of all variables but y (removed from the last
  // down, so y ends as the only variable).
  std::size_t y = 0;
  for (std::size_t k = 0; k < n; ++k)
    if (poly::degree(h, k) > poly::degree(h, y)) y = k;
  for (unsigned attempt = 0; attempt < 24; ++attempt) {
    check_interrupt();
    Poly s = h;
    for (std::size_t k = n; k-- > 0;)
      if (k != y) s = substitute_var(s, k, sample_value(attempt * 5 + static_cast<unsigned>(k)));
    ZPoly d = poly::dense(s, 0);
    if (poly::degree(d) == 0) continue;
    if (poly::degree(squarefree_part(d)) != poly::degree(d)) continue;  // not a generic sample
    if (poly::count_real_roots(d) > 0) return true;
  }
  // h taking both signs has infinitely many real zeros: a finite set does not separate space.
  bool positive = false, negative = false;
  for (unsigned attempt = 0; attempt < 200 && !(positive && negative); ++attempt) {
    static const int scales[] = {0, 1, 10, 100, 1000};  // points at several distances from 0
    Poly v = h;
    for (std::size_t k = n; k-- > 0;) {
      mpq_class x = attempt % 5 == 0 ? mpq_class(0) : sample_value(attempt * 7 + static_cast<unsigned>(k));
      if (attempt % 5 >= 2) x /= scales[attempt % 5];
      v = substitute_var(v, k, x);
    }
    int sg = v.is_zero() ? 0 : sgn(v.lc());  // a constant, times a positive power of denominators
    positive = positive || sg > 0;
    negative = negative || sg < 0;
  }
  if (positive && negative) return true;
  // No real zero found. When h is a sum of even monomials of one sign its real zeros are its
  // gradient's zeros too.
  if (!even_of_one_sign(h)) throw MathError(cannot_decide);
  SolvedSystem zeros = solve(with_gradient_of(h, {h}, n), n, bits);
  for (SolvedPoint& p : zeros.points) isolated.push_back(std::move(p));
  return !zeros.sets.empty();
}

// Whether the point p lies on the set given by `equations`: each is 0 at p's approximation, to
// within 2^(-bits/2) of the size of its terms there (the approximation is within about 2^-bits).
bool lies_on(const SolvedPoint& p, const std::vector<Poly>& equations, int bits) {
  mpq_class const tolerance = half_the_bits(bits);
  for (const Poly& e : equations) {
    mpq_class value = 0, size = 0;
    for (const Term& t : e.terms) {
      mpq_class term(t.c), bound(abs(t.c));
      for (std::size_t k = 0; k < p.size(); ++k)
        for (std::uint32_t power = 0; power < t.e[k]; ++power) {
          term *= p[k].approx;
          bound *= std::max(mpq_class(1), mpq_class(abs(p[k].approx)));
        }
      value += term;
      size += bound;
    }
    if (abs(value) > tolerance * size) return false;
  }
  return true;
}

// Drops each set that lies within another (each of the other's equations is in its ideal: the
// circle x^2 + y^2 = 1, z = 0, w = 0 of the sphere x^2 + y^2 + z^2 = 1, w = 0 came from a
// branch of its own), of two sets within each other the second, and each point on a set: the
// parts of a system solved in parts.
void drop_repeated_parts(SolvedSystem& solved, int bits) {
  std::vector<std::vector<Poly>>& sets = solved.sets;
  std::vector<std::vector<Poly>> bases;
  for (const std::vector<Poly>& set : sets) bases.push_back(poly::groebner(set));
  auto within = [&](std::size_t a, std::size_t b) {  // the zeros of set a among set b's
    return std::all_of(sets[b].begin(), sets[b].end(), [&](const Poly& e) { return poly::normal_form(e, bases[a]).is_zero(); });
  };
  std::vector<bool> dropped(sets.size(), false);
  for (std::size_t a = 0; a < sets.size(); ++a)
    for (std::size_t b = 0; b < sets.size() && !dropped[a]; ++b)
      if (b != a && !dropped[b] && within(a, b) && (b < a || !within(b, a))) dropped[a] = true;
  std::size_t i = 0;
  std::erase_if(sets, [&](const std::vector<Poly>&) { return dropped[i++]; });
  std::erase_if(solved.points, [&](const SolvedPoint& point) {
    return std::any_of(sets.begin(), sets.end(), [&](const std::vector<Poly>& set) { return lies_on(point, set, bits); });
  });
}

// A largest set of variables (true) that no leading monomial of the basis g lies in: as many as
// the dimension of its zeros, which are finite once those variables are given values. Of sets
// alike in size, the one of the latest variables (the lexicographic order's last).
std::vector<bool> largest_independent_set(const std::vector<Poly>& g, std::size_t n) {
  auto independent = [&](std::uint32_t set) {
    return std::none_of(g.begin(), g.end(), [&](const Poly& p) {
      const Exponents& lm = p.terms.front().e;
      for (std::size_t k = 0; k < n; ++k)
        if (lm[k] && !(set >> k & 1)) return false;
      return true;
    });
  };
  std::uint32_t best = 0;
  for (std::uint32_t set = 1; set < (std::uint32_t{1} << n); ++set)
    if (independent(set) && (std::popcount(set) > std::popcount(best) || (std::popcount(set) == std::popcount(best) && set > best)))
      best = set;
  std::vector<bool> chosen(n);
  for (std::size_t k = 0; k < n; ++k) chosen[k] = best >> k & 1;
  return chosen;
}

// The determinant of a square matrix of polynomials, by its first row's cofactors.
Poly determinant(const std::vector<std::vector<Poly>>& m, std::size_t nvars) {
  if (m.size() == 1) return m[0][0];
  Poly det(nvars);
  for (std::size_t c = 0; c < m.size(); ++c) {
    if (m[0][c].is_zero()) continue;
    std::vector<std::vector<Poly>> minor;
    for (std::size_t r = 1; r < m.size(); ++r) {
      minor.emplace_back();
      for (std::size_t k = 0; k < m.size(); ++k)
        if (k != c) minor.back().push_back(m[r][k]);
    }
    Poly const term = m[0][c] * determinant(minor, nvars);
    det = c % 2 == 0 ? std::move(det) + term : std::move(det) - term;
  }
  return det;
}

// p in one more variable, the last, which it does not hold.
Poly widened(const Poly& p) {
  std::vector<Term> terms = p.terms;
  for (Term& t : terms) t.e.push_back(0);
  return poly::from_terms(p.nvars + 1, std::move(terms));
}

// The solutions of n equations in n variables where their Jacobian is invertible: isolated ones
// (the inverse function theorem), the solutions of the equations with t det(J) = 1 in one more
// variable t. nullopt where that system takes more than a fortieth of the work allowed.
std::optional<std::vector<SolvedPoint>> nonsingular_points(const std::vector<Poly>& eqs, std::size_t n, int bits) {
  std::vector<std::vector<Poly>> jacobian;
  for (const Poly& e : eqs) {
    jacobian.emplace_back();
    for (std::size_t k = 0; k < n; ++k) jacobian.back().push_back(poly::derivative(e, k));
  }
  std::vector<Poly> system;
  for (const Poly& e : eqs) system.push_back(widened(e));
  system.push_back(poly::variable(n + 1, n) * widened(determinant(jacobian, n)) - poly::constant(n + 1, 1));
  try {
    poly::WorkLimit work(max_critical_work / 40, "critical");
    std::vector<SolvedPoint> points = solve(system, n + 1, bits).points;
    for (SolvedPoint& p : points) p.pop_back();  // (t)
    return points;
  } catch (const MathError&) {
    return std::nullopt;
  } catch (const LimitError&) {
    return std::nullopt;
  }
}

// How many branches of split_by_factors are being solved, one inside another (0: the system itself).
thread_local int branches_open = 0;

// A curve in space that is the union of several: where an element of the basis g factors, the
// zeros are those of g with each irreducible factor added, each solved on its own (each such
// ideal is larger than g's, as no factor of an element of a reduced basis is in its ideal, so
// the splitting ends). What one branch repeats of another is dropped (drop_repeated_parts). nullopt where
// no element factors, or where a branch cannot be decided (then the system is described whole,
// as before). (x^2 + y^2 - 1)^2 + z^2's gradient vanishes on the circle x^2 + y^2 = 1, z = 0
// and at its centre, a saddle: described whole, as its three equations, the centre was hidden.
std::optional<SolvedSystem> split_by_factors(const std::vector<Poly>& g, std::size_t n, int bits) {
  for (const Poly& q : g) {
    poly::Factored const factored = poly::factor(q);
    if (factored.factors.size() == 1 && factored.factors.front().second == 1) continue;
    SolvedSystem all;
    try {
      // (at most a quarter of the work allowed: what is left is the whole system's, described
      // whole as before, where the parts take more)
      poly::WorkLimit work(max_critical_work / 4, "critical");
      for (const auto& [p, m] : factored.factors) {
        std::vector<Poly> branch = g;
        branch.push_back(p);
        struct Open {
          Open() { ++branches_open; }
          ~Open() { --branches_open; }
        } open;
        SolvedSystem part = solve(branch, n, bits);
        for (SolvedPoint& point : part.points) all.points.push_back(std::move(point));
        for (auto& set : part.sets)
          if (std::find(all.sets.begin(), all.sets.end(), set) == all.sets.end()) all.sets.push_back(std::move(set));
      }
    } catch (const MathError&) {
      return std::nullopt;
    } catch (const LimitError&) {
      return std::nullopt;
    }
    drop_repeated_parts(all, bits);
    return all;
  }
  return std::nullopt;
}

}  // namespace

SolvedSystem positive_dimensional(const std::vector<Poly>& g, const std::vector<Poly>& eqs, std::size_t n, int bits) {
  SolvedSystem out;
  Poly c(n);
  for (const Poly& e : eqs)
    if (!e.is_zero()) c = poly::gcd(c, e);
  if (!c.is_constant()) {
    for (const auto& [h, m] : poly::factor(c).factors)
      if (infinitely_many_real_zeros(h, n, bits, out.points)) out.sets.push_back({h});
    std::vector<Poly> cofactors;
    for (const Poly& e : eqs)
      if (!e.is_zero()) cofactors.push_back(*poly::divide(e, c));
    SolvedSystem rest = solve(cofactors, n, bits);
    for (SolvedPoint& p : rest.points) out.points.push_back(std::move(p));
    for (auto& s : rest.sets) out.sets.push_back(std::move(s));
    // ((x - y)^2 (y - z)^2 (z - x)^2: the line x = y = z of the rest lies on the planes)
    drop_repeated_parts(out, bits);
    return out;
  }
  if (std::optional<SolvedSystem> split = split_by_factors(g, n, bits)) return std::move(*split);
  // A curve in space without a common factor, no element of whose basis factors: real solutions
  // at sampled values of the free variables, a largest set of them no leading monomial lies in
  // (what is left is then finite at each sample). Those with no pure power among the leading
  // monomials are not enough: x y - 1 = y z - 1 = 0 has the basis x - z, y z - 1, a curve, and at
  // sampled y and z no point at all (it was refused).
  std::vector<bool> const free = largest_independent_set(g, n);
  std::vector<bool> bound(n);
  for (std::size_t k = 0; k < n; ++k) bound[k] = !free[k];
  // A system described whole, unsplit, may hold isolated points among its curves that the
  // description hides ((x + y + 1)^2 + ((y^2 - x)(y z - 1))^2 has a saddle at (-1/2, 0, 2) beside
  // its curve of minima: a regression hunt's finding). Of n equations (a gradient), those where
  // the Jacobian is invertible are listed beside it; where they cannot be worked out, such a
  // system is described as before only where the variables without a pure power among the
  // leading monomials are its dimension's (as they were sampled before), otherwise refused as
  // before. (A branch of a split is one factor's.)
  auto described_whole = [&] {
    out.sets.push_back(g);
    if (branches_open > 0) return out;
    std::optional<std::vector<SolvedPoint>> isolated;
    // (only with half the work allowed still left: what follows needs its share)
    if (eqs.size() == n && n <= 4 && poly::work_left() > max_critical_work / 2) isolated = nonsingular_points(eqs, n, bits);
    if (isolated) {
      out.points = std::move(*isolated);
      return out;
    }
    for (std::size_t k = 0; k < n; ++k) {
      bool const pure_power = std::any_of(g.begin(), g.end(), [&](const Poly& p) {
        const Exponents& lm = p.terms.front().e;
        return lm[k] && std::count_if(lm.begin(), lm.end(), [](std::uint32_t e) { return e != 0; }) == 1;
      });
      if (!pure_power && !free[k]) throw MathError(cannot_decide);
    }
    return out;
  };
  // Real points at sampled values of the free variables, and again at values 1/997 beside them:
  // a real curve goes on beside a sample, an isolated real point does not (x + y + z = 0 with
  // y^2 + y z + z^2 = 0, whose only real point is 0, was called a set for the sample z = 0).
  auto real_points_at = [&](unsigned attempt, const mpq_class& shift) {
    std::vector<Poly> s = g;
    std::size_t left = n;
    for (std::size_t k = n; k-- > 0;) {
      if (bound[k]) continue;
      for (Poly& p : s) p = substitute_var(p, k, sample_value(attempt * 3 + static_cast<unsigned>(k)) + shift);
      --left;
    }
    SolvedSystem sub = solve(s, left, bits);
    return !sub.points.empty() || !sub.sets.empty();
  };
  for (unsigned attempt = 0; attempt < 12; ++attempt)
    if (real_points_at(attempt, 0) && real_points_at(attempt, mpq_class(1, 997))) return described_whole();
  // No real curve found. Where an element of the basis is a sum of even monomials of one sign, its
  // gradient vanishes at every real zero, and the system with it added has the same real points
  // and fewer complex ones: x^2 + y^2 = z = 0, from (x^2 + y^2)^2 + z^2, is its one real point
  // (0, 0, 0), where it was refused. (Only where the gradient is no part of the ideal already.)
  for (const Poly& h : g)
    if (even_of_one_sign(h)) {
      std::vector<Poly> more = with_gradient_of(h, g, n);
      if (std::any_of(more.begin() + static_cast<std::ptrdiff_t>(g.size()), more.end(),
                      [&](const Poly& d) { return !poly::normal_form(d, g).is_zero(); }))
        return solve(more, n, bits);
    }
  throw MathError(cannot_decide);
}

}  // namespace ddx::calc::solver
