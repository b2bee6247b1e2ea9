// SPDX-License-Identifier: GPL-3.0-or-later
// The sign that differentiation makes (see corner_sign.hpp). Its row is built from sign's in
// function_table.cpp and registered in functions.cpp.
#include "core/corner_sign.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "core/decimal_answer.hpp"
#include "core/dropped.hpp"
#include "core/errors.hpp"
#include "core/float_underflow.hpp"
#include "core/functions.hpp"
#include "core/node.hpp"
#include "core/real_value.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"

namespace ddx {

CornerError::CornerError()
    : MathError("the slope of abs, relu, max, min or sign at a corner or a jump has no value (d/dx ... at the point "
                "takes a derivative there from both sides)") {}

namespace {
bool corner_signs_made = false;  // (until then no expression can hold one: nothing to look for)
}  // namespace

Expr corner_sign(Expr u) {
  corner_signs_made = true;
  return call(corner_sign_function(), {u});
}

bool is_corner_sign(Expr e) { return e.is(Kind::Call) && e.function() == detail::corner_sign_id; }

bool has_corners_or_jumps(FunctionId f) { return function_info(f).corners; }

namespace {

bool is_a_sign(FunctionId f) {
  corner_sign_function();  // (registered: its id and sign's are known)
  return typed_function(f) == detail::typed_sign_id;
}
bool is_typed_sign(Expr e) { return e.is(Kind::Call) && !is_corner_sign(e) && is_a_sign(e.function()); }

// Whether e holds a call for which `wanted` holds (every function asked about has corners).
template <class Wanted>
bool holds_call(Expr e, const Wanted& wanted) {
  if (!e.node()->corners) return false;
  std::unordered_set<const void*> seen;
  std::function<bool(Expr)> walk = [&](Expr x) {
    if (x.is(Kind::Call) && wanted(x)) return true;
    if (!x.node()->corners || !seen.insert(x.node()).second) return false;
    bool found = false;
    visit_children(x, [&](Expr c) { found = found || walk(c); });
    return found;
  };
  return walk(e);
}

// e with each sign call (typed or a corner's) replaced by what `turn` makes of it, children first.
template <class Turn>
Expr with_signs_turned(Expr e, const Turn& turn) {
  std::unordered_map<const void*, Expr> done;
  std::function<Expr(Expr)> walk = [&](Expr x) {
    if (!x.node()->corners) return x;
    if (auto it = done.find(x.node()); it != done.end()) return it->second;
    Expr r = map_children(x, walk);
    if (r.is(Kind::Call) && is_a_sign(r.function())) r = turn(r);
    done.emplace(x.node(), r);
    return r;
  };
  return walk(e);
}

// The arguments of e's corner signs (corner) or of its typed signs (else).
std::unordered_set<Expr> sign_arguments(Expr e, bool corner) {
  std::unordered_set<Expr> found;
  with_signs_turned(e, [&](Expr s) {
    if (is_corner_sign(s) == corner) found.insert(s.args()[0]);
    return s;
  });
  return found;
}

// g with each corner sign whose argument is 0 at the point replaced by a symbol of its own (one
// per distinct sign): the slope it stands for, which has no value there.
class CornerChoices {
 public:
  explicit CornerChoices(const std::unordered_map<Expr, Expr>& point) : point_(point) {}
  Expr operator()(Expr g) {
    return with_signs_turned(g, [this](Expr s) {
      if (!is_corner_sign(s) || !vanishes(s.args()[0])) return s;
      choices.push_back(sym("corner#" + std::to_string(choices.size() + 1)));
      return choices.back();
    });
  }
  std::vector<Expr> choices;

 private:
  bool vanishes(Expr u) const {
    try {
      return substitute(u, point_).is_zero();
    } catch (const MathError&) {
      return false;  // (no value at all: substituting g says so)
    }
  }
  const std::unordered_map<Expr, Expr>& point_;
};

}  // namespace

bool has_corner_sign(Expr e) {
  return holds_call(e, is_corner_sign);
}
bool has_sign(Expr e) { return holds_call(e, [](Expr call) { return is_a_sign(call.function()); }); }
bool has_typed_sign(Expr e) { return holds_call(e, is_typed_sign); }
bool has_corners_or_jumps(Expr e) { return e.node()->corners; }

bool undecided_by_decimals(Expr u) {
  if (u.is_number()) return false;
  std::vector<Expr> symbols = free_symbols(u);  // (none: sin(-1) is a number, whose sign ddx decides)
  return !symbols.empty() && std::all_of(symbols.begin(), symbols.end(), is_decimal_symbol);
}

bool undecided_constant(Expr u) { return is_constant_expression(u) && !constant_sign(u); }

// (d^2/dx^2 abs(x - 0.9) at x = 0.7 + 0.2 was 0; the slope of abs(x - sin(pi/7)^2 - cos(pi/7)^2)
// at 1 was sign(1 - cos(pi/7)^2 - sin(pi/7)^2), printed as if it had one.)
bool has_undecided_corner(Expr e) {
  if (!e.node()->corners) return false;
  std::unordered_set<Expr> arguments = sign_arguments(e, true);
  return std::any_of(arguments.begin(), arguments.end(), [](Expr u) { return undecided_by_decimals(u) || undecided_constant(u); });
}

std::optional<Expr> undecided_sign_at(Expr e, const std::unordered_map<Expr, Expr>& point) {
  if (!e.node()->corners) return std::nullopt;
  for (Expr u : sign_arguments(e, false))
    if (Expr there = substitute(u, point); undecided_constant(there)) return there;
  return std::nullopt;
}

std::optional<Expr> value_whatever_the_corners(Expr g, const std::unordered_map<Expr, Expr>& point) {
  std::optional<Expr> value;
  try {
    value = substitute(g, point);
  } catch (const CornerError&) {
    CornerChoices corners(point);
    value = substitute(corners(g), point);
    if (std::any_of(corners.choices.begin(), corners.choices.end(), [&](Expr c) { return depends_on(*value, c); }))
      return std::nullopt;
  }
  if (has_undecided_corner(*value)) {
    for (Expr u : sign_arguments(*value, true))
      if (undecided_constant(u)) throw UndecidedCorner(u);
    throw CornerError();
  }
  return value;
}

Expr with_corner_signs(Expr e) {
  return with_signs_turned(e, [](Expr s) { return is_typed_sign(s) ? corner_sign(s.args()[0]) : s; });
}

Expr with_corner_signs_along(Expr e, Expr var) {
  return with_signs_turned(e, [&](Expr s) {
    return is_typed_sign(s) && depends_on(s.args()[0], var) ? corner_sign(s.args()[0]) : s;
  });
}

namespace {

// (No name a user can type. Not kept in a static: a collection between statements may reclaim
// the node, and the symbol cache makes it again.)
Expr beside_step() { return sym("step#"); }
Expr edge_step() { return sym("edge#"); }

// A decimal as the exact number it is written as (0.1 is 1/10); other numbers as they are.
Number as_written(const Number& n) { return n.is_float() ? Number::from_decimal_text(n.to_string()) : n; }

// The point with its decimals as written: 1.0 + 2^-200 is no 1.0.
std::unordered_map<Expr, Expr> point_as_written(const std::unordered_map<Expr, Expr>& point) {
  std::unordered_map<Expr, Expr> exact = point;
  for (auto& [name, value] : exact)
    if (value.is_number()) value = num(as_written(value.number()));
  return exact;
}

// e with each decimal the exact number it is written as (0.5 is 1/2): a double absorbs a step of
// 2^-200, and (x - 0.5)^(3/2) seemed to have values on both sides of 0.5 (its slope 0 was taken).
Expr decimals_as_written(Expr e, std::unordered_map<Expr, Expr>& done) {
  if (!has_float(e)) return e;
  if (auto it = done.find(e); it != done.end()) return it->second;
  auto exact = as_written;
  auto again = [&](Expr c) { return decimals_as_written(c, done); };
  Expr out;
  if (e.is_number()) {
    out = num(exact(e.number()));
  } else if (e.is(Kind::Add)) {
    std::vector<Expr> terms{num(exact(e.number()))};
    for (std::size_t i = 0; i < e.terms().size(); ++i) terms.push_back(num(exact(e.coefficients()[i])) * again(e.terms()[i]));
    out = add(std::move(terms));
  } else if (e.is(Kind::Mul)) {
    std::vector<Expr> factors{num(exact(e.number()))};
    for (std::size_t i = 0; i < e.bases().size(); ++i) factors.push_back(pow(again(e.bases()[i]), again(e.exponents()[i])));
    out = mul(std::move(factors));
  } else {
    out = map_children(e, again);
  }
  done.emplace(e, out);
  return out;
}

// (made by required_on_both_sides: see has_value_there)
bool has_values_on_both_sides(Expr written, const std::unordered_map<Expr, Expr>& point) {
  std::unordered_map<Expr, Expr> done;
  Expr const part = decimals_as_written(written, done);
  std::unordered_map<Expr, Expr> beside = point_as_written(point);
  beside[beside_step()] = Expr(0);  // (a corner's step in it as well: at the point itself)
  // A side has values when a step to it does, however small: the edge is at the point only if no
  // step has one (log(x) at 10^-100 has none 2^-200 to the left, but has 2^-400 to the left).
  for (int side : {-1, 1}) {
    bool found = false;
    for (int power : {200, 800, 3200}) {
      beside[edge_step()] = Expr(side) * pow(Expr(2), Expr(-power));
      try {
        (void)value_whatever_the_corners(part, beside);
        found = true;
      } catch (const Unanswerable&) {  // (a name without a value, an unknown function: no evidence)
        return true;
      } catch (const CornerError&) {  // (a corner beside the point is no edge of the domain)
        found = true;
      } catch (const MathError&) {
      }
      if (found) break;
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

bool is_beside_step(Expr s) { return s == beside_step() || s == edge_step(); }

Expr required_beside(Expr part, Expr var) { return substitute(part, {{var, var + beside_step()}}); }

namespace {

// f with var moved to `to`. A sum over var's family (x_n, var x_k) whose bounds are not numbers
// may hold var as its term n = k, which substitute cannot say, and refuses: there the term n = k
// is moved and the others keep their x_n (what they hold of x_k itself moves), which is f moved
// wherever k is one of its terms; a derivative by x_k holds only there (1 <= k <= N).
Expr moved_along(Expr f, Expr var, Expr to, std::unordered_map<const void*, Expr>& done) {
  if (f == var) return to;
  // (The symbol filter, not a walk at every node; a sum's has every bit.)
  if (f.is(Kind::Number) || f.is(Kind::Constant) || f.is(Kind::Symbol) || !(f.node()->symbols & symbol_bit(var.name())))
    return f;
  if (auto it = done.find(f.node()); it != done.end()) return it->second;
  Expr moved;
  std::optional<Expr> member = is_sum(f) ? member_with_index(var, f.args()[1]) : std::nullopt;
  if (member && !(f.args()[2].is_integer() && f.args()[3].is_integer()) && depends_on(f.args()[0], *member)) {
    auto a = f.args();
    Expr body = a[0], index = a[1], k = *entry_subscript(var.name());
    Expr others = moved_along(body, var, to, done);  // (x_k itself in every term)
    moved = make_sum(others, index, a[2], a[3]) - rename_index(others, index, k) +
            moved_along(rename_index(body, index, k), var, to, done);
  } else if (is_sum(f)) {
    moved = substitute(f, {{var, to}});
  } else {
    moved = map_children(f, [&](Expr c) { return moved_along(c, var, to, done); });
  }
  done.emplace(f.node(), moved);
  return moved;
}

}  // namespace

Expr required_on_both_sides(Expr f, Expr var) {
  if (!has_sum(f)) return substitute(f, {{var, var + edge_step()}});
  std::unordered_map<const void*, Expr> done;
  return moved_along(f, var, var + edge_step(), done);
}

bool is_edge_requirement(Expr part) { return depends_on(part, edge_step()); }

bool may_have_domain_edge(Expr f) { return f.node()->edges; }

bool may_end_along(Expr part, Expr var) {
  return !has_corners_or_jumps(part) && may_have_domain_edge(part) && depends_on(part, var);
}

std::vector<Expr> edge_requirements(std::span<const Expr> lost, Expr var) {
  std::vector<Expr> required;
  for (Expr part : lost)
    if (may_end_along(part, var)) required.push_back(required_on_both_sides(part, var));
  return required;
}

std::vector<Expr> required_with_sides(std::span<const Expr> lost, Expr var) {
  std::vector<Expr> required(lost.begin(), lost.end());
  std::vector<Expr> sides = edge_requirements(lost, var);
  required.insert(required.end(), sides.begin(), sides.end());
  return required;
}

Expr value_there(Expr part, const std::unordered_map<Expr, Expr>& point) {
  if (!depends_on(part, beside_step()) && !depends_on(part, edge_step())) {
    std::optional<Expr> v = value_whatever_the_corners(part, point);
    if (!v) throw CornerError();
    return *v;
  }
  if (!has_value_there(part, point)) {
    if (is_edge_requirement(part)) throw MathError(edge_of_domain());
    throw CornerError();
  }
  try {
    return substitute(part, point);
  } catch (const MathError&) {
    return Expr(0);
  }
}

bool has_value_there(Expr part, const std::unordered_map<Expr, Expr>& point) {
  UnderflowsUnnoted asked_only;  // (whether it has a value, not the value: 1e-400 is one)
  if (depends_on(part, edge_step())) return has_values_on_both_sides(part, point);
  Expr step = beside_step();
  if (!depends_on(part, step)) return value_whatever_the_corners(part, point).has_value();
  std::unordered_map<Expr, Expr> beside = point_as_written(point);
  for (int power : {200, 400})
    for (int side : {-1, 1}) {
      beside[step] = Expr(side) * pow(Expr(2), Expr(-power));
      try {
        if (!value_whatever_the_corners(part, beside)) return false;
      } catch (const CornerError&) {
        return false;
      } catch (const MathError&) {
      }
    }
  return true;
}

Expr with_typed_signs(Expr e) {
  if (!has_corner_sign(e)) return e;
  return with_signs_turned(e, [](Expr s) { return is_corner_sign(s) ? sign(s.args()[0]) : s; });
}

Expr with_signs_unified(Expr e) {
  if (!corner_signs_made || !e.node()->corners) return e;
  std::unordered_set<Expr> corner_args = sign_arguments(e, true);
  if (corner_args.empty()) return e;
  std::unordered_set<Expr> typed_args = sign_arguments(e, false);
  std::erase_if(typed_args, [&](Expr u) { return !corner_args.contains(u); });
  if (typed_args.empty()) return e;
  Expr unified = with_signs_turned(e, [&](Expr s) {
    return is_typed_sign(s) && typed_args.contains(s.args()[0]) ? corner_sign(s.args()[0]) : s;
  });
  note_required(e);  // (as written it may have no value where the merged form has one: f - sign(x) at 0)
  return unified;
}

}  // namespace ddx
