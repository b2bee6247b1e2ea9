// SPDX-License-Identifier: GPL-3.0-or-later
// The simplifier driver: bottom-up rule rewriting to a fixpoint, then the same on the expanded
// form and on the fraction in lowest terms, keeping the smallest result. Rules themselves are
// data in rules.cpp.
#include "calculus/simplify.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "calculus/expand.hpp"
#include "calculus/polynomial.hpp"
#include "calculus/prime_logs.hpp"
#include "calculus/rules.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "core/node.hpp"

namespace ddx::calc {
namespace {


class Rewriter {
 public:
  explicit Rewriter(std::vector<std::string>* fired) : fired_(fired) {}

  // Rewrites to a fixpoint: passes repeat while any rule fires, up to the step cap.
  Expr run(Expr e) {
    for (;;) {
      changed_ = false;
      done_.clear();
      e = pass(e);
      if (!changed_ || steps_ >= max_simplify_steps) return e;
    }
  }

 private:
  // One bottom-up pass: children first, then rules at this node until none applies.
  Expr pass(Expr e) {
    check_interrupt();
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    Expr r = rebuild(e);
    for (bool again = true; again && steps_ < max_simplify_steps;) {
      again = false;
      for (const Rule& rule : simplify_rules()) {
        auto out = apply_rule(rule, r);
        if (!out || *out == r) continue;
        if (fired_) fired_->push_back(rule.name);
        ++steps_;
        changed_ = again = true;
        // The replacement may expose new work below it (sqrt(sin^2 + cos^2 ...)); the next pass sees it.
        r = *out;
        break;
      }
    }
    done_.emplace(e.node(), r);
    return r;
  }

  // Children rewritten. Products are walked by factor (b^x as one unit) so that patterns like
  // sqrt(_u^2) see the power, not its base and exponent apart.
  Expr rebuild(Expr e) {
    switch (e.kind()) {
      case Kind::Mul: {
        std::vector<Expr> f{num(e.number())};
        for (std::size_t i = 0; i < e.bases().size(); ++i) f.push_back(pass(pow(e.bases()[i], e.exponents()[i])));
        return mul(std::move(f));
      }
      case Kind::Add: {
        std::vector<Expr> t{num(e.number())};
        for (std::size_t i = 0; i < e.terms().size(); ++i) t.push_back(num(e.coefficients()[i]) * pass(e.terms()[i]));
        return add(std::move(t));
      }
      default: return map_children(e, [this](Expr c) { return pass(c); });
    }
  }

  std::vector<std::string>* fired_;
  std::unordered_map<const void*, Expr> done_;
  int steps_ = 0;
  bool changed_ = false;
};

// True when e, read as a fraction (not inside function arguments), has a denominator: a negative
// exponent somewhere in its sums, products and powers. Only then can cancel() find anything the
// expanded form does not already show.
bool has_denominator(Expr e, std::unordered_set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return false;
  auto negative = [](Expr x) { return has_negative_sign(x); };
  switch (e.kind()) {
    case Kind::Add:
      return std::any_of(e.terms().begin(), e.terms().end(), [&](Expr t) { return has_denominator(t, seen); });
    case Kind::Mul:
      for (std::size_t i = 0; i < e.bases().size(); ++i)
        if (negative(e.exponents()[i]) || has_denominator(e.bases()[i], seen)) return true;
      return false;
    case Kind::Pow: return negative(e.exponent()) || has_denominator(e.base(), seen);
    default: return false;
  }
}

}  // namespace

std::size_t expr_size(Expr e) { return e.node()->tree_size; }  // kept by intern (core/node.hpp)

Expr simplify(Expr e, std::vector<std::string>* fired) {
  std::vector<std::string> direct_fired, other_fired;
  Expr direct = Rewriter(&direct_fired).run(e);
  Expr best = direct;
  std::size_t best_size = expr_size(direct);
  const char* how = nullptr;  // the step that produced `best`, when not the rules alone
  auto consider = [&](Expr candidate, std::vector<std::string>& candidate_fired, const char* step, double allowance = 1.0) {
    std::size_t size = expr_size(candidate);
    if (allowance == 1.0 ? size >= best_size : static_cast<double>(size) > allowance * static_cast<double>(best_size)) return;
    best = candidate, best_size = size, how = step;
    other_fired = std::move(candidate_fired);
  };
  try {
    std::vector<std::string> expanded_fired;
    consider(Rewriter(&expanded_fired).run(expand(direct)), expanded_fired, "expand");
  } catch (const LimitError&) {
    // Too large to expand: the rewritten form stands.
  }
  // Logarithms of numbers by their primes: log(6) - log(2) - log(3) is 0, log(12) - log(3) 2 log(2).
  if (Expr by_primes = logs_by_primes(direct); by_primes != direct) {
    try {
      std::vector<std::string> primes_fired;
      consider(Rewriter(&primes_fired).run(expand(by_primes)), primes_fired, "logarithms by prime factors");
    } catch (const LimitError&) {
      // Too large to expand: the other candidates stand.
    }
  }
  std::unordered_set<const void*> seen;
  if (has_denominator(direct, seen)) {
    try {
      // One fraction in lowest terms: (x^2 - 1)/(x - 1) -> x + 1. The rules may then expose
      // more to cancel (sin^2 + cos^2 = 1 in a numerator): a few more rounds while they do.
      std::vector<std::string> cancel_fired;
      Expr current = direct;
      for (int round = 0; round < 3; ++round) {
        auto cancelled = cancel(current);
        if (!cancelled) break;
        Expr next = Rewriter(&cancel_fired).run(*cancelled);
        if (next == current) break;
        current = next;
        if (next == *cancelled) break;  // the rules changed nothing, so cancel would not either
      }
      // A fraction whose numerator and denominator had a common factor is taken in lowest terms up
      // to four times as long, as language.md promises ((x^3 + 1)/(x^2 - 1) is (x^2 - x + 1)/(x - 1),
      // a term longer; (x^8 - 1)/(x - 1) a product of three; but (x^100 - 1)/(x - 1) stays, not a
      // hundred terms for two); another that cancels to no fraction at all (1/x + 1/y does not) is
      // taken a little longer, within SymPy's ratio of 1.7.
      std::unordered_set<const void*> seen_again;
      double allowance = has_common_factor(direct)            ? 4.0
                         : !has_denominator(current, seen_again) ? 1.7
                                                                 : 1.0;
      if (current != direct) consider(current, cancel_fired, "cancel common factors", allowance);
      // The same fraction with numerator and denominator factored: 1/(x + 1)^2, not
      // 1/(x^2 + 2x + 1). Under cancel's (smaller) work limit, as simplify must stay quick.
      if (auto f = factor(current, max_cancel_work)) {
        std::vector<std::string> none;
        consider(f->expr(), none, "factor");
      }
    } catch (const LimitError&) {
      // Too large for polynomial arithmetic: skip these candidates.
    }
  }
  if (fired) {
    fired->insert(fired->end(), direct_fired.begin(), direct_fired.end());
    if (how) {
      fired->push_back(how);
      fired->insert(fired->end(), other_fired.begin(), other_fired.end());
    }
  }
  return best;
}

Expr simplified_if_smaller(Expr e, std::size_t max_size) {
  if (e.is_number() || expr_size(e) > max_size) return e;
  Expr s = simplify(e);
  return expr_size(s) < expr_size(e) ? s : e;
}

}  // namespace ddx::calc
