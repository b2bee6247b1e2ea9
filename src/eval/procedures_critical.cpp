// SPDX-License-Identifier: GPL-3.0-or-later
// critical(f), critical(f, [x, y]): where the gradient is zero, each point classified by the
// Hessian, with f's value there (calculus/critical.hpp). `ans` becomes the list of points: the
// coordinates of each ([x1, x2, ...] for one variable, [[x1, y1], ...] for several), decimals
// where they are approximate.
#include <algorithm>

#include "calculus/at_point.hpp"
#include "calculus/critical.hpp"
#include "calculus/vector.hpp"
#include "core/corner_sign.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "eval/procedures.hpp"

namespace ddx::eval {
namespace {

Value coordinate_value(const calc::CriticalNumber& n) {
  return Value::of(n.approximate ? num(Number::from_double(n.numeric)) : n.exact);
}

Value points_value(const calc::CriticalPoints& found) {
  std::vector<Value> points;
  for (const calc::CriticalPoint& p : found.points) {
    if (p.coordinates.size() == 1) {
      points.push_back(coordinate_value(p.coordinates[0]));
      continue;
    }
    std::vector<Value> coords;
    for (const calc::CriticalNumber& c : p.coordinates) coords.push_back(coordinate_value(c));
    points.push_back(Value::list(std::move(coords)));
  }
  return Value::list(std::move(points));
}

// Whether each part simplification took out of f has a value at the point (at its decimals'
// exact values where it is approximate).
bool written_f_has_value(const std::vector<Expr>& lost, const std::vector<Expr>& vars, const calc::CriticalPoint& p) {
  if (lost.empty()) return true;
  calc::Point at;
  for (std::size_t i = 0; i < vars.size(); ++i) {
    const calc::CriticalNumber& c = p.coordinates[i];
    at.emplace(vars[i], c.approximate ? num(Number::from_double(c.numeric)) : c.exact);
  }
  try {
    for (Expr part : lost) {
      if (!is_edge_requirement(part)) {
        (void)calc::value_at(part, at);
      } else if (std::none_of(p.coordinates.begin(), p.coordinates.end(), [](const calc::CriticalNumber& c) { return c.approximate; }) &&
                 !has_value_there(part, at)) {
        return false;  // (an exact point at an edge of f's domain: no gradient there)
      }
    }
  } catch (const MathError&) {
    return false;
  } catch (const calc::NoDerivative&) {
    return false;
  }
  return true;
}

// Whether each part simplification took out of f has a value at one of a few points spread over
// -10 .. 10 (none: f as written has none).
bool has_a_value_somewhere(const std::vector<Expr>& lost, const std::vector<Expr>& vars) {
  if (lost.empty()) return true;
  for (int k = 0; k < 7; ++k) {
    calc::CriticalPoint p;
    for (std::size_t i = 0; i < vars.size(); ++i) {
      calc::CriticalNumber c;
      c.exact = num(Number::rational(static_cast<long long>(37 * k + 29 * static_cast<long long>(i)) % 200 - 100, 10));
      p.coordinates.push_back(c);
    }
    if (written_f_has_value(lost, vars, p)) return true;
  }
  return false;
}

}  // namespace

Result critical_procedure(const Term& call, Evaluator& ev) {
  const Term& arg = call.children[0];
  if (arg.kind == TermKind::Vector) throw EvalError{arg.span, "critical takes one function"};
  if (ev.at_a_point())
    throw EvalError{call.span, "critical finds points itself and cannot be taken at one; to fix a variable first, "
                               "write critical(f at y = 1)"};
  std::optional<std::vector<Expr>> listed;
  if (call.children.size() == 2) {
    const Term& n = call.children[1];
    listed.emplace();
    if (n.kind == TermKind::Vector)
      for (const Term& c : n.children) listed->push_back(ev.variable(c));
    else
      listed->push_back(ev.variable(n));
  }
  std::vector<Expr> lost = arg.dropped;  // what simplification took out of f as written (x^3/x is x^2)
  Expr f = noting_into(lost, [&] { return listed ? ev.operand(arg, *listed) : ev.operand(arg, std::span<const Expr>()); });
  std::vector<Expr> vars = listed ? *listed : calc::variables_of({f});
  if (vars.empty())
    throw EvalError{arg.span, "critical: " + ev.context().text(f) + " has no variables; name them: critical(f, [x])"};
  calc::CriticalPoints found;
  try {
    // (the search's own points in doubles, with f's decimals, may underflow: that is no value of
    // the answer's, whose numbers carry their own uncertainty; critical(y^3 + 0.1x^2) was refused
    // for 0.2 times a 300-digit fraction)
    UnderflowsUnnoted searched;
    found = calc::critical_points(f, vars, ev.context().statement_reads_decimals(),
                                  ev.context().statement_lost_part_to_decimal_zero());
  } catch (const MathError& e) {
    throw EvalError{arg.span, e.what()};
  } catch (const LimitError& e) {
    throw EvalError{call.span, e.what()};
  }
  // A point where f as written has no value is no critical point (x^3/x at 0 was a minimum), nor
  // one at an edge of its domain, where it has no gradient (x^(5/2) - x^2 at 0 was a maximum).
  std::vector<Expr> written = lost;
  written.push_back(f);
  for (Expr v : vars) {
    std::vector<Expr> sides = edge_requirements(written, v);
    lost.insert(lost.end(), sides.begin(), sides.end());
  }
  std::erase_if(found.points, [&](const calc::CriticalPoint& p) { return !written_f_has_value(lost, vars, p); });
  // Nor is a set where f as written has no value at any point tried: 1^log(-x^2) is 1, with a
  // gradient 0 everywhere, and has no value anywhere.
  std::erase_if(found.sets, [&](const calc::CriticalSet& set) { return set.equations.empty() && !has_a_value_somewhere(lost, vars); });
  Result r;
  r.value = points_value(found);
  r.shape = std::move(found);
  return r;
}

}  // namespace ddx::eval
