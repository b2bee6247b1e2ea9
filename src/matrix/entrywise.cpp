// SPDX-License-Identifier: GPL-3.0-or-later
// The entrywise operations of column vectors (see tree.hpp): ones, diag, u ⊙ v as a commutative
// product of bases with exponents (so that s ⊙ s⁻¹ cancels to ones), exp, log, sigmoid entry by
// entry, softmax, and sum(v) as onesᵀ v.
#include <functional>
#include <map>
#include <optional>

#include "core/errors.hpp"
#include "matrix/build.hpp"
#include "matrix/tree.hpp"

namespace ddx::matrix {

using namespace detail;

namespace {

void require_column(const Tree& v, const char* what) {
  if (v->shape.scalar() || !v->shape.cols.is_one())
    throw MathError(std::string(what) + " of " + shape_text(v->shape) + ": only of vectors (matrices are not supported)");
}

}  // namespace

Tree ones(Expr n) {
  Node node;
  node.op = Op::Ones;
  node.shape = {n, Expr(1)};
  node.key = "1" + dim_text(n);
  return make(std::move(node));
}

Tree diag(Tree v) {
  require_column(v, "diag");
  if (v->op == Op::Ones) return identity(v->shape.rows);
  Expr n = v->shape.rows;
  if (is_zero(v)) return zero({n, n});  // (diag(0) would read back as diag of a scalar)
  return unary(Op::Diag, std::move(v), {n, n}, "diag");
}

Tree entrywise_power(Tree v, const Number& k) {
  if (v->shape.scalar()) return power(v, k);
  // (as power's: x/(y - y) was x/0, its derivative diag(1/0))
  if (is_zero(v) && k.is_zero()) throw MathError("0^0 is undefined");
  if (is_zero(v) && k.sign() < 0) throw MathError("division by zero");
  if (k.is_zero()) return ones(v->shape.rows);
  if (k.is_one()) return v;
  if (v->op == Op::Power) return entrywise_power(v->args[0], v->exponent * k);
  if (v->op == Op::Ones) return v;
  Node n;
  n.op = Op::Power;
  n.shape = v->shape;
  n.exponent = k;
  n.key = "^" + k.to_string() + "(" + v->key + ")";
  n.args = {std::move(v)};
  return make(std::move(n));
}

Tree hadamard(std::vector<Tree> factors) {
  std::vector<Tree> scalars{number(Number(1))};
  std::map<std::string, std::pair<Tree, Number>> powers;  // base key -> (base, exponent)
  std::map<std::string, std::vector<Tree>> merged;         // (while noting: each base's factors)
  std::optional<Shape> shape;
  std::function<void(const Tree&)> add = [&](const Tree& f) {
    if (f->shape.scalar()) {
      scalars.push_back(f);
      return;
    }
    require_column(f, "an entrywise product");
    if (shape && !(*shape == f->shape))
      throw MathError("mismatched shapes in an entrywise product: " + shape_text(*shape) + " and " + shape_text(f->shape));
    shape = f->shape;
    std::vector<Tree> ms = f->op == Op::Product ? matrix_factors(f) : std::vector<Tree>{};
    if (f->op == Op::Hadamard) {
      for (const Tree& g : f->args) add(g);
    } else if (f->op == Op::Product && (ms.size() == 1 || !f->coefficient.is_one() || f->scalars > 0)) {
      scalars.push_back(scalar_part(f));  // 2 s v: 2 s and v; a matrix product (X w) is one factor
      add(product(ms));
    } else if (f->op != Op::Ones) {
      auto [base, k] = f->op == Op::Power ? std::pair{f->args[0], f->exponent} : std::pair{f, Number(1)};
      auto [it, fresh] = powers.try_emplace(base->key, base, k);
      if (!fresh) it->second.second += k;
      if (noting_cancelled()) merged[base->key].push_back(f);
    }
  };
  for (const Tree& f : factors) add(f);
  for (const auto& [key, parts] : merged)  // (x/x is ones(n): x needs no 0 entry, as x/x in scalars)
    if (parts.size() > 1)
      for (const Tree& part : parts)
        if (part->op == Op::Power && part->exponent.sign() < 0) note_cancelled(part);
  if (!shape) return product(std::move(scalars));
  std::vector<Tree> kept;
  for (auto& [key, bk] : powers)
    if (!bk.second.is_zero()) kept.push_back(entrywise_power(bk.first, bk.second));
  Tree entries;
  if (kept.empty()) {
    entries = ones(shape->rows);
  } else if (kept.size() == 1) {
    entries = kept[0];
  } else {
    Node n;
    n.op = Op::Hadamard;
    n.shape = *shape;
    n.key = "H(" + keys(kept) + ")";
    n.args = std::move(kept);
    entries = make(std::move(n));
  }
  scalars.push_back(entries);
  return product(std::move(scalars));
}

Tree entrywise(const std::string& function, Tree v) {
  if (v->shape.scalar() && function == "exp") return exp(v);
  if (v->shape.scalar() && function == "log") return log(v);
  if (!v->shape.scalar()) require_column(v, function.c_str());
  // Of a zero column, its value, which would otherwise print as exp(0), a scalar 1 when read back.
  if (!v->shape.scalar() && is_zero(v)) {
    if (function == "exp") return ones(v->shape.rows);
    if (function == "sigmoid") return scale(Number::rational(1, 2), ones(v->shape.rows));
    if (function == "log") throw MathError("log of a zero vector: log(0) is undefined");
  }
  if (v->op == Op::Ones && function == "log") return zero(v->shape);  // (log(ones(n)) is 0: a log of it is log(0))
  Node n;
  n.op = Op::Entrywise;
  n.shape = v->shape;
  n.name = function;
  n.key = function + "(" + v->key + ")";
  n.args = {std::move(v)};
  return make(std::move(n));
}

Tree softmax(Tree v) {
  require_column(v, "softmax");
  if (is_zero(v)) return product({power(trace(identity(v->shape.rows)), Number(-1)), ones(v->shape.rows)});  // ones(n)/n
  Shape shape = v->shape;
  return unary(Op::Softmax, std::move(v), shape, "softmax");
}

Tree entry_sum(Tree v) {
  if (v->shape.scalar()) return v;
  if (v->op == Op::Ones) return trace(identity(v->shape.rows));  // sum(ones(n)) = n
  std::vector<Tree> fs{transpose(ones(v->shape.rows)), v};
  if (!v->shape.cols.is_one()) fs.push_back(ones(v->shape.cols));
  return product(std::move(fs));
}

}  // namespace ddx::matrix
