// SPDX-License-Identifier: GPL-3.0-or-later
// The simplifier's rule table and a small backtracking matcher for canonical expressions.
// Matching is continuation-passing: every alternative (which subject term a pattern term takes,
// which factor a pattern factor takes) is tried until the continuation accepts, so wildcards that
// appear twice (sin(_a)^2 + cos(_a)^2) are consistent across terms.
#include "calculus/rules.hpp"

#include "calculus/eval.hpp"
#include "core/functions.hpp"
#include "core/node.hpp"

namespace ddx::calc {
namespace {

using Continue = std::function<bool(Bindings&)>;

// Matches patterns[i..] against distinct unused subjects, in any order.
bool match_unordered(const std::vector<Expr>& patterns, const std::vector<Expr>& subjects, std::size_t i,
                     std::vector<bool>& used, Bindings& b, const Continue& k) {
  if (i == patterns.size()) return k(b);
  for (std::size_t j = 0; j < subjects.size(); ++j) {
    if (used[j]) continue;
    used[j] = true;
    Bindings trial = b;
    bool done = match(patterns[i], subjects[j], trial,
                      [&](Bindings& nb) { return match_unordered(patterns, subjects, i + 1, used, nb, k); });
    used[j] = false;
    if (done) return true;
  }
  return false;
}

bool match_list(std::span<const Expr> p, std::span<const Expr> s, std::size_t i, Bindings& b, const Continue& k) {
  if (i == p.size()) return k(b);
  return match(p[i], s[i], b, [&](Bindings& nb) { return match_list(p, s, i + 1, nb, k); });
}

std::vector<Expr> factors_of(Expr m) {
  std::vector<Expr> f;
  for (std::size_t i = 0; i < m.bases().size(); ++i) f.push_back(pow(m.bases()[i], m.exponents()[i]));
  return f;
}

Expr instantiate(Expr replacement, const Bindings& b) {
  std::unordered_map<Expr, Expr> s(b.begin(), b.end());
  return substitute(replacement, s);
}

// A subject term c*t is matched whole (split 0) or by one factor of its product (split m >= 1),
// the rest being the common factor k. The part is cheap (an existing factor); the cofactor is a
// new product, so it is built only once the part has matched.
std::size_t split_count(Expr t) { return t.is(Kind::Mul) ? t.bases().size() + 1 : 1; }

Expr split_part(Expr t, std::size_t m) {
  return m == 0 ? t : pow(t.bases()[m - 1], t.exponents()[m - 1]);
}

Expr split_cofactor(Expr t, const Number& c, std::size_t m) {
  if (m == 0) return num(c);
  std::vector<Expr> others{num(c * t.number())};
  for (std::size_t n = 0; n < t.bases().size(); ++n)
    if (n != m - 1) others.push_back(pow(t.bases()[n], t.exponents()[n]));
  return mul(std::move(others));
}

// Pattern sum terms [i..] against unused subject terms with one common factor k.
bool match_terms(Expr p, Expr s, std::size_t i, std::vector<bool>& used, std::optional<Expr>& k, Bindings& b,
                 const std::function<bool(Bindings&, Expr)>& done) {
  if (i == p.terms().size()) return done(b, *k);
  for (std::size_t j = 0; j < s.terms().size(); ++j) {
    if (used[j]) continue;
    Expr t = s.terms()[j];
    for (std::size_t m = 0; m < split_count(t); ++m) {
      used[j] = true;
      Bindings trial = b;
      bool ok = match(p.terms()[i], split_part(t, m), trial, [&](Bindings& nb) {
        Expr ratio = split_cofactor(t, s.coefficients()[j], m) / num(p.coefficients()[i]);
        if (k && ratio != *k) return false;
        std::optional<Expr> saved = k;
        k = ratio;
        bool matched = match_terms(p, s, i + 1, used, k, nb, done);
        k = saved;
        return matched;
      });
      used[j] = false;
      if (ok) return true;
    }
  }
  return false;
}

Expr wild(const char* name) { return sym(name); }

}  // namespace

bool is_wildcard(Expr e) { return e.is(Kind::Symbol) && !e.name().empty() && e.name()[0] == '_'; }

std::optional<Expr> lookup(const Bindings& b, Expr w) {
  for (auto& [k, v] : b)
    if (k == w) return v;
  return std::nullopt;
}

bool match(Expr p, Expr s, Bindings& b, const Continue& k) {
  if (is_wildcard(p)) {
    if (auto v = lookup(b, p)) return *v == s && k(b);
    b.emplace_back(p, s);
    return k(b);
  }
  if (p == s) return k(b);
  if (p.kind() != s.kind()) return false;
  switch (p.kind()) {
    case Kind::Call:
    case Kind::Derivative:
      if (p.function() != s.function() || p.args().size() != s.args().size()) return false;
      if (!std::equal(p.indices().begin(), p.indices().end(), s.indices().begin(), s.indices().end())) return false;
      return match_list(p.args(), s.args(), 0, b, k);
    case Kind::Pow: {
      Expr ps[] = {p.base(), p.exponent()}, ss[] = {s.base(), s.exponent()};
      return match_list(ps, ss, 0, b, k);
    }
    case Kind::Mul: {
      if (!(p.number() == s.number()) || p.bases().size() != s.bases().size()) return false;
      std::vector<bool> used(s.bases().size(), false);
      return match_unordered(factors_of(p), factors_of(s), 0, used, b, k);
    }
    case Kind::Add: {
      if (!s.number().is_zero() || !p.number().is_zero() || p.terms().size() != s.terms().size()) return false;
      auto m = match_sum(p, s);
      return m && m->k.is_one() && m->rest.is_zero() && (b.insert(b.end(), m->bindings.begin(), m->bindings.end()), k(b));
    }
    default: return false;  // distinct numbers, constants or symbols
  }
}

std::optional<SumMatch> match_sum(Expr p, Expr s, const std::function<bool(const Bindings&)>& accept) {
  if (!p.is(Kind::Add) || !s.is(Kind::Add) || p.terms().size() > s.terms().size()) return std::nullopt;
  std::vector<bool> used(s.terms().size(), false);
  std::optional<Expr> k;
  Bindings b;
  std::optional<SumMatch> result;
  match_terms(p, s, 0, used, k, b, [&](Bindings& nb, Expr ratio) {
    if (accept && !accept(nb)) return false;
    std::vector<Expr> rest{num(s.number()), -(ratio * num(p.number()))};
    for (std::size_t j = 0; j < s.terms().size(); ++j)
      if (!used[j]) rest.push_back(num(s.coefficients()[j]) * s.terms()[j]);
    result = SumMatch{nb, ratio, add(std::move(rest))};
    return true;
  });
  return result;
}

std::optional<Expr> apply_rule(const Rule& rule, Expr e) {
  if (rule.pattern.is(Kind::Add)) {
    auto m = match_sum(rule.pattern, e, rule.guard);
    if (!m) return std::nullopt;
    return m->rest + m->k * instantiate(rule.replacement, m->bindings);
  }
  std::optional<Expr> out;
  Bindings b;
  match(rule.pattern, e, b, [&](Bindings& nb) {
    if (rule.guard && !rule.guard(nb)) return false;
    out = instantiate(rule.replacement, nb);
    return true;
  });
  return out;
}

const std::vector<Rule>& simplify_rules() {
  static const std::vector<Rule> rules = [] {
    KeepForever permanent;
    Expr a = wild("_a"), u = wild("_u");
    Expr cosh_a = call("cosh", {a}), sinh_a = call("sinh", {a});
    return std::vector<Rule>{
        {"Pythagorean identity", pow(sin(a), 2) + pow(cos(a), 2), Expr(1), nullptr},
        {"hyperbolic identity", pow(cosh_a, 2) - pow(sinh_a, 2), Expr(1), nullptr},
        // Valid for real u, the only domain ddx works in.
        {"logarithm of exponential", log(pow(e_const(), u)), u, nullptr},
        {"square root of a square", sqrt(pow(u, 2)), abs(u), nullptr},
    };
  }();
  return rules;
}

}  // namespace ddx::calc
