// SPDX-License-Identifier: GPL-3.0-or-later
// The derivative forms and points (see resolve.hpp): d/dx E (also written as a fraction,
// d(E)/dx), dy/dx of a defined name, function or abstract function, f'(x), and `E at x = a`.
// What each is of is decided here; what it is worth is evaluation's business.
#include <algorithm>
#include <optional>
#include <utility>

#include "core/dropped.hpp"
#include "core/functions.hpp"
#include "core/limits.hpp"
#include "resolve/names.hpp"
#include "resolve/resolver.hpp"

namespace ddx::resolve {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

void check_variables(const Node& n) {
  for (const DiffVar& v : n.vars) {
    // `d/dx_(-1)`: the operator's variable is a name, and the bracket its operand's (an entry
    // with a negative subscript is a variable of diff: diff(E, x_(-1))).
    if (v.name.size() > 1 && v.name.back() == '_')
      throw ResolveError{n.span, "a derivative by an entry with a negative subscript is written diff(E, " + v.name +
                                     "(-1)): the variable of d/dx or ∂/∂x is a name"};
    if (!is_identifier(v.name) || (n.kind == NodeKind::DerivOp && (v.name == "e" || v.name == "pi")))
      throw ResolveError{n.span, "cannot differentiate with respect to '" + v.name + "'"};
  }
}

// A derivative written as a term or a term's factor, signs and brackets aside (d/dx E, ∂/∂x E,
// d(E)/dx, dy/dx, f'(x), diff(E, x), as 2 d/dx x^3, -dy/dx, (d/dx x^3) and sin'(x) are): the
// first, else null.
const Node* derivative_among_factors(const Node& term) {
  const Node* t = &term;
  while (t->kind == NodeKind::Neg || t->kind == NodeKind::Group || t->kind == NodeKind::Held) t = &t->children[0];
  if (t->kind == NodeKind::DerivOp || t->kind == NodeKind::Leibniz || t->kind == NodeKind::Prime ||
      (t->kind == NodeKind::Apply && t->text == "diff"))
    return t;
  if (t->kind != NodeKind::Product) return nullptr;
  for (const Node& factor : t->children)
    if (const Node* found = derivative_among_factors(factor)) return found;
  return nullptr;
}

// The first derivative among the terms after the first of a sum (d/dx x^2 + 2 d/dx x^3 as an
// operand, 1 + d/dx x^3 as a value after `at`), else null: inside it, or beside it?
const Node* derivative_in_later_term(const Node& n) {
  if (n.kind != NodeKind::Sum) return nullptr;
  for (std::size_t i = 1; i < n.children.size(); ++i)
    if (const Node* inner = derivative_among_factors(n.children[i])) return inner;
  return nullptr;
}

Term form(TermKind kind, const Node& n) {
  Term t;
  t.kind = kind;
  t.span = n.span;
  t.name = n.text;
  t.name_span = n.name_span;
  t.vars = n.vars.list();
  t.partial = n.is_partial;
  return t;
}

}  // namespace

// A defined function named bare, differentiated by a name that is none of its parameters (dh/dx,
// d/dx h after h(t) = sin(t)): its body holds no x, and 0 would answer a question not asked.
void Resolver::refuse_variable_not_a_parameter(const Node& n, const std::string& name, const FunctionDefinition& def) const {
  std::vector<std::string> params;
  for (Expr p : def.params) params.push_back(p.name());
  for (const DiffVar& v : n.vars)
    if (std::find(params.begin(), params.end(), v.name) == params.end())
      throw ResolveError{n.span, name + " is a function of " + join(params) + ", not of " + v.name +
                                     ": differentiate by its parameters, or write d/d" + v.name + " " + name + "(...)"};
}

Term Resolver::derivative_operator(const Node& n) {
  check_variables(n);
  // d/dh h^2 after h(t) = t^2: h there is t^2, which holds no h (a silent 0).
  for (const grammar::DiffVar& v : n.vars)
    if (function(v.name) && !is_variable(v.name))
      throw ResolveError{n.span, "'" + v.name + "' is a function: differentiate by a variable (its parameter, or a name "
                                                 "it is applied to)"};
  // d/dθ θ(θ + 1): θ the variable, and a function called (a Greek name before a bracket is a
  // call), whose derivative came out as theta'(theta + 1) where 2θ + 1 was meant.
  // (a leaf, the F of ∂/∂x F, calls nothing: asked only of an operand with parts)
  if (!n.children[0].children.empty())
    for (const grammar::DiffVar& v : n.vars)
      if (calls_as_function(n.children[0], v.name))
        throw ResolveError{n.span, "'" + v.name + "' is the variable of this derivative and a function called in its "
                                   "operand: write " + v.name + "*(...) for a product, or name the function otherwise"};
  // d/dx x^3 / d/dx x^2: the second operator inside the first's operand (x), or the quotient of
  // the two derivatives (3x/2)? Paper would mean the latter; the operand's rule the former. Ask.
  if (const Node& operand = n.children[0]; operand.kind == NodeKind::Product)
    for (std::size_t i = 1; i < operand.children.size(); ++i) {
      const Node* factor = &operand.children[i];
      while (factor->kind == NodeKind::Neg) factor = &factor->children[0];
      if (factor->kind == NodeKind::DerivOp)
        throw ResolveError{factor->span, "a second derivative operator inside the first's operand is ambiguous: write "
                                         "(d/dx ...) * (d/dx ...) for a product of derivatives, or d/dx (... d/dx ...) "
                                         "to differentiate the whole"};
    }
  // d/dx x^2 + 2 d/dx x^3: the second derivative inside the first's operand (14x), or beside it
  // (2x + 6x^2), as `d/dx x^2 + d/dx x^3` is (the grammar ends an operand only where a `+`/`-`
  // is followed by the operator itself)? So dy/dx, d(x^3)/dx, f'(x) and diff(...) after a sign and
  // factors.
  if (const Node* inner = derivative_in_later_term(n.children[0]))
    throw ResolveError{inner->span, "a derivative after '+' or '-' inside a derivative's operand is ambiguous: "
                                    "write (d/dx ...) + ... for a sum of derivatives, or d/dx (... + ...) to "
                                    "differentiate the whole"};
  Term t = form(TermKind::Derivative, n);
  // What its operand loses as it is read (sqrt(x) of sqrt(x)^2, which reads as x), kept with the
  // derivative too: where that may end, the derivative needs values on both sides of its point.
  std::vector<Expr>* notes = required_notes();
  std::size_t const noted_before = notes ? notes->size() : 0;
  std::size_t const called_before = functions_called_.size();
  t.children.push_back(term(n.children[0]));
  t.children.back().functions = called_since(called_before);
  if (notes) t.dropped.assign(notes->begin() + static_cast<std::ptrdiff_t>(noted_before), notes->end());
  // d/dx h after h(t) = sin(t): dh/dx, written the other way, which is refused (it was 0). (A
  // function named bare reads as its body with its parameters: only then is it looked up.)
  if (const Node& operand = n.children[0]; operand.kind == NodeKind::Word && !t.children.back().params.empty())
    if (const FunctionDefinition* def = function(operand.text)) refuse_variable_not_a_parameter(n, operand.text.str(), *def);
  return t;
}

namespace {

// The position (0-based) that the default parameter name `x<k>` stands for in a function of
// `arity` arguments (the names derivative_vars prints for parameters without names), or nullopt.
std::optional<int> default_parameter_position(std::string_view name, std::size_t arity) {
  if (name.size() < 2 || name[0] != 'x' || name[1] == '0') return std::nullopt;
  std::size_t k = 0;
  for (char c : name.substr(1)) {
    if (!is_digit(c) || k > arity) return std::nullopt;
    k = k * 10 + static_cast<std::size_t>(c - '0');
  }
  if (k < 1 || k > arity) return std::nullopt;
  return static_cast<int>(k - 1);
}

// The refusal of a name that is one parameter's (`named`) and by position another's: after
// f(x2, y), x2 (the first by name, the second by position). Each way to write one of them without
// the other is offered, where there is one (after q(x2, x1) there is none: :clear names again).
std::string ambiguous_parameter(const std::string& f, const std::vector<std::string>& params, const std::string& name,
                                std::size_t named, std::size_t position) {
  auto positional = [](std::size_t slot) { return "x" + std::to_string(slot + 1); };
  auto reads_as = [&](const std::string& written, std::size_t slot) {
    auto it = std::find(params.begin(), params.end(), written);
    std::optional<int> by_position = default_parameter_position(written, params.size());
    return (it == params.end() || static_cast<std::size_t>(it - params.begin()) == slot) &&
           (!by_position || static_cast<std::size_t>(*by_position) == slot);
  };
  std::string message = "'" + name + "' is ambiguous here: " + f + "'s parameter " + std::to_string(named + 1) + " is named " +
                        name + ", and " + name + " also means parameter " + std::to_string(position + 1) + " by position";
  std::vector<std::string> ways;
  if (reads_as(positional(named), named)) ways.push_back(positional(named) + " for parameter " + std::to_string(named + 1));
  if (reads_as(params[position], position)) ways.push_back(params[position] + " for parameter " + std::to_string(position + 1));
  if (ways.empty()) return message + " (:clear " + f + " to name its parameters again)";
  return message + ": write " + ways[0] + (ways.size() > 1 ? ", or " + ways[1] : "");
}

// Appends `position` once per order of `v` (∂^2f/∂u^2 differentiates twice by u).
void append_index(std::vector<int>& indices, const Node& n, const DiffVar& v, int position) {
  if (v.count > static_cast<std::uint64_t>(max_derivative_order))
    throw ResolveError{n.span, "derivative order must be at most " + std::to_string(max_derivative_order)};
  indices.insert(indices.end(), static_cast<std::size_t>(v.count), position);
}

}  // namespace

// The derivative of the abstract function f by the parameters at `indices`, at the point n
// holds (its parameters themselves when it holds none).
Term Resolver::abstract_leibniz(const Node& n, FunctionId f, std::vector<int> indices) {
  const FunctionInfo& info = function_info(f);
  std::vector<Expr> args;
  if (n.children.empty()) {
    for (const std::string& p : info.params) args.push_back(sym(p));
  } else {
    if (static_cast<int>(n.children.size()) != info.arity)
      throw ResolveError{n.span, n.text + " takes " + std::to_string(info.arity) + " argument(s)"};
    std::vector<Term> terms;
    for (const Node& c : n.children) terms.push_back(term(c));
    if (!std::all_of(terms.begin(), terms.end(), [](const Term& a) { return a.is_value(); })) {
      Term t = form(TermKind::Leibniz, n);
      t.of = LeibnizOf::Abstract;
      t.function = f;
      t.children = std::move(terms);
      return t;
    }
    for (const Term& a : terms) args.push_back(a.expr);
  }
  return Term::value(derivative(f, std::move(args), std::move(indices)), n.span);
}

// The function a Leibniz form ∂f/∂u names. Where f has stood for unknown functions of several
// numbers of arguments (f(t), then f(x, y)), the one its point has as many arguments as, or the
// one whose parameters it names (∂f/∂x, printed for f(x, y), was read as f(t)'s and refused).
std::optional<FunctionId> Resolver::abstract_named_by(const Node& n) const {
  std::optional<FunctionId> first = find_function(n.text);
  if (!first || !function_info(*first).abstract || !abstract_arities_differ()) return first;
  std::vector<FunctionId> fits;
  for (FunctionId g : abstract_functions_named(n.text)) {
    const FunctionInfo& info = function_info(g);
    bool fit = n.children.empty() ? std::all_of(n.vars.begin(), n.vars.end(), [&](const DiffVar& v) {
      return std::find(info.params.begin(), info.params.end(), v.name) != info.params.end();
    }) : info.arity == static_cast<int>(n.children.size());
    if (fit) fits.push_back(g);
  }
  if (fits.size() > 1) {
    std::string arities;
    for (FunctionId g : fits) arities += (arities.empty() ? "" : " and ") + std::to_string(function_info(g).arity);
    throw ResolveError{n.span, "'" + n.text + "' has stood for unknown functions of " + arities + " arguments here, which " +
                                   "all have these parameters: write the point, as ∂" + n.text + "/∂" + n.vars[0].name + "(...)"};
  }
  return fits.empty() ? first : fits.front();
}

Term Resolver::leibniz(const Node& n, bool argument) {
  check_variables(n);
  // A defined function named bare: df/dx is the derivative of its body (after h(t) = sin(t),
  // dh/dt is cos(t)); its definition replaces any abstract f seen before.
  if (const FunctionDefinition* def = function(n.text)) {
    refuse_variable_not_a_parameter(n, n.text.str(), *def);
    Term t = form(TermKind::Leibniz, n);
    t.of = LeibnizOf::Function;
    t.expr = body_as_read(*def);
    t.params = def->params;
    t.dropped = def->dropped;  // (what the body lost, over its parameters: h(t) = t/t has no h'(0))
    if (!n.children.empty() && n.children.size() != def->params.size())
      throw ResolveError{n.span, n.text + " takes " + std::to_string(def->params.size()) + " argument(s)"};
    for (const Node& c : n.children) t.children.push_back(term(c));
    return t;
  }
  bool variable = is_variable(n.text);
  if (!variable) {
    // `∂f/∂u` for an abstract f(u, v): the derivative node at the parameters (the printed form of
    // abstract derivatives, which must re-parse).
    std::optional<FunctionId> f = abstract_named_by(n);
    if (f && function_info(*f).abstract && !function_info(*f).params.empty()) {
      const FunctionInfo& info = function_info(*f);
      std::vector<int> indices;
      for (const DiffVar& v : n.vars) {
        // xk is the k-th position (ddx prints it so where a name would say another: the first of
        // f(x2, x3) is x1); other names are the parameters'. One that is both, a parameter's name
        // and another position's (x2, for the first of f(x2, y)), is ambiguous.
        auto it = std::find(info.params.begin(), info.params.end(), v.name);
        if (std::optional<int> position = default_parameter_position(v.name, info.params.size())) {
          auto const named = it - info.params.begin();
          if (it != info.params.end() && named != *position)
            throw ResolveError{n.span, ambiguous_parameter(n.text.str(), info.params, v.name, static_cast<std::size_t>(named),
                                                           static_cast<std::size_t>(*position))};
          append_index(indices, n, v, *position);
          continue;
        }
        if (it == info.params.end())
          throw ResolveError{n.span, n.text + " has no parameter '" + v.name + "' (its parameters: " + join(info.params) + ")"};
        append_index(indices, n, v, static_cast<int>(it - info.params.begin()));
      }
      return abstract_leibniz(n, *f, std::move(indices));
    }
    // `∂f/∂x2(x^2, x)`: an abstract f whose parameters have no names (it was first applied to
    // expressions, not to symbols) prints its partial derivatives by position, x1, x2, ...; read
    // back, those names mean the same positions.
    if (!n.children.empty() && (!f || (function_info(*f).abstract && function_info(*f).params.empty())) &&
        !function(n.text) && !is_reserved(n.text, scope_)) {
      std::vector<int> indices;
      for (const DiffVar& v : n.vars) {
        std::optional<int> position = default_parameter_position(v.name, n.children.size());
        if (!position && f && function_info(*f).arity == static_cast<int>(n.children.size())) {
          std::vector<std::string> names;
          for (std::size_t i = 1; i <= n.children.size(); ++i) names.push_back("x" + std::to_string(i));
          throw ResolveError{n.span, n.text + " has no parameter '" + v.name + "' (its parameters, by position: " +
                                         join(names) + ")"};
        }
        if (!position) {
          indices.clear();
          break;
        }
        append_index(indices, n, v, *position);
      }
      if (!indices.empty()) {
        scope_.calls_abstract(n.text);
        FunctionId g = abstract_function(n.text, static_cast<int>(n.children.size()));
        if (function_info(g).params.empty()) return abstract_leibniz(n, g, std::move(indices));
      }
    }
  }
  if (variable && !n.children.empty())
    throw ResolveError{n.children[0].span, "'" + n.text + "' is a defined name, not a function: write d" + n.text + "/d" +
                                               n.vars[0].name + " at ... for its value at a point, or a * between for a " +
                                               "product (d" + n.text + "/d" + n.vars[0].name + " * (...))"};
  if (!variable) {
    // dx/dx: the variable itself.
    if (n.vars.size() == 1 && n.vars[0].name == n.text && n.children.empty())
      return Term::value(n.vars[0].count == 1 ? Expr(1) : Expr(0), n.span);
    // A procedure's argument keeps it as written: implicit(x^2 + y^2 = 1, dy/dx) gives it a meaning.
    if (argument && n.children.empty()) {
      Term t = form(TermKind::Leibniz, n);
      t.of = LeibnizOf::Undefined;
      return t;
    }
    throw ResolveError{n.name_span, undefined_leibniz_message(n.text, n.vars[0].name)};
  }
  Term t = form(TermKind::Leibniz, n);
  t.of = LeibnizOf::Variable;
  return t;
}

// `(∂z/∂x)_u`: the partial derivative of the defined z by x with the defined names after the
// bracket held fixed, as the chain display writes the direct part of a chain (∂z/∂x = ∂z/∂u *
// du/dx + (∂z/∂x)_u); plain ∂z/∂x chains through u as well.
Term Resolver::held_partial(const Node& n) {
  const Node* inner = &n.children[0];
  while (inner->kind == NodeKind::Group) inner = &inner->children[0];
  std::string const usage = "a subscript after a bracket names the defined names a partial derivative holds fixed: "
                            "(∂z/∂x)_u, or (∂z/∂x)_(u, v)";
  if (inner->kind != NodeKind::Leibniz || !inner->is_partial || inner->vars.size() != 1 || inner->vars[0].count != 1 ||
      !inner->children.empty())
    throw ResolveError{n.span, usage};
  Term t = leibniz(*inner);
  if (t.kind != TermKind::Leibniz || t.of != LeibnizOf::Variable)
    throw ResolveError{inner->name_span, usage + "; '" + inner->text + "' is " +
                                             (t.of == LeibnizOf::Function
                                                  ? "a defined function, whose partial derivatives hold its other parameters fixed"
                                                  : "no defined name")};
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const Node& held = n.children[i];
    if (held.text.view() == inner->vars[0].name)
      throw ResolveError{held.span, "a derivative by " + held.text + " cannot hold " + held.text + " fixed"};
    if (held.text == inner->text)  // (z held fixed has no derivative but 0: (∂z/∂x)_z was ∂z/∂x)
      throw ResolveError{held.span, "a derivative of " + held.text + " cannot hold " + held.text + " itself fixed"};
    if (!is_variable(held.text))
      throw ResolveError{held.span, "'" + held.text + "' is no defined name: ∂" + inner->text + "/∂" + inner->vars[0].name +
                                        " holds every variable but " + inner->vars[0].name + " fixed already"};
    Expr const name = sym(held.text);
    if (std::find(t.params.begin(), t.params.end(), name) == t.params.end()) t.params.push_back(name);
  }
  t.span = n.span;
  return t;
}

Term Resolver::prime(const Node& n) {
  std::vector<Term> args;
  {
    ReadingPoint point(*this, true);  // f'(0.1 * 3) is a derivative at a point: a check's reading takes it exactly
    for (const Node& c : n.children) args.push_back(term(c));
  }
  const std::string w = n.text.str();
  if (n.order() > static_cast<std::uint64_t>(max_derivative_order))
    throw ResolveError{n.span, "derivative order must be at most " + std::to_string(max_derivative_order)};
  Term t = form(TermKind::Prime, n);
  t.order = n.order();
  if (const FunctionDefinition* def = function(w)) {
    if (def->params.size() != 1 || args.size() != 1) throw ResolveError{n.span, "'" + w + "' needs a function of one variable"};
    t.expr = body_as_read(*def);
    t.params = def->params;
    t.dropped = def->dropped;  // (what the body lost, over its parameters: h(t) = t/t has no h'(0))
  } else if (builtin_name(w) || !log_base(w).empty()) {  // sin'(x), log_2'(x)
    std::string primed = w + std::string(static_cast<std::size_t>(n.order()), '\'');
    if (builtin_name(w)) {
      int arity = function_info(*find_function(*builtin_name(w))).arity;
      if (arity != 1)  // max'(x): a prime needs one variable, and max has two
        throw ResolveError{n.span, primed + " needs a function of one variable, and " + w + " takes " + std::to_string(arity) + " arguments"};
    }
    if (args.size() != 1) throw ResolveError{n.span, primed + " needs a function of one variable"};
    Expr param = sym("_t");  // a private symbol: user identifiers never start with '_'
    t.expr = value_of(apply_builtin(w, {Term::value(param, n.span)}, n));
    t.params = {param};
  } else if (is_variable(w)) {
    // y'(3) after y = x^2 was the abstract function y's derivative, the definition passed over.
    throw ResolveError{n.name_span, "'" + w + "' is a defined variable, not a function: write d/dx " + w +
                                        " at x = ... for its derivative, or define a function: " + w + "(t) = ..."};
  } else {
    refuse_prime_of_no_function(n);
    if (args.size() != 1) throw ResolveError{n.span, "'" + w + "' needs a function of one variable; use diff(" + w + "(...), var)"};
    Term f = abstract_call(n, args);
    t.abstract = true;
    t.function = f.is_value() ? (f.expr.is(Kind::Call) ? f.expr.function() : 0) : f.function;
    if (f.is_value() && !f.expr.is(Kind::Call)) throw ResolveError{n.span, "cannot differentiate " + w};
    if (args[0].is_value())
      return Term::value(derivative(t.function, {args[0].expr}, std::vector<int>(static_cast<std::size_t>(n.order()), 0)), n.span);
  }
  t.children = std::move(args);
  return t;
}

namespace {

// Whether the syntax holds a derivative (d/dx, dy/dx, f'(x), diff(...)).
bool holds_derivative(const Node& n) {
  if (n.kind == NodeKind::DerivOp || n.kind == NodeKind::Leibniz || n.kind == NodeKind::Prime) return true;
  if (n.kind == NodeKind::Apply && n.text == "diff") return true;
  return std::any_of(n.children.begin(), n.children.end(), holds_derivative);
}

}  // namespace

namespace {
// Whether the syntax names the word `name` (as a word of its own, or a call's name).
bool names_word(const Node& n, std::string_view name) {
  if ((n.kind == NodeKind::Word || n.kind == NodeKind::Apply) && n.text == name) return true;
  return std::any_of(n.children.begin(), n.children.end(), [&](const Node& c) { return names_word(c, name); });
}
}  // namespace

// Whether the syntax calls `name` as a function: θ(θ + 1) (a Greek name before a bracket is a
// call), f'(x); x(x + 1) is a product.
bool Resolver::calls_as_function(const Node& n, std::string_view name) {
  if (n.kind == NodeKind::Prime && n.text == name) return true;
  if (n.kind == NodeKind::Apply && n.text == name && apply_is_call(n)) return true;
  for (const Node& c : n.children)
    if (calls_as_function(c, name)) return true;
  return false;
}

Term Resolver::at(const Node& n) {
  Term t;
  t.kind = TermKind::At;
  t.span = n.span;
  // The point first, as it is evaluated first.
  std::vector<Term> values;
  // (A check's reading takes a derivative's point exactly: read_decimals_as_symbols.)
  bool exact_point = decimals_read_ == DecimalsRead::ExactPoints && holds_derivative(n.children[0]);
  for (std::size_t i = 1; i < n.children.size(); ++i) {
    const Node& eq = n.children[i];
    if (eq.kind != NodeKind::Equation || !is_identifier(eq.text))
      throw ResolveError{eq.span, "expected NAME = VALUE after 'at'"};
    // x^2 at x = 1, x = 2 took the last value without a word.
    if (std::find(t.names.begin(), t.names.end(), eq.text.str()) != t.names.end())
      throw ResolveError{eq.name_span, "'" + eq.text.str() + "' is given two values after 'at'"};
    // e^x at e = 2 and f(x) at f = 2 passed the binding over (a constant or a function is no variable).
    if (eq.text == "e" || eq.text == "pi")
      throw ResolveError{eq.name_span, "'" + eq.text.str() + "' is a constant: 'at' gives values to variables"};
    auto const abstract = [&] { auto f = find_function(eq.text); return f && function_info(*f).abstract; };
    if (word_facts(eq.text).function || function(eq.text) || scope_.is_procedure(eq.text) ||
        (!is_variable(eq.text) && (is_fgh_name(eq.text) || abstract())))
      throw ResolveError{eq.name_span, "'" + eq.text.str() + "' is a function: 'at' gives values to variables (write " +
                                           eq.text.str() + "(2) for its value at 2)"};
    // θ(θ + 1) at θ = 2 was theta(3): a name called as a function is no variable to give a value.
    if (calls_as_function(n.children[0], eq.text))
      throw ResolveError{eq.name_span, "'" + eq.text.str() + "' is called as a function here: 'at' gives values to "
                                           "variables (write " + eq.text.str() + "*(...) for a product)"};
    // x + y at x = y, y = 2: x = y given first (y + 2), or all at once (4)? Ask.
    for (std::size_t j = 1; j < n.children.size(); ++j)
      if (j != i && n.children[j].kind == NodeKind::Equation && names_word(eq.children[0], n.children[j].text))
        throw ResolveError{eq.children[0].span, "the value of " + eq.text.str() + " names " + n.children[j].text.str() +
                                                    ", which this 'at' gives a value too: write the two in separate "
                                                    "steps, as (E at " + eq.text.str() + " = ...) at " +
                                                    n.children[j].text.str() + " = ..."};
    // d/dx x^2 at x = 1 + d/dx x^3: the value 1 + 3x^2 (6x^2 + 2), or the derivative added to
    // the value at 1 (3x^2 + 2)? Ask, as inside a derivative's operand.
    if (const Node* inner = derivative_in_later_term(eq.children[0]))
      throw ResolveError{inner->span, "a derivative after '+' or '-' in the value after 'at' is ambiguous: write "
                                      "(E at " + eq.text.str() + " = ...) + ... to add it to the value at the "
                                      "point, or E at " + eq.text.str() + " = (... + ...) for a point that holds it"};
    {
      ReadingPoint point(*this, exact_point);
      values.push_back(term(eq.children[0]));
    }
    t.names.push_back(eq.text.str());
    t.name_spans.push_back(eq.name_span);
  }
  {
    DroppedParts reading(t.dropped);
    t.children.push_back(term(n.children[0]));
  }
  for (Term& v : values) t.children.push_back(std::move(v));
  // approx(E, 30) at x = 1 is approx(E at x = 1, 30): the digits asked for are approx's (its
  // decimal taken at the point was a double's 17 digits, and approx(x + pi, 30) at x = 1 was
  // refused, x having no value inside).
  if (Term& body = t.children.front(); body.kind == TermKind::Call && body.name == "approx" && !body.children.empty()) {
    Term call = std::move(body);
    body = std::move(call.children.front());
    call.children.front() = std::move(t);
    call.span = n.span;
    return call;
  }
  return t;
}

}  // namespace ddx::resolve
