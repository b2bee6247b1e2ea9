// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix statements from syntax trees (see resolve_matrix.hpp).
#include "resolve/resolve_matrix.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/limits.hpp"
#include "resolve/names.hpp"
#include "resolve/resolver.hpp"

namespace ddx::resolve {
namespace {

using grammar::Node;
using grammar::NodeKind;
using matrix::Tree;

[[noreturn]] void fail(SourceSpan span, std::string message) { throw ResolveError{span, std::move(message)}; }

// The operator between two operands: the first character after the left one that is not a
// space (juxtaposition has none: the right operand's first character).
SourceSpan operator_span(std::string_view line, SourceSpan left, SourceSpan right) {
  std::uint32_t at = left.end;
  while (at < right.begin && at < line.size() && line[at] == ' ') ++at;
  return {at, at + 1};
}

// The error for a function a matrix expression does not have (sin, an abstract g, a procedure).
[[noreturn]] void unsupported_function(SourceSpan span, std::string_view name) {
  fail(span, "'" + std::string(name) + "' is not supported in a matrix expression (transpose, inv, det, tr, norm, logdet, log, "
             "exp, sqrt, sigmoid, softmax, sum, diag are)");
}

bool is_word(const Node& n, std::string_view text) { return n.kind == NodeKind::Word && n.text == text; }

struct Reader {
  const matrix::Declarations& declared;
  const Scope& scope;
  std::string_view line;
  std::vector<Tree>& named;  // the declared names read (MatrixRequest::named)

  std::string written(SourceSpan span) const {
    std::size_t b = std::min<std::size_t>(span.begin, line.size()), e = std::min<std::size_t>(span.end, line.size());
    return std::string(line.substr(b, e - b));
  }
  std::string written(const Node& n) const { return written(n.span); }
  // 'x^T' (1×n): an operand as written, with its shape.
  std::string described(SourceSpan span, const Tree& t) const {
    return "'" + written(span) + "' (" + matrix::shape_text(t->shape) + ")";
  }
  std::string described(const Node& n, const Tree& t) const { return described(n.span, t); }

  // Builds with the matrix constructors; their errors (a non-square inverse) point at `span`.
  template <typename F>
  Tree at(SourceSpan span, F build) const {
    try {
      return build();
    } catch (const MathError& e) {
      fail(span, e.what());
    }
  }

  // A name standing alone: a declared vector or matrix, the identity I_n, or a scalar. A defined
  // name is refused: ignoring its definition would answer about another expression.
  Tree name(const std::string& w, SourceSpan span) const {
    if (const auto* d = declared.find(w)) {
      named.push_back(matrix::symbol(d->name, d->shape));
      return named.back();
    }
    if (w == "T") fail(span, "'T' stands alone: a transpose is written x^T");
    if (const auto* owner = entry_owner(w))
      fail(span, "'" + w + "' is an entry of " + owner->name + ", which matrix notation takes whole: write the expression in " +
                     owner->name);
    if (scope.is_variable(w) || scope.function(w))
      fail(span, "'" + w + "' is defined, and matrix expressions do not use definitions: write its value instead, or :clear " + w);
    if (w.starts_with("I_") && w.size() > 2) {  // I_n, I_3: the identity
      std::string size = w.substr(2);
      bool digits = std::all_of(size.begin(), size.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      if (digits && size.size() < 10) return matrix::identity(num(Number::from_integer_text(size)));
      if (!digits && std::isalpha(static_cast<unsigned char>(size[0]))) return matrix::identity(sym(size));
    }
    return matrix::scalar_name(w);
  }

  // The declaration whose entry a written-out answer would name w (x_1, A_12, A_1_10), or nullptr:
  // such a name in notation would be a constant there and the entry once written out.
  const matrix::Declaration* entry_owner(std::string_view w) const {
    for (const matrix::Declaration& d : declared.list()) {
      if (w.size() <= d.name.size() + 1 || !w.starts_with(d.name) || w[d.name.size()] != '_') continue;
      std::string_view index = w.substr(d.name.size() + 1);
      if (std::isdigit(static_cast<unsigned char>(index[0])) &&
          std::all_of(index.begin(), index.end(), [](char c) { return c == '_' || std::isdigit(static_cast<unsigned char>(c)); }))
        return &d;
    }
    return nullptr;
  }

  // One factor of a product as written: its tree, where it is, and its text when it is a word.
  struct WordFactor {
    Tree tree;
    SourceSpan span;
    std::string text;
  };
  // A factor of a word as text: the word itself when it is declared, else a factor of the scalar
  // reading (`ax` = a·x, `Ax` = A·x; `loss`, `sinx` and `pix` are refused there and here).
  struct Part {
    std::string text;
    SourceSpan span;
  };

  std::vector<Part> word_parts(const Node& n) const {
    if (declared.find(n.text)) return {{n.text.str(), n.span}};
    if (is_matrix_function(n.text.str()))  // log x: a product with a function named log, or log(x)?
      fail(n.span, "'" + n.text + "' takes its argument in brackets in a matrix expression: " + n.text + "(...)");
    if (word_facts(n.text).function) unsupported_function(n.span, n.text);  // sin x, sin^2 x
    std::vector<Part> parts;
    for (Resolver::WordPart& p : Resolver(scope).word_parts(n.text, n.span)) {
      if (p.term.kind == TermKind::Answer) fail(p.term.span, "'ans' cannot be used in a matrix expression");
      parts.push_back({std::string(p.text), p.term.span});
    }
    return parts;
  }

  WordFactor factor(const Part& part) const {
    bool constant = part.text == "e" || part.text == "pi";
    return {constant ? matrix::scalar_name(part.text) : name(part.text, part.span), part.span, part.text};
  }

  std::vector<WordFactor> word_factors(const Node& n) const {
    std::vector<WordFactor> factors;
    for (const Part& part : word_parts(n)) factors.push_back(factor(part));
    return factors;
  }

  // The product of a word's factors, in the order written.
  Tree product_of(const std::vector<WordFactor>& factors, const Node& n) const {
    if (factors.size() == 1) return factors[0].tree;
    std::vector<Tree> fs;
    for (const WordFactor& f : factors) {
      const Tree& t = f.tree;
      if (!fs.empty() && !fs.back()->shape.scalar() && !t->shape.scalar() && fs.back()->shape.cols != t->shape.rows)
        fail(n.span, "mismatched shapes in '" + written(n) + "': " + matrix::shape_text(fs.back()->shape) + " times " +
                         matrix::shape_text(t->shape));
      fs.push_back(t);
    }
    return at(n.span, [&] { return matrix::product(fs); });
  }

  Tree word(const Node& n) const { return product_of(word_factors(n), n); }

  Number integer(const Node& n) const {
    if (n.kind == NodeKind::Number && !n.is_float) return Number::from_integer_text(n.text);
    if (n.kind == NodeKind::Neg) return -integer(n.children[0]);
    if (n.kind == NodeKind::Group) return integer(n.children[0]);
    fail(n.span, "expected a whole number");
  }

  Tree sum(const Node& n) const {
    Tree acc = term(n.children[0]);
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      Tree t = term(n.children[i]);
      if (!(acc->shape == t->shape))
        fail(operator_span(line, n.children[i - 1].span, n.children[i].span),
             "mismatched shapes in a sum: " + (i == 1 ? described(n.children[0], acc) : matrix::shape_text(acc->shape)) +
                 " and " + described(n.children[i], t));
      if (n.op_before(i) == '-') t = matrix::scale(Number(-1), t);
      acc = matrix::sum({acc, t});
    }
    return acc;
  }

  // One operand of a product chain, where it is written and the operator before it.
  struct Operand {
    Tree tree;
    char op;
    SourceSpan span;
  };

  // A product's operands in order. A run of letters and a name before a bracket read as a
  // product give their factors to the chain, as scalar statements take them: y^T B a (X^T y) is
  // (y^T B a)(X^T y), not y^T B (a (X^T y)), whose a (X^T y) alone has no shape.
  std::vector<Operand> operands(const Node& n) const {
    std::vector<Operand> out;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
      const Node& c = n.children[i];
      char op = i == 0 ? ' ' : n.op_before(i);
      if (i > 0)
        if (std::optional<std::string> apart = derivative_denominator_apart(n, i)) fail(c.span, *apart);
      std::optional<std::vector<WordFactor>> factors = juxtaposed_factors(c);
      if (!factors) {
        out.push_back({term(c), op, c.span});
        continue;
      }
      if (op == '/' && factors->size() > 1) throw ambiguous_divisor(c);  // x/cb, x/c(a + w): as in scalar statements
      for (const WordFactor& f : *factors) {
        out.push_back({f.tree, op, f.span});
        op = ' ';
      }
    }
    return out;
  }

  Tree product(const Node& n) const {
    std::vector<Operand> chain = operands(n);
    Tree acc = chain[0].tree;
    for (std::size_t i = 1; i < chain.size(); ++i) {
      const Operand& right = chain[i];
      const Tree& t = right.tree;
      SourceSpan op = right.op == ' ' ? SourceSpan{right.span.begin, right.span.begin + 1}
                                      : operator_span(line, chain[i - 1].span, right.span);
      std::string left = i == 1 ? described(chain[0].span, acc) : matrix::shape_text(acc->shape);
      if (right.op == '/' || right.op == 'o') {
        // y/s with a vector s divides entry by entry, as u ⊙ v (`.*`) multiplies
        bool entrywise = right.op == 'o' || !t->shape.scalar();
        if (entrywise && !acc->shape.scalar() && !(acc->shape == t->shape))
          fail(op, "mismatched shapes in an entrywise " + std::string(right.op == 'o' ? "product" : "division") + ": " + left +
                       " and " + described(right.span, t));
        if (!entrywise) {
          acc = matrix::product({acc, matrix::power(t, Number(-1))});
        } else {
          Tree divisor = right.op == '/' ? at(right.span, [&] { return matrix::entrywise_power(t, Number(-1)); }) : t;
          acc = at(op, [&] { return matrix::hadamard({acc, divisor}); });
        }
        continue;
      }
      if (!acc->shape.scalar() && !t->shape.scalar() && acc->shape.cols != t->shape.rows)
        fail(op, "mismatched shapes in a product: " + left + " times " + described(right.span, t));
      acc = matrix::product({acc, t});
    }
    return acc;
  }

  // NAME(...) read as a product, where a scalar statement reads one: X(w - y), c(x + a); g(x) and
  // xy(x + 1) are not.
  bool is_product(const Node& apply) const {
    if (declared.find(apply.text)) return true;
    if (is_matrix_function(apply.text.str())) return false;
    if (scope.is_procedure(apply.text)) return false;  // (read below, and refused there as no matrix function)
    // AB(x + y) with A and B declared: no function is named so, and the run is their product.
    if (!is_identifier(apply.text)) {
      std::vector<Part> parts = word_parts(name_of(apply));
      if (std::all_of(parts.begin(), parts.end(), [&](const Part& p) { return declared.find(p.text); })) return true;
    }
    return !Resolver(scope).is_call(apply);
  }
  static Node name_of(const Node& apply) {
    Node name;
    name.kind = NodeKind::Word;
    name.span = apply.name_span;
    name.text = apply.text;
    return name;
  }

  // A word run, or NAME(...) read as a product, as its factors (the bracket last); nullopt for any
  // other operand.
  std::optional<std::vector<WordFactor>> juxtaposed_factors(const Node& n) const {
    bool apply_product = n.kind == NodeKind::Apply && n.children.size() == 1 && is_product(n);
    if (n.kind != NodeKind::Word && !apply_product) return std::nullopt;
    std::vector<WordFactor> factors = word_factors(apply_product ? name_of(n) : n);
    if (apply_product) factors.push_back({term(n.children[0]), n.children[0].span, ""});
    return factors;
  }

  // base^exponent as the factors it is written as: the first factor of an exponent that is a run
  // or a product raises the base, the others follow it (x^Tx = x^T x, x^T(A x) = x^T (A x)), and
  // an exponent's own power raises its last factor: x^TA^Tx, which ^'s right-associativity makes
  // x^(TA^(Tx)), is x^T A^T x.
  std::vector<WordFactor> raised_factors(const WordFactor& base, const Part& written_base, const Node& exponent) const {
    const Node& head = exponent.kind == NodeKind::Pow ? exponent.children[0] : exponent;
    bool apply_product = head.kind == NodeKind::Apply && head.children.size() == 1 && is_product(head);
    std::vector<Part> parts;
    if (head.kind == NodeKind::Word || apply_product) parts = word_parts(apply_product ? name_of(head) : head);
    if (parts.empty() || (parts.size() == 1 && !apply_product))
      return {{raised(base.tree, written_base, exponent), base.span, ""}};
    // The first factor is the exponent itself: a word (T, k), where it is written.
    Node first;
    first.kind = NodeKind::Word;
    first.span = parts[0].span;
    first.text = parts[0].text;
    std::vector<WordFactor> out{{raised(base.tree, written_base, first), base.span, ""}};
    for (std::size_t i = 1; i < parts.size(); ++i) out.push_back(factor(parts[i]));
    if (apply_product) out.push_back({term(head.children[0]), head.children[0].span, ""});
    if (exponent.kind == NodeKind::Pow) {
      WordFactor last = out.back();
      out.pop_back();
      std::vector<WordFactor> tail = raised_factors(last, {last.text, last.span}, exponent.children[1]);
      out.insert(out.end(), tail.begin(), tail.end());
    }
    return out;
  }

  // A power. `ax^2` = a·x^2, `bx^T` = b·x^T and `A (B)^T` = A·B^T: it takes the last factor of a
  // run, or the bracket after a name read as a product.
  Tree power(const Node& n) const {
    const Node& base_node = n.children[0];
    std::vector<WordFactor> factors;
    Part raised_base{"", base_node.span};
    if (std::optional<std::vector<WordFactor>> parts = juxtaposed_factors(base_node)) {
      factors = std::move(*parts);
      raised_base = {factors.back().text, factors.back().span};
    } else {
      factors.push_back({term(base_node), base_node.span, ""});
    }
    WordFactor last = factors.back();
    factors.pop_back();
    std::vector<WordFactor> tail = raised_factors(last, raised_base, n.children[1]);
    factors.insert(factors.end(), tail.begin(), tail.end());
    return product_of(factors, n);
  }

  // base^exponent, the base written at written_base.span: a word's factor when its text is not empty.
  Tree raised(Tree base, const Part& written_base, const Node& exponent) const {
    SourceSpan where{written_base.span.end, exponent.span.end};
    bool transpose = is_word(exponent, "T");
    bool inverse_transpose = exponent.kind == NodeKind::Neg && is_word(exponent.children[0], "T");
    if (transpose || inverse_transpose) {
      const std::string& w = written_base.text;
      if (!w.empty() && !declared.find(w) && base->shape.scalar()) {
        fail(written_base.span, "'" + w + "' is not declared, so it has no transpose (declare it: " + w + " in R^n or " + w +
                            " in R^(m, n))");
      }
      Tree t = matrix::transpose(base);
      return inverse_transpose ? at(where, [&] { return matrix::inverse(t); }) : t;
    }
    if (base->shape.scalar()) {
      Tree k = term(exponent);
      if (k->op != matrix::Op::Product || !k->args.empty())
        fail(exponent.span, "a power of a matrix expression needs a number as its exponent");
      return matrix::power(base, k->coefficient);
    }
    Number k = integer(exponent);
    if (k.is_minus_one()) return at(where, [&] { return matrix::inverse(base); });
    Number count = k.sign() < 0 ? -k : k;
    if (k.is_integer() && base->shape.square() && count.fits_long() && count.to_long() <= max_matrix_dimension) {
      if (k.is_zero()) return matrix::identity(base->shape.rows);
      Tree factor = k.sign() > 0 ? base : at(where, [&] { return matrix::inverse(base); });  // X^-2 is inv(X)^2
      std::vector<Tree> fs(static_cast<std::size_t>(count.to_long()), factor);
      return matrix::product(fs);
    }
    fail(where, "'" + written(SourceSpan{written_base.span.begin, exponent.span.end}) + "': a power of " + matrix::shape_text(base->shape) +
                    (base->shape.square() ? " is written with a whole exponent (of at most " + std::to_string(max_matrix_dimension) + ")"
                                          : "; write x^T x or norm(x)^2"));
  }

  Tree apply(const Node& n) const {
    const std::string f = n.text.str();
    if (is_product(n)) {
      Tree acc = word(name_of(n));
      for (const Node& a : n.children) {
        Tree t = term(a);
        if (!acc->shape.scalar() && !t->shape.scalar() && acc->shape.cols != t->shape.rows)
          fail(a.span, "mismatched shapes in a product: '" + f + "' (" + matrix::shape_text(acc->shape) + ") times " + described(a, t));
        acc = matrix::product({acc, t});
      }
      return acc;
    }
    auto one = [&]() -> Tree {
      if (n.children.size() != 1) fail(n.name_span, "'" + f + "' takes one argument");
      return term(n.children[0]);
    };
    if (f == "transpose") return matrix::transpose(one());
    if (f == "inv") return at(n.span, [&] { return matrix::inverse(one()); });
    if (f == "det") return at(n.span, [&] { return matrix::det(one()); });
    if (f == "tr" || f == "trace") return at(n.span, [&] { return matrix::trace(one()); });
    if (f == "norm") return matrix::norm(one());
    if (f == "logdet") return at(n.span, [&] { return matrix::log(matrix::det(one())); });
    if (f == "sqrt") {
      Tree a = one();
      if (!a->shape.scalar()) fail(n.name_span, "'sqrt' of " + described(n.children[0], a) + ": only of scalars");
      return matrix::power(a, Number::rational(1, 2));
    }
    if (f == "log" || f == "exp" || f == "sigmoid") {
      Tree a = one();
      if (!a->shape.scalar() && !a->shape.cols.is_one())
        fail(n.name_span, "'" + f + "' of " + described(n.children[0], a) + ": entrywise functions of matrices are not supported yet (of vectors they are)");
      return matrix::entrywise(f, a);
    }
    if (f == "ones" && n.children.size() == 1 && (n.children[0].kind == NodeKind::Word || n.children[0].kind == NodeKind::Number)) {
      const Node& d = n.children[0];
      return matrix::ones(d.kind == NodeKind::Word ? sym(d.text) : num(integer(d)));
    }
    if (f == "softmax") return at(n.span, [&] { return matrix::softmax(one()); });
    if (f == "diag") return at(n.span, [&] { return matrix::diag(one()); });
    if (f == "sum" && n.children.size() == 1) return matrix::entry_sum(one());
    if (scope.is_procedure(f))  // tangent(x^2, x = 1) after x in R^n: x is no number there
      fail(n.name_span, "'" + f + "' does not take declared vectors or matrices (matrix expressions take d/dx, grad, "
                        "jacobian and hessian); to use a declared name as a number, :clear it first");
    unsupported_function(n.name_span, f);
  }

  Tree term(const Node& n) const {
    switch (n.kind) {
      case NodeKind::Number:
        if (n.is_float) fail(n.span, "matrix expressions take exact numbers, not decimals");
        return matrix::number(Number::from_integer_text(n.text));
      case NodeKind::Word: return word(n);
      case NodeKind::Neg: return matrix::scale(Number(-1), term(n.children[0]));
      case NodeKind::Group: return term(n.children[0]);
      case NodeKind::Sum: return sum(n);
      case NodeKind::Product: return product(n);
      case NodeKind::Pow: return power(n);
      case NodeKind::Apply: return apply(n);
      default: fail(n.span, "'" + written(n) + "' is not supported in a matrix expression");
    }
  }

  Tree variable(const std::string& name, SourceSpan span) const {
    const auto* d = declared.find(name);
    if (!d) fail(span, "'" + name + "' is not declared: differentiate by a declared vector or matrix (" + name + " in R^n, " + name + " in R^(m, n))");
    return matrix::symbol(d->name, d->shape);
  }

  // d/dx E, hessian(E, x), grad(E, x), jacobian(E, x), or a plain expression.
  MatrixRequest request(const Node& n) const {
    MatrixRequest r;
  if (n.kind == NodeKind::DerivOp) {
      if (n.vars.size() != 1 || n.vars[0].count != 1 || n.order() != 1)
        fail(n.span, "matrix derivatives are of the first order: d/dx E (hessian(E, x) for the second)");
      r.kind = MatrixRequest::Kind::Derivative;
      r.var = variable(n.vars[0].name, n.span);
      r.expr = term(n.children[0]);
      return r;
    }
    if (n.kind == NodeKind::Apply && (n.text == "hessian" || n.text == "grad" || n.text == "jacobian")) {
      if (n.children.size() != 2 || n.children[1].kind != NodeKind::Word)
        fail(n.span, "'" + n.text + "' of a matrix expression takes the expression and a declared name: " + n.text + "(E, x)");
      r.kind = n.text == "hessian" ? MatrixRequest::Kind::Hessian : MatrixRequest::Kind::Derivative;
      r.var = variable(n.children[1].text.str(), n.children[1].span);
      r.expr = term(n.children[0]);
      return r;
    }
    r.expr = term(n);
    return r;
  }

  long dimension_value(const Node& n) const {
    Number v;
    if (n.kind == NodeKind::Pow) {  // 10^6
      std::optional<Number> p = integer(n.children[0]).pow(integer(n.children[1]));
      if (!p) fail(n.span, "expected a whole number");
      v = *p;
    } else {
      v = integer(n);
    }
    if (!v.is_integer() || v.sign() <= 0) fail(n.span, "a size is a whole number, at least 1");
    if (!v.fits_long() || v.to_long() > max_matrix_dimension)
      fail(n.span, "a dimension written out in entries is at most " + std::to_string(max_matrix_dimension));
    return static_cast<long>(v.to_long());
  }

  // An exact number: 3, -2, 1/2, 2^3, (1 + 2)/3.
  Number exact_value(const Node& n) const {
    switch (n.kind) {
      case NodeKind::Number:
        if (!n.is_float) return Number::from_integer_text(n.text);
        // (a decimal's double would make the entries doubles, which the written-out form is not)
        fail(n.span, "the value of an entry is an exact number here: write " + n.text + " as " +
                         Number::from_decimal_text(n.text).to_string());
      case NodeKind::Neg: return -exact_value(n.children[0]);
      case NodeKind::Group: return exact_value(n.children[0]);
      case NodeKind::Sum: {
        Number v = exact_value(n.children[0]);
        for (std::size_t i = 1; i < n.children.size(); ++i) v += n.op_before(i) == '-' ? -exact_value(n.children[i]) : exact_value(n.children[i]);
        return v;
      }
      case NodeKind::Product: {
        Number v = exact_value(n.children[0]);
        for (std::size_t i = 1; i < n.children.size(); ++i) {
          Number f = exact_value(n.children[i]);
          if (n.op_before(i) == '/' && f.is_zero()) fail(n.children[i].span, "division by zero");
          v = n.op_before(i) == '/' ? v / f : v * f;
        }
        return v;
      }
      case NodeKind::Pow:
        if (auto p = exact_value(n.children[0]).pow(integer(n.children[1]))) return *p;
        break;
      default: break;
    }
    fail(n.span, "the value of an entry is an exact number here (3, -1/2)");
  }

  bool is_dimension(const std::string& name) const {
    return std::any_of(declared.list().begin(), declared.list().end(), [&](const matrix::Declaration& d) {
      return (d.shape.rows.is(Kind::Symbol) && d.shape.rows.name() == name) || (d.shape.cols.is(Kind::Symbol) && d.shape.cols.name() == name);
    });
  }
};

bool mentions(const Node& n, const matrix::Declarations& declared, const Scope& scope) {
  if ((n.kind == NodeKind::Word || n.kind == NodeKind::Apply) && declared.find(n.text)) return true;
  if (n.kind == NodeKind::Word && !is_identifier(n.text)) {  // a run of letters: `ax` = a·x
    try {
      for (const Resolver::WordPart& part : Resolver(scope).word_parts(n.text, n.span))
        if (declared.find(part.text)) return true;
    } catch (const ResolveError&) {
      // an unknown word: the scalar reading reports it
    }
  }
  if (n.kind == NodeKind::Pow && is_word(n.children[1], "T")) return true;  // b^T: a transpose, declared or not
  // The identity I_n and ones(n), as matrix answers print them: typed back alone they were the
  // scalar I_n (I_n at n = 2 was the name I_2) and an unknown function.
  if (n.kind == NodeKind::Word && n.text.str().starts_with("I_") && n.text.size() > 2) return true;
  if (n.kind == NodeKind::Apply && n.text == "ones") return true;
  if (n.kind == NodeKind::DerivOp)
    for (const auto& v : n.vars)
      if (declared.find(v.name)) return true;
  return std::any_of(n.children.begin(), n.children.end(), [&](const Node& c) { return mentions(c, declared, scope); });
}

}  // namespace

bool mentions_declared(const grammar::Node& body, const matrix::Declarations& declared, const Scope& scope) {
  return !declared.empty() && mentions(body, declared, scope);
}

MatrixRequest resolve_matrix(const grammar::Node& body, const matrix::Declarations& declared, const Scope& scope,
                             std::string_view line) {
  std::vector<Tree> named;
  Reader reader{declared, scope, line, named};
  matrix::CancelledParts cancelled;
  if (body.kind != NodeKind::At) return reader.request(body);
  MatrixRequest r = reader.request(body.children[0]);
  r.cancelled = std::move(cancelled.parts);
  r.named = std::move(named);
  r.sizes.emplace();
  for (std::size_t i = 1; i < body.children.size(); ++i) {
    const Node& eq = body.children[i];
    if (eq.kind != NodeKind::Equation)
      fail(eq.span, "after a matrix expression, at takes sizes (n = 2) and values of entries (x_1 = 3)");
    // (at n = 2, n = 3 took the last size, and x_1 = 1, x_1 = 2 the last value, without a word)
    for (std::size_t j = 1; j < i; ++j)
      if (body.children[j].kind == NodeKind::Equation && body.children[j].text == eq.text)
        fail(eq.name_span, "'" + eq.text.str() + "' is given two values after 'at'");
    if (reader.is_dimension(eq.text.str())) {
      (*r.sizes)[eq.text.str()] = reader.dimension_value(eq.children[0]);
    } else {
      r.values.emplace_back(eq.text, reader.exact_value(eq.children[0]));
      r.value_spans.push_back(eq.name_span);
    }
  }
  return r;
}

bool is_matrix_function(std::string_view name) {
  static const char* const names[] = {"transpose", "inv", "det", "tr", "trace", "norm", "logdet", "log", "exp",
                                      "sqrt", "sigmoid", "softmax", "diag", "sum", "ones"};
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return name == n; });
}

}  // namespace ddx::resolve
