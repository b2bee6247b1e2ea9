// SPDX-License-Identifier: GPL-3.0-or-later
// What a statement asks, with every name resolved: the output of src/resolve and the input of
// src/eval. A Term is an expression whose plain parts are already canonical expressions (defined
// names kept as symbols: evaluation decides what they stand for) and whose other parts say what
// is asked of them: a derivative, a Leibniz form, a point, a procedure, a comparison. No calculus
// has happened yet; every node keeps its span in the line for the errors evaluation may raise.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/expr.hpp"
#include "grammar/ast.hpp"

namespace ddx::resolve {

using grammar::DiffVar;
using grammar::SourceSpan;

enum class TermKind {
  Value,       // expr: a resolved expression (defined names kept as symbols)
  Sum,         // children with ops[i] '+' or '-'
  Product,     // children with ops[i] ' ' (times) or '/' (divided by)
  Power,       // children {base, exponent}
  Negate,      // children {operand}
  Apply,       // a function applied to arguments that are not all values (sin(d/dx x^2)):
               // children = arguments; function (a built-in or abstract one), or expr = a defined
               // function's body over params
  Vector,      // children: elements (a matrix is a vector of vectors)
  Derivative,  // d/dx E, ∂^2/∂x∂y E, d(E)/dx: children {operand}; vars; partial
  Leibniz,     // dy/dx, ∂f/∂x, d^2y/dx^2: name, vars, partial, of; children = a point written after
               // it (∂f/∂x(1, 2)); expr = a defined function's body, params its parameters. Only as
               // an argument of a procedure may the name be undefined (implicit(F = G, dy/dx)).
  Prime,       // f'(x): name, order, children = arguments; expr = the function's body over
               // params[0] (a built-in or defined function), or function (an abstract one)
  At,          // E at x = 1, y = 2: children {E, values...}; names = the point's names
  Call,        // a procedure: name, children = arguments
  Binding,     // `x = a` as an argument, x a variable name: name, children {a}
  Range,       // `x = a .. b [step s]` as an argument: name, children {a, b[, s]}
  Equation,    // `F = G` as an argument (also `xy = 1`, whose left side is no variable name): children {F, G}
  Compare,     // A == B: children {A, B}
  Answer,      // ans
};

// What a Leibniz form's name is: a defined variable, a defined or abstract function, or (as a
// procedure's argument only) a name not defined at all, which the procedure may give a meaning
// (implicit); anywhere else evaluating it is the error undefined_leibniz_message().
enum class LeibnizOf { Variable, Function, Abstract, Undefined };

struct Term {
  TermKind kind = TermKind::Value;
  SourceSpan span;
  Expr expr;
  std::vector<Term> children;
  std::string ops;                 // Sum, Product: one per child
  std::string name;                // Leibniz, Prime, Call, Binding, Range
  SourceSpan name_span;
  std::vector<DiffVar> vars;       // Derivative, Leibniz
  bool partial = false;            // Derivative, Leibniz: written with ∂
  std::uint64_t order = 0;         // Prime: the number of primes
  LeibnizOf of = LeibnizOf::Variable;
  std::vector<Expr> params;        // Leibniz of a function, Prime: the parameters; Leibniz of a
                                   // variable: the defined names it holds fixed ((∂z/∂x)_u)
  FunctionId function = 0;         // Apply; Prime of an abstract function
  bool abstract = false;           // Prime of an abstract function
  std::vector<std::string> names;  // At: the point's names, one per value; Call: each argument
                                   // written as a bare name, that name (else empty)
  std::vector<SourceSpan> name_spans;
  std::vector<Expr> dropped;       // At: what simplification took out of the expression as it was
                                   // read (core/dropped.hpp), to be checked at the point; Apply of
                                   // a defined function: what its body lost (over its parameters);
                                   // a procedure's argument: what it lost (table, plot, tangent);
                                   // Derivative: what its operand lost
  // A derivative's operand, a procedure's argument: the defined functions its reading called
  // (their bodies are in it); null for none, as nearly always (a Term is made for every part).
  std::shared_ptr<const std::vector<std::string>> functions;

  static Term value(Expr e, SourceSpan s) {
    Term t;
    t.expr = e;
    t.span = s;
    return t;
  }
  bool is_value() const { return kind == TermKind::Value; }
};

enum class RequestKind { Expression, Definition, FunctionDefinition, Command };

// One statement.
struct Request {
  RequestKind kind = RequestKind::Expression;
  SourceSpan span;
  bool steps = false;           // `steps STMT`
  bool backprop = false;        // `backprop STMT`
  Term body;                    // Expression, Definition, FunctionDefinition
  SourceSpan body_span;         // where the body is written
  std::string name;             // Definition, FunctionDefinition: the name; Command: the command
  SourceSpan name_span;
  std::vector<Expr> params;     // FunctionDefinition
  std::string args;             // Command: its raw arguments
};

}  // namespace ddx::resolve
