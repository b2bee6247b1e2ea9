// SPDX-License-Identifier: GPL-3.0-or-later
// Expr accessors, child traversal and the debug printer.
#include <cassert>

#include "core/functions.hpp"
#include "core/node.hpp"

namespace ddx {

Expr::Expr(long long v) : Expr(num(Number(v))) {}
Expr::Expr(const Number& n) : Expr(num(n)) {}

std::pair<Number, Expr> split_coefficient(Expr e) {
  if (e.is_number()) return {e.number(), Expr(1)};
  if (e.is(Kind::Mul) && !e.number().is_one()) {
    std::vector<Expr> factors;
    for (std::size_t i = 0; i < e.bases().size(); ++i) factors.push_back(pow(e.bases()[i], e.exponents()[i]));
    return {e.number(), mul(std::move(factors))};
  }
  return {Number(1), e};
}

bool has_negative_sign(Expr e) {
  return (e.is_number() || e.is(Kind::Mul)) && e.number().is_negative();
}

Expr map_children(Expr e, const std::function<Expr(Expr)>& f) {
  switch (e.kind()) {
    case Kind::Number:
    case Kind::Constant:
    case Kind::Symbol: return e;
    case Kind::Call:
    case Kind::Derivative: {
      std::vector<Expr> args;
      for (Expr a : e.args()) args.push_back(f(a));
      if (e.is(Kind::Call)) return call(e.function(), std::move(args));
      return derivative(e.function(), std::move(args), {e.indices().begin(), e.indices().end()});
    }
    case Kind::Pow: return pow(f(e.base()), f(e.exponent()));
    case Kind::Mul: {
      std::vector<Expr> factors{num(e.number())};
      for (std::size_t i = 0; i < e.bases().size(); ++i) factors.push_back(pow(f(e.bases()[i]), f(e.exponents()[i])));
      return mul(std::move(factors));
    }
    case Kind::Add: {
      std::vector<Expr> terms{num(e.number())};
      for (std::size_t i = 0; i < e.terms().size(); ++i) terms.push_back(num(e.coefficients()[i]) * f(e.terms()[i]));
      return add(std::move(terms));
    }
  }
  return e;
}

void for_each_child(Expr e, const std::function<void(Expr)>& f) { visit_children(e, f); }

std::string debug_string(Expr e) {
  switch (e.kind()) {
    case Kind::Number: return e.number().to_string();
    case Kind::Constant: return e.constant() == ConstantId::E ? "e" : "pi";
    case Kind::Symbol: return e.name();
    case Kind::Call:
    case Kind::Derivative: {
      std::string s = "(" + function_info(e.function()).name;
      if (e.is(Kind::Derivative)) {
        s += "'[";
        for (int i : e.indices()) s += std::to_string(i);
        s += "]";
      }
      for (Expr a : e.args()) s += " " + debug_string(a);
      return s + ")";
    }
    case Kind::Pow: return "(^ " + debug_string(e.base()) + " " + debug_string(e.exponent()) + ")";
    case Kind::Mul: {
      std::string s = "(* " + e.number().to_string();
      for (std::size_t i = 0; i < e.bases().size(); ++i)
        s += e.exponents()[i].is_one() ? " " + debug_string(e.bases()[i])
                                       : " (^ " + debug_string(e.bases()[i]) + " " + debug_string(e.exponents()[i]) + ")";
      return s + ")";
    }
    case Kind::Add: {
      std::string s = "(+ " + e.number().to_string();
      for (std::size_t i = 0; i < e.terms().size(); ++i)
        s += e.coefficients()[i].is_one() ? " " + debug_string(e.terms()[i])
                                          : " (* " + e.coefficients()[i].to_string() + " " + debug_string(e.terms()[i]) + ")";
      return s + ")";
    }
  }
  return "?";
}

}  // namespace ddx
