// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix expressions: a typed tree of its own, beside the core's commutative Expr. Declared
// vectors and matrices (`x in R^n`) are leaves with a shape; products keep the order of their
// matrix factors and pull their scalars (numbers, undeclared names, 1×1 products such as xᵀx,
// det, tr, norm) in front, where they commute. The constructors check shapes and build one
// canonical form: transposes pushed down to the leaves ((AB)ᵀ = BᵀAᵀ, (A⁻¹)ᵀ = (Aᵀ)⁻¹), sums
// flat with like terms combined, powers of one scalar base merged, A⁻¹A = I, diag(a) v = a ⊙ v.
// Equal keys mean equal expressions; the converse is not promised (the tests compare answers by
// writing them out in entries).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/expr.hpp"
#include "core/number.hpp"

namespace ddx::matrix {

// rows × cols, each a positive integer or a dimension name (n, m).
struct Shape {
  Expr rows = Expr(1), cols = Expr(1);
  bool scalar() const { return rows.is_one() && cols.is_one(); }
  bool square() const { return rows == cols; }
  Shape transposed() const { return {cols, rows}; }
  bool operator==(const Shape& o) const { return rows == o.rows && cols == o.cols; }
};

// "n×1", "m×n", "2×3": for messages.
std::string shape_text(const Shape& s);

enum class Op {
  Symbol,     // a declared vector or matrix, or an undeclared name (a scalar constant)
  Identity,   // I_n, the identity of shape n×n
  Sum,        // args: terms of one shape
  Product,    // coefficient × args: args[0, scalars) commute (1×1), the rest are matrices in order
  Transpose,  // of a declared symbol or an entrywise column (pushed down to them: canonical form)
  Inverse,    // of a square matrix
  Trace,
  Det,
  Norm,       // 2-norm of a vector, Frobenius norm of a matrix
  Log,        // of a scalar
  Exp,        // of a scalar
  Power,      // a scalar to a rational exponent; of a vector, entry by entry (inside ⊙ only)
  Ones,       // the column of n ones (sum(v) is onesᵀ v)
  Diag,       // diag(v): the square matrix with the column v on its diagonal
  Hadamard,   // u ⊙ v ⊙ ...: the entrywise product of columns of one shape (args: bases or Powers)
  Entrywise,  // name(v) entry by entry for a column v: exp, log, sigmoid
  Softmax,    // softmax(v) = exp(v)/sum(exp(v)) of a column v
};

struct Node;
using Tree = std::shared_ptr<const Node>;

struct Node {
  Op op = Op::Symbol;
  Shape shape;
  std::string name;          // Symbol; Entrywise: the function
  bool declared = false;     // Symbol: declared with a shape (else a scalar name)
  Number coefficient{1};     // Product
  Number exponent{1};        // Power
  std::size_t scalars = 0;   // Product: how many of args are the commuting scalar factors
  std::vector<Tree> args;
  std::string key;           // the canonical form as a string: equal keys, equal expressions
};

// Leaves.
Tree symbol(const std::string& name, Shape shape);  // declared (any shape)
Tree scalar_name(const std::string& name);          // undeclared: a scalar constant
// What an undeclared name stands for as a scalar: the constant e or pi, else the symbol.
Expr scalar_value(const std::string& name);
Tree number(const Number& n);
Tree identity(Expr n);
Tree zero(Shape shape);

// Canonical constructors; MathError (with both shapes) when the shapes do not fit.
Tree sum(std::vector<Tree> terms);
Tree product(std::vector<Tree> factors);
Tree scale(const Number& c, Tree a);
Tree transpose(Tree a);
Tree inverse(Tree a);
Tree trace(Tree a);
Tree det(Tree a);
Tree norm(Tree a);
Tree log(Tree a);
Tree exp(Tree a);
Tree power(Tree a, const Number& k);

// Entrywise operations of column vectors (MathError for matrices: they are not supported).
Tree ones(Expr n);
Tree diag(Tree v);
Tree hadamard(std::vector<Tree> factors);
Tree entrywise_power(Tree v, const Number& k);
Tree entrywise(const std::string& function, Tree v);  // exp, log, sigmoid
Tree softmax(Tree v);
Tree entry_sum(Tree v);  // onesᵀ v

// The product of `factors` in order, or the identity of size n when there are none.
Tree product_or_identity(std::vector<Tree> factors, Expr n);

bool is_zero(const Tree& a);
bool is_one(const Tree& a);
// The factors of a product (coefficient as a number factor first when it is not 1), or {a}.
std::vector<Tree> factors_of(const Tree& a);
// The ordered matrix factors of a product ({a} for a non-product that is not 1×1).
std::vector<Tree> matrix_factors(const Tree& a);
// The part of a product before its matrices (coefficient and scalars), 1 for a non-product.
Tree scalar_part(const Tree& a);

// What the canonical constructors cancel that needs a value of its own, as the scalar engine's
// (core/dropped.hpp): a negative power merged with another power of its base (norm(x)/norm(x) is
// 1), an inverse beside its matrix (A⁻¹A = I), the factors a 0 coefficient absorbs, terms that
// cancel. Noted while a CancelledParts lives (a statement's reading): where a part has no value at
// a point, the expression as written has none there either (norm(x)/norm(x) at x = 0 was 1).
class CancelledParts {
 public:
  CancelledParts();
  ~CancelledParts();
  CancelledParts(const CancelledParts&) = delete;
  CancelledParts& operator=(const CancelledParts&) = delete;
  std::vector<Tree> parts;

 private:
  CancelledParts* outer_;
};
// Into the innermost live CancelledParts, if any.
void note_cancelled(const Tree& part);
// Whether a CancelledParts lives (the constructors look for what they cancel only then).
bool noting_cancelled();

// Whether `leaf` (a declared symbol) occurs in a.
bool depends_on(const Tree& a, const std::string& name);

}  // namespace ddx::matrix
