// SPDX-License-Identifier: GPL-3.0-or-later
// The differentiator. Structural rules live here; function rules come from the function table's
// partials through one chain-sum, so a new function needs no code here. Memoised per (node, var):
// nodes are interned for the process lifetime, so their addresses are stable keys.
#include "calculus/diff.hpp"

#include <cassert>
#include <stdexcept>
#include <string>

#include <boost/container/small_vector.hpp>

#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/interrupt.hpp"
#include "core/functions.hpp"
#include "core/node.hpp"
#include "core/node_pair_memo.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"
#include "core/stats.hpp"

namespace ddx::calc {
namespace {

NodePairMemo& memo() {
  // Leaked like the intern table. Keyed by node address: cleared whenever nodes are reclaimed.
  static auto* m = new NodePairMemo();
  return *m;
}
// Past this many entries the memo starts afresh, so a long session cannot grow it without bound.
constexpr std::size_t memo_limit = 4'000'000;
// Between lines a memo of more entries than this (about 60 KB) is dropped: a few repeated small
// derivatives stay cheap, but it no longer holds every large derivative the session ever took.
constexpr std::size_t memo_kept_between_lines = 1024;
// From this many factors on, each term of the product rule places the derivative's factors among
// the product's other factors, sorted already (mul_into_run), instead of sorting them all anew.
constexpr std::size_t long_product = 8;

class Differentiator {
 public:
  Differentiator(Expr var, DiffTrace* trace) : var_(var), memo_key_(var), var_bit_(symbol_bit(var.name())), trace_(trace) {}
  // A sum's member x_n as a variable of its own, not an entry of the family x: sums over x_m
  // inside do not collapse to a term m = n (their dependence on that entry is counted apart).
  static Differentiator slot(Expr member) {
    Differentiator d(member, nullptr);
    d.entry_ = false;
    d.memo_key_ = sym("slot#" + member.name());  // (no name a user can type)
    return d;
  }

  Expr d(Expr e) {
    check_interrupt();  // every node visited: Ctrl-C and --timeout stop huge derivatives
    // No occurrence of the variable: 0 without walking or memoising (all n partials of a big
    // sum visit each term n times otherwise). `steps` still walks, to name the constant rule.
    if (!trace_ && !(e.node()->symbols & var_bit_)) return Expr(0);
    if (!trace_) {
      if (const Expr* known = memo().find(e, var_)) return *known;
    }
    if (trace_) trace_->enter(e);
    Expr r = compute(e);
    if (!trace_) {
      if (memo().size() >= memo_limit) memo().clear();
      memo().insert(e, var_, r);
    }
    return r;
  }

 private:
  Expr report(std::string_view rule, Expr in, Expr out) {
    if (trace_) trace_->rule(rule, in, out);
    return out;
  }
  // "power rule" alone when the inner expression is the variable itself, else "..., chain rule".
  std::string with_chain(std::string_view rule, Expr inner) const {
    std::string s(rule);
    if (inner != var_) s += ", chain rule";
    return s;
  }

  Expr compute(Expr e) {
    switch (e.kind()) {
      case Kind::Number:
      case Kind::Constant: return report("constant", e, Expr(0));
      case Kind::Symbol: return e == var_ ? report("variable", e, Expr(1)) : report("constant", e, Expr(0));
      case Kind::Add: return sum(e);
      case Kind::Mul: return product(e);
      case Kind::Pow: return power(e.base(), e.exponent(), e);
      case Kind::Call:
      case Kind::Derivative: return function(e);
    }
    return Expr(0);
  }

  // v^k for the variable v and an exact number k (not 1: that is v itself, never a power).
  bool is_power_of_var(Expr t) const {
    return t.is(Kind::Pow) && t.base() == var_ && t.exponent().is_number() && t.exponent().number().is_exact();
  }

  Expr sum(Expr e) {
    boost::container::small_vector<Expr, 8> parts;
    parts.reserve(e.terms().size());
    // Terms of the derivative given to add() with their coefficients, no product made: c t as a
    // node would be garbage once summed (the last collection's survivors are the answer).
    boost::container::small_vector<ScaledTerm, 8> scaled_parts;
    for (std::size_t i = 0; i < e.terms().size(); ++i) {
      const Number& c = e.coefficients()[i];
      Expr t = e.terms()[i];
      if (!trace_) {
        if (!(t.node()->symbols & var_bit_)) continue;  // d(t) is 0 (the filter d() asks first)
        if (is_power_of_var(t) && c.is_exact()) {
          // c v^k -> (c k) v^(k-1): a polynomial's every term.
          check_interrupt();
          Number lowered = t.exponent().number() - Number(1);
          Expr term = lowered.is_one() ? var_ : pow(var_, num(lowered));
          scaled_parts.push_back({term, c * t.exponent().number(), parts.size()});
          continue;
        }
      }
      Expr dt = d(t);
      if (dt.is_zero()) continue;
      if (c.is_one()) {
        parts.push_back(dt);  // (1·dt is dt: no product to build)
      } else if (is_exact_sum_of_terms(dt) && c.is_exact()) {
        // c (k + a1 t1 + ...): a product rule's sum, which num(c) * dt would distribute into a
        // new sum of new products c a_j t_j, only for add() to take them apart again.
        if (!dt.number().is_zero()) parts.push_back(num(c * dt.number()));
        for (std::size_t j = 0; j < dt.terms().size(); ++j)
          scaled_parts.push_back({dt.terms()[j], c * dt.coefficients()[j], parts.size()});
      } else {
        parts.push_back(num(c) * dt);
      }
    }
    return report("sum rule", e,
                  add(std::span<const Expr>(parts.data(), parts.size()),
                      std::span<const ScaledTerm>(scaled_parts.data(), scaled_parts.size())));
  }

  // A sum whose constant and coefficients are exact and whose terms are no sums: its terms can be
  // scaled terms of add() (ScaledTerm) once multiplied by an exact coefficient.
  static bool is_exact_sum_of_terms(Expr s) {
    if (!s.is(Kind::Add) || !s.number().is_exact()) return false;
    for (std::size_t j = 0; j < s.terms().size(); ++j)
      if (!s.coefficients()[j].is_exact() || s.terms()[j].is(Kind::Add)) return false;
    return true;
  }

  // n factors: sum over i of f_i' times the other factors. Factors are b_i^x_i; the product of the
  // others is built by mul, which merges f_i' with the rest (so x^3' x^-1 becomes 3x).
  Expr product(Expr e) {
    auto n = e.bases().size();
    // (In place for the few factors of nearly every product: no allocation per product.)
    boost::container::small_vector<Expr, 8> factors(n), derivs(n);
    std::size_t nonconstant = 0;
    bool has_denominator = false;
    for (std::size_t i = 0; i < n; ++i) {
      factors[i] = e.exponents()[i].is_one() ? e.bases()[i] : pow(e.bases()[i], e.exponents()[i]);
      derivs[i] = d(factors[i]);
      if (!derivs[i].is_zero()) {
        ++nonconstant;
        if (below_the_bar(e.exponents()[i])) has_denominator = true;
      }
    }
    boost::container::small_vector<Expr, 8> terms, t, other_bases, other_exponents;
    // Terms with an exact coefficient go to add() as the product and the coefficient apart: the
    // product with its coefficient would be garbage as soon as add() took it apart.
    boost::container::small_vector<ScaledTerm, 8> scaled_terms;
    auto add_term = [&](Expr term, const Number& c) {
      if (c.is_one()) terms.push_back(term);
      else scaled_terms.push_back({term, c, terms.size()});
    };
    Expr const coefficient = num(e.number());
    for (std::size_t i = 0; i < n; ++i) {
      if (derivs[i].is_zero()) continue;
      Number c(1);
      if (n < long_product) {
        t.assign({coefficient, derivs[i]});
        for (std::size_t j = 0; j < n; ++j)
          if (j != i) t.push_back(factors[j]);
        Expr term = mul(std::span<const Expr>(t.data(), t.size()), &c);
        add_term(term, c);
        continue;
      }
      // The other factors are e's own, sorted: the derivative's factors are placed among them
      // rather than all n sorted again for each of the n terms.
      auto bases = e.bases(), exponents = e.exponents();
      other_bases.assign(bases.begin(), bases.begin() + static_cast<std::ptrdiff_t>(i));
      other_bases.insert(other_bases.end(), bases.begin() + static_cast<std::ptrdiff_t>(i) + 1, bases.end());
      other_exponents.assign(exponents.begin(), exponents.begin() + static_cast<std::ptrdiff_t>(i));
      other_exponents.insert(other_exponents.end(), exponents.begin() + static_cast<std::ptrdiff_t>(i) + 1, exponents.end());
      Expr const operands[] = {coefficient, derivs[i]};
      Expr term = mul_into_run(operands, std::span<const Expr>(other_bases.data(), other_bases.size()),
                               std::span<const Expr>(other_exponents.data(), other_exponents.size()), SIZE_MAX, &c);
      add_term(term, c);
    }
    Expr r = add(std::span<const Expr>(terms.data(), terms.size()),
                 std::span<const ScaledTerm>(scaled_terms.data(), scaled_terms.size()));
    if (nonconstant == 0) return report("constant", e, r);
    if (nonconstant == 1) return report("constant multiple", e, r);
    bool has_numerator = false;
    for (std::size_t i = 0; i < n; ++i)
      if (!derivs[i].is_zero() && !below_the_bar(e.exponents()[i])) has_numerator = true;
    return report(has_denominator && has_numerator ? "quotient rule" : "product rule", e, r);
  }

  // x b^(x-1) b': the power rule for an exponent x free of the variable. b^(x-1) goes into the
  // product as its factor, without making the power node first, where pow() would leave it as
  // written; for a number x, x - 1 is plain arithmetic.
  Expr power_rule(Expr b, Expr x, Expr db) {
    Expr lowered = x.is_number() ? num(x.number() - Number(1)) : x - 1;
    if (power_stays_as_written(b)) {
      Expr const operands[] = {x, db}, base[] = {b}, exponent[] = {lowered};
      return mul_into_run(operands, base, exponent);
    }
    return mul({x, pow(b, lowered), db});
  }

  Expr power(Expr b, Expr x, Expr e) {
    Expr db = d(b), dx = d(x);
    if (dx.is_zero()) {
      if (db.is_zero()) return report("constant", e, Expr(0));
      return report(with_chain("power rule", b), e, power_rule(b, x, db));
    }
    if (db.is_zero()) {
      // 0^x is 0 wherever it has a value (x > 0), its derivative too: log(0) would refuse it, and
      // d/dx 0^x at x = 1 was said not to exist.
      if (b.is_zero()) return report(with_chain("exponential", x), e, Expr(0));
      // b^x log(b) x'; log(e) folds to 1.
      return report(with_chain("exponential", x), e, mul({e, log(b), dx}));
    }
    // u^v (v' log u + v u'/u)
    return report("general power", e, e * (dx * log(b) + x * db / b));
  }

  // d/dv sum(body, n, A, B): under the sum for a v the body has as such (a, b, x_k written out),
  // plus, for a member x_k of a family the body has as x_n, the term n = k of ∂body/∂x_n
  // (Kronecker's delta: ∂x_n/∂x_k is 1 for n = k and 0 otherwise).
  Expr sum_rule(Expr e) {
    auto a = e.args();
    Expr body = a[0], index = a[1], lower = a[2], upper = a[3];
    if (!d(lower).is_zero() || !d(upper).is_zero())
      throw Unanswerable("cannot differentiate a sum by a variable of its bounds (" + var_.name() + ")");  // (it is no "does not exist")
    Expr result = make_sum(d(body), index, lower, upper);  // check_sum_variable refused a bound var_
    if (auto k = entry_subscript(var_.name()); k && entry_) {
      Expr member = *member_with_index(var_, index);
      bool outside = index_outside(*k, lower, upper);  // (x_0 of a sum from n = 1 to N, whatever N is)
      // The term n = k by its member x_n alone: what body holds of x_k otherwise (written, or in a
      // sum over x_m inside) d(body) has counted (sum(x_n + sum(x_m, m = 1 .. 2), n = 1 .. 2) by
      // x_2 was 4, not 3); nor are x_n and another entry x_j it names to be told apart here, as
      // the answer's own check does that (check_sum_variable).
      if (!outside && depends_on(body, member)) result = result + rename_index(slot(member).d(body), index, *k);
    }
    return report("sum rule", e, result);
  }

  // One chain-sum for every function: sum over i of partial_i(args) * d(arg_i), skipping zeros.
  // Abstract functions (and derivatives of them) get Derivative nodes with the index added.
  // A one-argument built-in applied to a one-argument built-in: f(g(h(...))).
  static bool is_unary_builtin(Expr e) {
    return e.is(Kind::Call) && e.args().size() == 1 && !is_sum(e) && !function_info(e.function()).abstract;
  }

  // d f1(f2(...fk(u))) = f1'(..) f2'(..) ... fk'(u) du, as one product built once. The chain rule
  // level by level would build a product at each level, each copying the one below it: quadratic
  // time and memory in the depth (a 2000-deep sin chain made 21 MB of discarded products). The
  // walk stops at a node whose derivative is already known, so shared chains are not redone.
  Expr unary_chain(Expr e) {
    std::vector<Expr> factors;
    Expr g = e;
    for (;;) {
      const FunctionInfo& info = function_info(g.function());
      if (info.partials.empty() || !info.partials[0]) throw MathError(info.name + " cannot be differentiated");
      factors.push_back(info.partials[0](g.args()));
      g = g.args()[0];
      if (!is_unary_builtin(g) || !(g.node()->symbols & var_bit_) || memo().contains(g, var_)) break;
      check_interrupt();
    }
    Expr dg = d(g);
    if (dg.is_zero()) return Expr(0);
    factors.push_back(dg);
    return mul(std::move(factors));
  }

  Expr function(Expr e) {
    if (is_sum(e)) return sum_rule(e);
    if (!trace_ && is_unary_builtin(e) && is_unary_builtin(e.args()[0])) return unary_chain(e);
    const FunctionInfo& info = function_info(e.function());
    auto args = e.args();
    std::vector<Expr> terms;
    bool only_var = args.size() == 1 && args[0] == var_;
    for (std::size_t i = 0; i < args.size(); ++i) {
      Expr da = d(args[i]);
      if (da.is_zero()) continue;
      Expr partial;
      if (info.abstract || e.is(Kind::Derivative)) {
        std::vector<int> idx(e.indices().begin(), e.indices().end());
        idx.push_back(static_cast<int>(i));
        partial = derivative(e.function(), {args.begin(), args.end()}, std::move(idx));
      } else {
        if (i >= info.partials.size() || !info.partials[i])
          throw MathError(info.name + " cannot be differentiated");
        partial = info.partials[i](args);
      }
      terms.push_back(partial * da);
    }
    std::string rule = info.abstract ? std::string("abstract function") : info.rule;
    if (!only_var) rule += ", chain rule";
    return report(rule, e, add(std::move(terms)));
  }

  Expr var_;
  Expr memo_key_;      // var_, or for a slot a key of its own
  bool entry_ = true;  // var_ x_k is an entry of its family, which sums over x_n hold as the term n = k
  std::uint64_t var_bit_;
  DiffTrace* trace_;
};

void check_var(Expr var) {
  if (!var.is(Kind::Symbol)) throw std::invalid_argument("can only differentiate with respect to a variable");
}

}  // namespace

Expr diff(Expr e, Expr var, int order, DiffTrace* trace) {
  stats::ScopedTimer timer(stats::diff_ticks);
  NotingPaused own_algebra;  // what a derivative cancels is no part of the expression as written
  check_var(var);
  if (order < 0) throw std::invalid_argument("derivative order must be a positive integer");
  if (order > max_derivative_order)
    throw LimitError("derivative order " + std::to_string(order) + " exceeds the limit of " +
                     std::to_string(max_derivative_order));
  check_sum_variable(e, var);
  Differentiator dv(var, trace);
  // Iterate rather than recurse on the order; stop early once the derivative vanishes.
  for (int k = 0; k < order && !e.is_zero(); ++k) e = dv.d(e);
  return e;
}

Expr diff(Expr e, const std::vector<Expr>& vars, DiffTrace* trace) {
  if (vars.size() > static_cast<std::size_t>(max_derivative_order))
    throw LimitError("derivative order exceeds the limit of " + std::to_string(max_derivative_order));
  for (Expr v : vars) e = diff(e, v, 1, trace);
  return e;
}

void clear_diff_memo() { memo().clear(); }

void trim_diff_memo() {
  if (memo().size() > memo_kept_between_lines) clear_diff_memo();
}

// x e^(-x) reads as a product, and its rule was called the quotient rule.
bool below_the_bar(Expr exponent) { return exponent.is_number() && exponent.number().is_negative(); }

}  // namespace ddx::calc
