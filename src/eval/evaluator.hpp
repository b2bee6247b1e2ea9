// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluation: a resolved request (src/resolve) -> a Result (result.hpp). The one place that knows
// what d/dx, dy/dx, diff(E, x, n), f', `at`, ==, steps and chains mean; procedures are one table
// (procedures.hpp). Raises EvalError with the span of the term at fault.
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "calculus/at_point.hpp"
#include "eval/context.hpp"
#include "eval/result.hpp"
#include "resolve/request.hpp"

namespace ddx::eval {

using resolve::SourceSpan;
using resolve::Term;
using resolve::TermKind;

// An error evaluating a statement, at a place in its line.
struct EvalError {
  SourceSpan span;
  std::string message;
};

// A derivative of f exists only where f has a value: a smooth f is noted as required of the
// answer (d/dx log(x) is 1/x, which has values at x < 0 where the derivative has none), and, where
// its domain may end, its values on both sides along each of `vars` (d/dx x^(3/2) at 0, an edge).
// One with corners or jumps is looked at beside its point instead (derivatives.cpp).
void require_smooth_function(Expr f, std::span<const Expr> vars);
void require_smooth_function(Expr f, const calc::Differentiations& d);

class Evaluator {
 public:
  // keep_names: defined names stay symbols (the body of a definition, `y = u^3`, remembers that
  // y depends on u) except inside what is differentiated.
  Evaluator(const Context& context, bool keep_names = false) : context_(context), keep_names_(keep_names) {}

  const Context& context() const { return context_; }
  // Any value (a scalar, a vector or matrix, a truth value).
  Value value(const Term& t);
  // A scalar; EvalError for anything else.
  Expr scalar(const Term& t);
  // An expression about to be differentiated by `vars`: a defined name among them is held as an
  // independent variable (y = u^3; ∂/∂y of x^2 y is x^2, not 0), and the point of an enclosing
  // `at` waits for the derivative (evaluating inside the operand would differentiate a number).
  Expr operand(const Term& t, std::span<const Expr> vars);
  Expr operand(const Term& t, Expr var) { return operand(t, std::span<const Expr>(&var, 1)); }
  // A plain variable name (x, x_1, alpha).
  Expr variable(const Term& t);
  // The derivative of e; inside `... at POINT`, its value there, refused (with the span of `at`)
  // where it does not exist. Orders past the limit are refused unless e is a polynomial of lower
  // degree in that variable (then the derivative is 0).
  Expr differentiate(Expr e, const calc::Differentiations& d, const Term& at);
  // The derivative of the operand t (read as operand() reads it) by d, as differentiate() takes it.
  // Inside `at`, what the operand requires to have a value (a derivative's function, which must
  // be continuous there: core/corner_sign.hpp) must have values beside the point along each
  // variable of d as well: the derivative is taken of a formula that holds only where they do
  // (d/dx d/dy sign(y - 1) x^2 at x = 0, y = 1: ∂/∂y exists where x = 0 alone).
  Expr derivative_of(const Term& t, const calc::Differentiations& d, const Term& at);
  // The derivative of e at an explicit point (tangent), refused where it does not exist.
  Expr differentiate_at(Expr e, const calc::Differentiations& d, const calc::Point& point,
                        const std::string& point_text, const Term& at);
  // The derivatives of e by var at the point, of orders 0 .. count - 1 (a Taylor polynomial's),
  // refused (with the span of `at`) from the first order that does not exist; order 0 is the
  // value there (a MathError if there is none).
  std::vector<Expr> derivatives_at(Expr e, Expr var, std::uint64_t count, const calc::Point& point,
                                   const std::string& point_text, const Term& at);
  // The value of e at the point (calc::value_at), its digits checked when it is a decimal:
  // refused (with the span of `at`) where e is a derivative's formula and the derivative does
  // not exist there (f = d/dx abs(x), then f at x = 0).
  Expr value_at(Expr e, const calc::Point& point, const std::string& point_text, const Term& at);
  // The value of a chain's derivative of the defined name `target` by var, of order 1 or 2: where
  // the name's function has corners or jumps, its signs the corners', and that function and each
  // derivative before the last noted as required (core/corner_sign.hpp): y = u^2 + u, u = sign(x),
  // dy/dx is 0, but not at 0.
  Expr chain_value(std::string_view target, Expr derivative, Expr var, int order = 1);
  // What a function as written lost (core/dropped.hpp) where its domain may end, required on
  // both sides of the point along each of vars (checked under `at`, noted for a formula): sqrt(x)
  // of sqrt(x)^2, which reads as x, has no derivative at 0.
  void require_lost_on_both_sides(std::span<const Expr> lost, std::span<const Expr> vars, const Term& at);
  // Refuses a derivative by vars of an operand that holds a defined name as a variable (a
  // derivative by that name inside it answers in it) whose definition moves with vars: after
  // u = sin(x), d/dx (d/du u^2) was 0, taking the inner 2u's u as standing still.
  void refuse_held_inside(Expr operand, std::span<const Expr> vars, const Term& at) const;
  // The chain rule through the definitions (calc::chain_rule, calc::second_order_chain), what its
  // steps lost noted in the variable's terms as the answer is: they write it in the names between
  // (1/sqrt(u) of y = sqrt(u), u = x^2 + 1, where table(dy/dx, ...) found u without a value).
  calc::Chain chain_rule(std::string_view target, std::string_view var, bool partial);
  std::optional<calc::Chain> second_order_chain(std::string_view target, std::string_view var);
  // The point of the innermost enclosing `at` being evaluated, or nullptr.
  const calc::Point* active_point() const;
  // e with every defined name in it replaced by its definition, and theirs, down to what it is
  // made of (u = z + 1 with z = x^2 is made of x).
  Expr made_of_through_definitions(Expr e) const;
  // Refuses a point whose value names, through definitions, another name the same `at` gives.
  void refuse_point_naming_another(const Term& at, const calc::Point& point) const;
  // A procedure call (procedures.hpp).
  Result call(const Term& t);
  // Whether an enclosing `at` is being evaluated (its point applies to what is inside).
  bool at_a_point() const { return !points_.empty() || !formula_points_.empty(); }
  // The value of a defined name, every definition it uses substituted except held ones.
  Expr definition_value(std::string_view name);
  // The same with the defined names among `vars` held independent (see operand): ∂x5/∂x3.
  Expr definition_value_holding(std::string_view name, std::span<const Expr> vars);
  Expr definition_value(const Context::VariableView& variable);

  // e with each defined name's value put in (held names kept).
  Expr with_definitions(Expr e) { return substituted(e); }

  // Terms that are the whole statement (statement.cpp) see these too.
  Value at(const Term& t);
  Result compare(const Term& t);

 private:
  struct ActivePoint {
    calc::Point values;
    std::string text;
  };
  // (`own`: symbols that are not the session's names here, a bare function's parameters.)
  Expr substituted(Expr e, std::span<const Expr> own = {});
  // What putting the defined names' values into a side of == loses outside its derivatives.
  std::vector<Expr> lost_to_definitions(const Term& side);
  // Notes each of `lost` as required, every definition but var's substituted; and, where it may
  // end at an edge, its values on both sides along var (a chain's steps: sqrt(x) of y = u^2 after
  // u = sqrt(x), which reads as x).
  void note_in_terms_of(std::span<const Expr> lost, std::string_view var);
  void note_lost_on_both_sides(std::span<const Expr> lost, std::string_view var);
  Value previous_answer(const Term& t);
  std::optional<Expr> symbol_value(Expr symbol);  // a defined, unheld symbol's value
  struct KnownValue;
  const KnownValue* usable_known_value(Expr symbol) const;  // known, and noted if notes are taken now
  void know_definitions_below(const Context::VariableView& variable);
  const KnownValue& know(Expr symbol, const Context::VariableView& variable);
  bool is_held(std::string_view name) const;
  // Holds the defined names among `vars` independent (see operand), telling the context with
  // the names the derivative's operand reads (tell_held); returns what release_held takes to let
  // them go again.
  std::size_t hold_defined(std::span<const Expr> vars, const Term* operand, std::string_view target);
  void release_held(std::size_t held_before);
  Expr scalar_unguarded(const Term& t);
  Expr combine(const Term& t);
  Expr derivative(const Term& t);
  Expr leibniz(const Term& t);
  Expr prime(const Term& t);

  const Context& context_;
  bool keep_names_;
  std::vector<std::string> held_;    // defined names read as independent variables (operand())
  std::vector<std::string> ever_held_;  // every name held so far: an answer may hold it as a variable
  void remember_held(const std::string& name);
  // Tells the context that a derivative holds the defined name var, with the names its operand
  // reads (`operand`'s, or the defined name `target` differentiated).
  void tell_held(Expr var, const Term* operand, std::string_view target) const;
  std::vector<ActivePoint> points_;  // the `at`s being evaluated, innermost last
  // The `at`s of formulas (x = 2x) being evaluated: their bodies are taken as formulas, not at
  // them (derivatives see no point), but a procedure that finds its own points, or checks one
  // (critical, table, implicit), sees them.
  std::vector<ActivePoint> formula_points_;
  // The values of the defined names met so far in this statement (symbol_value), with what their
  // substitution lost when they were made while notes were taken. A name met twice is substituted
  // once: a chain of definitions that each use the one before twice (g2 = g1 + h1, h2 = g1 - h1,
  // ...) costs its length, not two to the power of it. Holding or releasing a name forgets them.
  struct KnownValue {
    Expr value;
    bool noted = false;
    std::vector<Expr> notes;
  };
  // Most statements name one or two defined names: those stay in place, in a list searched from
  // the front (a hash map allocated its buckets and a node in each statement: W5 50 took 30.4
  // rather than 29.4 million instructions); past `few`, an index finds them.
  class KnownValues {
   public:
    const KnownValue* find(Expr symbol) const;
    KnownValue& assign(Expr symbol, KnownValue known);
    void clear();

   private:
    static constexpr std::size_t few = 8, unknown = static_cast<std::size_t>(-1);
    std::size_t place_of(Expr symbol) const;  // in values_, or `unknown`
    boost::container::small_vector<std::pair<Expr, KnownValue>, 2> values_;
    std::unordered_map<Expr, std::size_t> index_;  // symbol -> its place in values_, past `few`
  };
  KnownValues known_values_;
};

}  // namespace ddx::eval
