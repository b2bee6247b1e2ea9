// SPDX-License-Identifier: GPL-3.0-or-later
// The expressions inside a Result, shape by shape (see result_exprs.hpp).
#include "eval/result_exprs.hpp"

#include <type_traits>

namespace ddx::eval {
namespace {

// The sizes the visitors below were written for (x86-64 with libstdc++, the project's platform):
// a structure that grows has a new field. Visit it below, then update its size here.
template <class T, std::size_t Size>
constexpr bool visited_as_of() {
#if defined(__GLIBCXX__) && defined(__x86_64__)
  static_assert(sizeof(T) == Size, "a structure holding expressions changed: visit its new field in result_exprs.cpp");
#endif
  return true;
}
static_assert(visited_as_of<Result, 304>() && visited_as_of<Value, 48>() && visited_as_of<Shape, 168>() &&
              visited_as_of<IndexCondition, 40>());
static_assert(visited_as_of<Derivation, 160>() && visited_as_of<calc::Chain, 160>() &&
              visited_as_of<calc::LeibnizFactor, 88>());
static_assert(visited_as_of<StepsShown, 24>() && visited_as_of<calc::Steps, 56>() &&
              visited_as_of<calc::StepBlock, 48>() && visited_as_of<calc::Step, 88>());
static_assert(visited_as_of<BackpropTrace, 104>() && visited_as_of<calc::Trace, 104>() &&
              visited_as_of<calc::GraphNode, 48>() && visited_as_of<calc::Adjoint, 64>() &&
              visited_as_of<calc::AdjointTerm, 48>());
static_assert(visited_as_of<calc::CriticalPoints, 104>() && visited_as_of<calc::CriticalPoint, 96>() &&
              visited_as_of<calc::CriticalNumber, 56>() && visited_as_of<calc::CriticalSet, 40>());
static_assert(visited_as_of<TotalDifferential, 56>() && visited_as_of<TangentLine, 32>() &&
              visited_as_of<Decimal, 40>() && visited_as_of<FactoredSum, 24>() &&
              visited_as_of<NamedDerivative, 64>() && visited_as_of<TaylorPolynomial, 48>());
static_assert(visited_as_of<ValueTable, 128>() && visited_as_of<PlotRequest, 72>() && visited_as_of<Curve, 72>());
static_assert(visited_as_of<MatrixAnswer, 144>() && visited_as_of<LinearEntries, 24>() &&
              visited_as_of<matrix::Node, 160>() && visited_as_of<matrix::Shape, 16>());

void visit_optional(const std::optional<Expr>& e, const ExprVisitor& visit) {
  if (e) visit(*e);
}

void visit_all(const std::vector<Expr>& es, const ExprVisitor& visit) {
  for (Expr e : es) visit(e);
}

void visit_chain(const calc::Chain& c, const ExprVisitor& visit) {
  for (const auto& product : c.terms)
    for (const calc::LeibnizFactor& f : product) visit(f.value);
  visit(c.filled);
  visit(c.substituted);
}

void visit_steps(const calc::Steps& s, const ExprVisitor& visit) {
  visit(s.operand);
  visit(s.var);
  visit(s.answer);
  for (const calc::StepBlock& b : s.blocks) {
    visit(b.operand);
    visit(b.question);
    visit(b.answer);
    for (const calc::Step& step : b.steps) {
      visit_optional(step.outer, visit);
      visit_optional(step.inner_symbol, visit);
      visit_optional(step.inner, visit);
      visit(step.expression);
    }
  }
}

void visit_trace(const calc::Trace& t, const ExprVisitor& visit) {
  for (const calc::GraphNode& n : t.nodes) visit_optional(n.definition, visit);
  visit_all(t.values, visit);
  for (const calc::Adjoint& a : t.adjoints) {
    visit(a.value);
    for (const calc::AdjointTerm& term : a.terms) {
      visit(term.local);
      visit(term.local_value);
    }
  }
}

void visit_critical(const calc::CriticalPoints& c, const ExprVisitor& visit) {
  visit_all(c.vars, visit);
  for (const calc::CriticalPoint& p : c.points) {
    for (const calc::CriticalNumber& x : p.coordinates) visit(x.exact);
    visit(p.value.exact);
  }
  for (const calc::CriticalSet& s : c.sets) {
    visit_all(s.equations, visit);
    visit_optional(s.value, visit);
  }
  visit_optional(c.period, visit);
  visit(c.periodic_var);
}

void visit_curves(const std::vector<Curve>& curves, const ExprVisitor& visit) {
  for (const Curve& c : curves) {
    visit(c.expr);
    visit(c.var);
    for (Expr e : c.lost) visit(e);
  }
}

void visit_matrix_answer(const MatrixAnswer& m, const ExprVisitor& visit) {
  for_each_expr(m.expr, visit);
  for_each_expr(m.question, visit);
  for (const matrix::Tree& t : m.differential) for_each_expr(t, visit);
  if (m.entries) for_each_expr(*m.entries, visit);
}

void visit_shape(const Shape& shape, const ExprVisitor& visit) {
  std::visit(
      [&](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<S, Derivation>) {
          visit_chain(s.chain, visit);
        } else if constexpr (std::is_same_v<S, StepsShown>) {
          for (const calc::Steps& part : s.parts) visit_steps(part, visit);
        } else if constexpr (std::is_same_v<S, TotalDifferential>) {
          for (const auto& [coefficient, var] : s.terms) visit(coefficient);
        } else if constexpr (std::is_same_v<S, FactoredSum>) {
          visit(s.sum);
        } else if constexpr (std::is_same_v<S, TaylorPolynomial>) {
          visit(s.var);
          visit(s.point);
          visit_all(s.coefficients, visit);
        } else if constexpr (std::is_same_v<S, ValueTable>) {
          visit_curves(s.curves, visit);
          visit_optional(s.exact_from, visit);
          visit_optional(s.exact_to, visit);
          visit_optional(s.exact_step, visit);
        } else if constexpr (std::is_same_v<S, PlotRequest>) {
          visit_curves(s.curves, visit);
        } else if constexpr (std::is_same_v<S, BackpropTrace>) {
          visit_trace(s.trace, visit);
        } else if constexpr (std::is_same_v<S, CriticalPoints>) {
          visit_critical(s, visit);
        } else if constexpr (std::is_same_v<S, MatrixAnswer>) {
          visit_matrix_answer(s, visit);
        } else if constexpr (std::is_same_v<S, LinearEntries>) {
          for (const auto& row : s.rows)
            for (const auto& [coefficient, entry] : row) {
              visit(coefficient);
              visit(entry);
            }
        } else {
          // No expressions: the value says it all, or the shape holds text only.
          static_assert(std::is_same_v<S, std::monostate> || std::is_same_v<S, TangentLine> ||
                        std::is_same_v<S, Decimal> || std::is_same_v<S, NamedDerivative>);
        }
      },
      shape);
}

}  // namespace

void for_each_expr(const Value& v, const ExprVisitor& visit) {
  visit(v.scalar);
  for (const Value& item : v.items) for_each_expr(item, visit);
}

void for_each_expr(const matrix::Shape& s, const ExprVisitor& visit) {
  visit(s.rows);
  visit(s.cols);
}

void for_each_expr(const matrix::Tree& t, const ExprVisitor& visit) {
  if (!t) return;
  for_each_expr(t->shape, visit);
  for (const matrix::Tree& a : t->args) for_each_expr(a, visit);
}

void for_each_expr(const Result& r, const ExprVisitor& visit) {
  for_each_expr(r.value, visit);
  visit_shape(r.shape, visit);
  for (const IndexCondition& c : r.conditions) {
    visit(c.index);
    visit(c.lower);
    visit(c.upper);
    visit(c.other);
  }
}

}  // namespace ddx::eval
