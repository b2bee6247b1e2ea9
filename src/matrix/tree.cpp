// SPDX-License-Identifier: GPL-3.0-or-later
// The canonical constructors of matrix expressions (see tree.hpp).
#include "matrix/tree.hpp"

#include "matrix/build.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "core/errors.hpp"

namespace ddx::matrix {

namespace detail {

std::string dim_text(Expr d) { return d.is_integer() ? d.number().to_string() : d.is(Kind::Symbol) ? d.name() : debug_string(d); }

Tree make(Node n) { return std::make_shared<const Node>(std::move(n)); }

std::string keys(const std::vector<Tree>& args) {
  std::string k;
  for (const Tree& a : args) k += a->key + ",";
  return k;
}

Tree unary(Op op, Tree a, Shape shape, const char* tag) {
  Node n;
  n.op = op;
  n.shape = shape;
  n.key = std::string(tag) + "(" + a->key + ")";
  n.args = {std::move(a)};
  return make(std::move(n));
}

}  // namespace detail

using namespace detail;

namespace {

CancelledParts*& live_cancelled_parts() {
  thread_local CancelledParts* live = nullptr;
  return live;
}

const Shape scalar_shape{};

// A scalar factor as (base, exponent): b^k -> (b, k), anything else -> (a, 1).
std::pair<Tree, Number> base_exponent(const Tree& a) {
  if (a->op == Op::Power) return {a->args[0], a->exponent};
  return {a, Number(1)};
}

// The factors of a product written flat: numbers into the coefficient, 1×1 factors among the
// commuting scalars (a 1×1 product with matrix factors, as xᵀAx, is one scalar), the rest in order.
struct Flat {
  Number coefficient{1};
  std::vector<Tree> scalars, matrices;
  void add(const Tree& f) {
    if (f->op == Op::Product) {
      coefficient *= f->coefficient;
      bool whole_scalar = f->shape.scalar() && f->args.size() > f->scalars;  // xᵀAx: its matrices stay together
      for (std::size_t i = 0; i < f->scalars; ++i) scalars.push_back(f->args[i]);
      std::vector<Tree> ms(f->args.begin() + static_cast<std::ptrdiff_t>(f->scalars), f->args.end());
      if (whole_scalar) {
        scalars.push_back(ms.size() == 1 ? ms[0] : product(ms));
      } else {
        matrices.insert(matrices.end(), ms.begin(), ms.end());
      }
      return;
    }
    if (f->shape.scalar()) {
      scalars.push_back(f);
    } else {
      matrices.push_back(f);
    }
  }
};

// What two adjacent matrix factors are together, when it is simpler: A⁻¹ A = I, diag(a) diag(b) =
// diag(a ⊙ b), diag(a) v = a ⊙ v, vᵀ diag(a) = (a ⊙ v)ᵀ; null when nothing applies.
Tree combine(const Tree& prev, const Tree& m) {
  if ((prev->op == Op::Inverse && prev->args[0]->key == m->key) || (m->op == Op::Inverse && m->args[0]->key == prev->key)) {
    note_cancelled(prev->op == Op::Inverse ? prev : m);
    return identity(m->shape.rows);
  }
  if (prev->op == Op::Transpose && prev->args[0]->op == Op::Ones && m->op == Op::Ones)  // onesᵀ ones = n
    return trace(identity(m->shape.rows));
  if (prev->op == Op::Diag && m->op == Op::Diag) return diag(hadamard({prev->args[0], m->args[0]}));
  if (prev->op == Op::Diag && m->shape.cols.is_one()) return hadamard({prev->args[0], m});
  if (m->op == Op::Diag && prev->shape.rows.is_one()) return transpose(hadamard({m->args[0], transpose(prev)}));
  // uᵀ (w ⊙ u⁻¹ ...) = sum(w ⊙ ...): an inner product whose entries cancel
  bool entrywise = m->op == Op::Hadamard || (m->op == Op::Power && !m->shape.scalar());
  if (entrywise && prev->op == Op::Transpose && prev->shape.rows.is_one() && prev->args[0]->op != Op::Ones && m->shape.cols.is_one()) {
    Tree merged = hadamard({prev->args[0], m});
    std::size_t before = (m->op == Op::Hadamard ? m->args.size() : 1) + 1;
    std::size_t after = merged->op == Op::Hadamard ? merged->args.size() : 1;
    if (after < before) return product({transpose(ones(m->shape.rows)), merged});
  }
  return nullptr;
}

// The bound on a's rank where a is a product of matrices one of whose numbers of rows or columns
// is below a's own number of rows, which makes it singular everywhere (XᵀX with X of 2×3 is 3×3 of
// rank at most 2: logdet(XᵀX) was a formula where it has no value), else nullopt. (Symbolic sizes
// tell nothing: x zᵀ is invertible at n = 1.)
std::optional<Number> rank_below_size(const Tree& a) {
  if (a->op != Op::Product || !a->shape.rows.is_integer()) return std::nullopt;
  std::optional<Number> bound;
  for (std::size_t i = a->scalars; i < a->args.size(); ++i)
    for (Expr d : {a->args[i]->shape.rows, a->args[i]->shape.cols})
      if (d.is_integer() && d.number() < a->shape.rows.number() && (!bound || d.number() < *bound)) bound = d.number();
  return bound;
}

// Whether a product's matrix factors are all square (of the product's size).
bool all_square(const Tree& a) {
  return a->op == Op::Product && a->args.size() > a->scalars &&
         std::all_of(a->args.begin() + static_cast<std::ptrdiff_t>(a->scalars), a->args.end(),
                     [&](const Tree& m) { return m->shape.square() && m->shape.rows == a->shape.rows; });
}

// Adjacent factors combined; identities go when anything else is left.
std::vector<Tree> cancel_matrices(std::vector<Tree> ms) {
  std::vector<Tree> out;
  for (Tree& m : ms) {
    Tree next = std::move(m);
    while (!out.empty()) {
      Tree both = combine(out.back(), next);
      if (!both) break;
      out.pop_back();
      next = both;
    }
    out.push_back(std::move(next));
  }
  if (out.size() > 1) {  // I A = A; I I = I (not an empty product, which would be the scalar 1)
    Tree some_identity = out.front();
    out.erase(std::remove_if(out.begin(), out.end(), [](const Tree& t) { return t->op == Op::Identity; }), out.end());
    if (out.empty()) out.push_back(some_identity);
  }
  return out;
}

}  // namespace

CancelledParts::CancelledParts() : outer_(live_cancelled_parts()) { live_cancelled_parts() = this; }
CancelledParts::~CancelledParts() { live_cancelled_parts() = outer_; }

void note_cancelled(const Tree& part) {
  if (CancelledParts* live = live_cancelled_parts()) live->parts.push_back(part);
}

bool noting_cancelled() { return live_cancelled_parts() != nullptr; }

std::string shape_text(const Shape& s) { return dim_text(s.rows) + "×" + dim_text(s.cols); }

Tree symbol(const std::string& name, Shape shape) {
  Node n;
  n.op = Op::Symbol;
  n.shape = shape;
  n.name = name;
  n.declared = true;
  n.key = name;
  return make(std::move(n));
}

Tree scalar_name(const std::string& name) {
  Node n;
  n.op = Op::Symbol;
  n.name = name;
  n.key = "'" + name;
  return make(std::move(n));
}

Expr scalar_value(const std::string& name) {
  if (name == "e") return e_const();
  if (name == "pi") return pi_const();
  return sym(name);
}

Tree number(const Number& c) {
  Node n;
  n.op = Op::Product;
  n.coefficient = c;
  n.key = "P(" + c.to_string() + "|)";
  return make(std::move(n));
}

Tree identity(Expr size) {
  if (size.is_one()) return number(Number(1));  // I_1 is the scalar 1 (a 1×1 identity would not commute)
  Node n;
  n.op = Op::Identity;
  n.shape = {size, size};
  n.key = "I" + dim_text(size);
  return make(std::move(n));
}

Tree zero(Shape shape) {
  Node n;
  n.op = Op::Product;
  n.coefficient = Number(0);
  n.shape = shape;
  n.key = "0" + shape_text(shape);
  return make(std::move(n));
}

bool is_zero(const Tree& a) { return a->op == Op::Product && a->coefficient.is_zero(); }
bool is_one(const Tree& a) { return a->op == Op::Product && a->args.empty() && a->coefficient.is_one(); }

// The shape of a product: the rows of its first factor that is not 1×1, the columns of its last.
// (Flat takes a zero matrix's 0 into the coefficient and keeps no shape of it: (x - x)ᵀ a is 1×1.)
Shape outer_shape(const std::vector<Tree>& factors) {
  const Node *first = nullptr, *last = nullptr;
  for (const Tree& f : factors) {
    if (f->shape.scalar()) continue;
    if (!first) first = f.get();
    last = f.get();
  }
  return first ? Shape{first->shape.rows, last->shape.cols} : scalar_shape;
}

Tree product(std::vector<Tree> factors) {
  Flat flat;
  for (const Tree& f : factors) flat.add(f);
  // Shapes: the matrices chain, rows of one = columns of the one before.
  for (std::size_t i = 1; i < flat.matrices.size(); ++i) {
    const Shape &a = flat.matrices[i - 1]->shape, &b = flat.matrices[i]->shape;
    if (a.cols != b.rows)
      throw MathError("mismatched shapes in a product: " + shape_text(a) + " times " + shape_text(b));
  }
  if (flat.coefficient.is_zero()) {
    if (noting_cancelled())
      for (const Tree& f : factors)
        if (!(f->op == Op::Product && f->args.empty())) note_cancelled(f);
    return zero(outer_shape(factors));
  }
  Shape shape = flat.matrices.empty() ? scalar_shape : Shape{flat.matrices.front()->shape.rows, flat.matrices.back()->shape.cols};
  // Powers of one base merge; the scalars sort by key so that equal products are one key.
  std::map<std::string, std::pair<Tree, Number>> powers;
  std::map<std::string, std::vector<Tree>> merged;  // (while noting: the factors of each base, to note its negative powers)
  for (const Tree& s : flat.scalars) {
    auto [base, k] = base_exponent(s);
    auto [it, fresh] = powers.try_emplace(base->key, base, k);
    if (!fresh) it->second.second += k;
    if (noting_cancelled()) merged[base->key].push_back(s);
  }
  for (const auto& [key, parts] : merged)
    if (parts.size() > 1)
      for (const Tree& part : parts)
        if (base_exponent(part).second.sign() < 0) note_cancelled(part);
  std::vector<Tree> scalars;
  for (auto& [key, bk] : powers) {
    if (bk.second.is_zero()) continue;
    scalars.push_back(bk.second.is_one() ? bk.first : power(bk.first, bk.second));
  }
  std::vector<Tree> matrices = cancel_matrices(std::move(flat.matrices));
  // A combination may have brought out a scalar or a product (diag(2a) v = 2 a ⊙ v): flatten again.
  if (std::any_of(matrices.begin(), matrices.end(), [](const Tree& t) { return t->op == Op::Product || t->shape.scalar(); })) {
    std::vector<Tree> again{number(flat.coefficient)};
    again.insert(again.end(), scalars.begin(), scalars.end());
    again.insert(again.end(), matrices.begin(), matrices.end());
    return product(std::move(again));
  }
  if (flat.coefficient.is_one() && scalars.size() + matrices.size() == 1) return scalars.empty() ? matrices[0] : scalars[0];
  Node n;
  n.op = Op::Product;
  n.shape = shape;
  n.coefficient = flat.coefficient;
  n.scalars = scalars.size();
  n.args = std::move(scalars);
  n.args.insert(n.args.end(), matrices.begin(), matrices.end());
  n.key = "P(" + flat.coefficient.to_string() + "|" + keys(n.args) + ")";
  return make(std::move(n));
}

Tree scale(const Number& c, Tree a) { return product({number(c), std::move(a)}); }

Tree sum(std::vector<Tree> terms) {
  std::vector<Tree> flat;
  for (Tree& t : terms) {
    if (t->op == Op::Sum) {
      flat.insert(flat.end(), t->args.begin(), t->args.end());
    } else if (t->op == Op::Product && t->args.size() == 1 && t->args[0]->op == Op::Sum) {
      // A number times a sum, in a sum, is spread over its terms so that they collect with the
      // others: x - y - (x + y) is -2y.
      for (const Tree& inner : t->args[0]->args) flat.push_back(scale(t->coefficient, inner));
    } else {
      flat.push_back(std::move(t));
    }
  }
  if (flat.empty()) return number(Number(0));
  Shape shape = flat[0]->shape;
  for (const Tree& t : flat)
    if (!(t->shape == shape))
      throw MathError("mismatched shapes in a sum: " + shape_text(shape) + " plus " + shape_text(t->shape));
  // Like terms: the same product up to the coefficient; the first one's place is kept.
  std::vector<std::pair<Tree, Number>> like;  // (term without its coefficient, coefficient)
  std::vector<std::vector<Tree>> like_terms;  // (while noting: the terms of each, to note those that cancel)
  for (const Tree& t : flat) {
    if (is_zero(t)) continue;
    Number c = t->op == Op::Product ? t->coefficient : Number(1);
    Tree rest = t->op == Op::Product && !c.is_one() ? product(std::vector<Tree>(t->args.begin(), t->args.end())) : t;
    if (t->op == Op::Product && t->args.empty()) rest = number(Number(1));
    // (a 1×1 product is its own transpose: xᵀa - aᵀx and xᵀAx - xᵀAᵀx are 0, and log of them,
    // 0 everywhere, had a derivative, 0)
    std::string const transposed = rest->shape.scalar() && rest->op == Op::Product && rest->args.size() > rest->scalars
                                       ? transpose(rest)->key
                                       : rest->key;
    auto it = std::find_if(like.begin(), like.end(),
                           [&](const auto& p) { return p.first->key == rest->key || p.first->key == transposed; });
    if (it == like.end()) {
      like.emplace_back(rest, c);
      if (noting_cancelled()) like_terms.push_back({t});
    } else {
      it->second += c;
      if (noting_cancelled()) like_terms[static_cast<std::size_t>(it - like.begin())].push_back(t);
    }
  }
  std::vector<Tree> out;
  for (std::size_t i = 0; i < like.size(); ++i) {
    auto& [rest, c] = like[i];
    if (!c.is_zero()) out.push_back(c.is_one() ? rest : scale(c, rest));
    else if (noting_cancelled())
      for (const Tree& t : like_terms[i]) note_cancelled(t);
  }
  if (out.empty()) return zero(shape);
  if (out.size() == 1) return out[0];
  Node n;
  n.op = Op::Sum;
  n.shape = shape;
  n.key = "S(" + keys(out) + ")";
  n.args = std::move(out);
  return make(std::move(n));
}

Tree transpose(Tree a) {
  switch (a->op) {
    case Op::Symbol: return a->shape.scalar() ? a : unary(Op::Transpose, a, a->shape.transposed(), "T");
    case Op::Identity: return a;
    case Op::Transpose: return a->args[0];
    case Op::Inverse: return inverse(transpose(a->args[0]));
    case Op::Sum: {
      std::vector<Tree> terms;
      for (const Tree& t : a->args) terms.push_back(transpose(t));
      return sum(std::move(terms));
    }
    case Op::Product: {
      if (a->shape.scalar() && a->args.size() == a->scalars) return a;
      if (is_zero(a)) return zero(a->shape.transposed());
      std::vector<Tree> fs{number(a->coefficient)};
      fs.insert(fs.end(), a->args.begin(), a->args.begin() + static_cast<std::ptrdiff_t>(a->scalars));
      for (std::size_t i = a->args.size(); i-- > a->scalars;) fs.push_back(transpose(a->args[i]));
      return product(std::move(fs));
    }
    case Op::Diag: return a;
    default: return a->shape.scalar() ? a : unary(Op::Transpose, a, a->shape.transposed(), "T");
  }
}

Tree inverse(Tree a) {
  if (!a->shape.square()) throw MathError("inverse of a non-square matrix (" + shape_text(a->shape) + ")");
  if (a->shape.scalar()) return power(a, Number(-1));
  if (is_zero(a)) throw MathError("the zero matrix has no inverse");
  if (std::optional<Number> rank = rank_below_size(a))
    throw MathError("this " + shape_text(a->shape) + " product has no inverse: its rank is at most " + rank->to_string() +
                    ", the smallest size among its factors, so it is singular everywhere");
  switch (a->op) {
    case Op::Identity: return a;
    case Op::Inverse: return a->args[0];
    case Op::Product:
      if (all_square(a)) {  // (c s A B)⁻¹ = (c s)⁻¹ B⁻¹ A⁻¹: square factors of an invertible product are invertible
        std::vector<Tree> fs{number(Number(1) / a->coefficient)};
        for (std::size_t i = 0; i < a->scalars; ++i) fs.push_back(power(a->args[i], Number(-1)));
        for (std::size_t i = a->args.size(); i-- > a->scalars;) fs.push_back(inverse(a->args[i]));
        return product(std::move(fs));
      }
      break;
    default: break;
  }
  return unary(Op::Inverse, a, a->shape, "inv");
}

Tree trace(Tree a) {
  if (!a->shape.square()) throw MathError("trace of a non-square matrix (" + shape_text(a->shape) + ")");
  if (a->shape.scalar()) return a;
  switch (a->op) {
    case Op::Identity: return a->shape.rows.is_integer() ? number(a->shape.rows.number()) : scalar_name(a->shape.rows.name());
    case Op::Transpose: return trace(a->args[0]);  // (tr(X - Xᵀ) is 0)
    case Op::Sum: {
      std::vector<Tree> terms;
      for (const Tree& t : a->args) terms.push_back(trace(t));
      return sum(std::move(terms));
    }
    case Op::Product:
      if (a->scalars > 0 || !a->coefficient.is_one()) {  // tr(c s M) = c s tr(M)
        std::vector<Tree> fs{number(a->coefficient)};
        fs.insert(fs.end(), a->args.begin(), a->args.begin() + static_cast<std::ptrdiff_t>(a->scalars));
        fs.push_back(trace(product(matrix_factors(a))));
        return product(std::move(fs));
      }
      break;
    default: break;
  }
  return unary(Op::Trace, a, scalar_shape, "tr");
}

Tree det(Tree a) {
  if (!a->shape.square()) throw MathError("determinant of a non-square matrix (" + shape_text(a->shape) + ")");
  if (a->shape.scalar()) return a;
  if (is_zero(a) || rank_below_size(a)) return number(Number(0));  // (singular everywhere)
  switch (a->op) {
    case Op::Identity: return number(Number(1));
    case Op::Transpose: return det(a->args[0]);
    case Op::Inverse: return power(det(a->args[0]), Number(-1));
    case Op::Product:
      if (all_square(a) && a->coefficient.is_one() && a->scalars == 0) {  // det(A B) = det(A) det(B)
        std::vector<Tree> dets;
        for (const Tree& m : a->args) dets.push_back(det(m));
        return product(std::move(dets));
      }
      break;
    default: break;
  }
  return unary(Op::Det, a, scalar_shape, "det");
}

Tree norm(Tree a) { return is_zero(a) ? number(Number(0)) : unary(Op::Norm, a, scalar_shape, "norm"); }

Tree log(Tree a) {
  if (!a->shape.scalar()) throw MathError("log of " + shape_text(a->shape) + " (entrywise functions are not supported)");
  if (is_one(a)) return number(Number(0));
  // (as the scalar engine refuses them: log(0) x was log(0) I_n)
  if (is_zero(a)) throw MathError("log(0) is undefined");
  if (a->op == Op::Product && a->args.empty() && a->coefficient.sign() < 0) throw MathError("log of a negative number is not real");
  if (a->op == Op::Exp) return a->args[0];
  return unary(Op::Log, a, scalar_shape, "log");
}

Tree exp(Tree a) {
  if (!a->shape.scalar()) throw MathError("exp of " + shape_text(a->shape) + " (entrywise functions are not supported)");
  if (is_zero(a)) return number(Number(1));
  return unary(Op::Exp, a, scalar_shape, "exp");
}

Tree power(Tree a, const Number& k) {
  if (!a->shape.scalar()) throw MathError("power of " + shape_text(a->shape) + ": write products or transposes");
  // (as the scalar engine refuses them: 0^0 x was x, sqrt(-1) x^T x 2 (-1)^(1/2) x)
  if (is_zero(a) && k.is_zero()) throw MathError("0^0 is undefined");
  if (is_zero(a) && k.sign() < 0) throw MathError("division by zero");
  if (a->op == Op::Product && a->args.empty() && a->coefficient.sign() < 0 && k.is_exact() && !k.denominator().is_odd())
    throw MathError("(" + a->coefficient.to_string() + ")^(" + k.to_string() + ") is not a real number");
  if (k.is_zero()) return number(Number(1));
  if (k.is_one()) return a;
  if (a->op == Op::Product && a->args.empty()) {
    if (auto v = a->coefficient.pow(k)) return number(*v);
  }
  if (a->op == Op::Power && k.is_integer()) return power(a->args[0], a->exponent * k);
  // (vᵀv)^(1/2) = norm(v): a fractional power of a squared norm is a power of the norm
  if (!k.is_integer() && a->op == Op::Product && a->coefficient.is_one() && a->scalars == 0 && a->args.size() == 2 &&
      a->args[0]->op == Op::Transpose && a->args[0]->args[0]->key == a->args[1]->key)
    return power(norm(a->args[1]), k * Number(2));
  // (c P)^k = c^k P^k for a scalar product P, the number out of the power so that it cancels:
  // s/(2s) is 1/2, not kept as (2s)^-1 s.
  if (a->op == Op::Product && !a->coefficient.is_one() && !a->args.empty() && (k.is_integer() || a->coefficient.sign() > 0))
    if (auto v = a->coefficient.pow(k)) return product({number(*v), power(scale(Number(1) / a->coefficient, a), k)});
  if (a->op == Op::Product && a->scalars > 0 && k.is_integer()) {  // (c s t M)^k = c^k s^k t^k (M)^k
    std::vector<Tree> fs;
    if (auto v = a->coefficient.pow(k)) fs.push_back(number(*v));
    for (std::size_t i = 0; i < a->scalars; ++i) fs.push_back(power(a->args[i], k));
    if (std::vector<Tree> ms = matrix_factors(a); !ms.empty()) fs.push_back(power(product(std::move(ms)), k));
    return product(std::move(fs));
  }
  Node n;
  n.op = Op::Power;
  n.exponent = k;
  n.key = "^" + k.to_string() + "(" + a->key + ")";
  n.args = {std::move(a)};
  return make(std::move(n));
}

Tree product_or_identity(std::vector<Tree> factors, Expr n) {
  if (factors.empty()) return identity(n);
  return product(std::move(factors));
}

std::vector<Tree> factors_of(const Tree& a) {
  if (a->op != Op::Product) return {a};
  std::vector<Tree> out;
  if (!a->coefficient.is_one()) out.push_back(number(a->coefficient));
  out.insert(out.end(), a->args.begin(), a->args.end());
  return out;
}

std::vector<Tree> matrix_factors(const Tree& a) {
  if (a->op == Op::Product) return {a->args.begin() + static_cast<std::ptrdiff_t>(a->scalars), a->args.end()};
  if (a->shape.scalar()) return {};
  return {a};
}

Tree scalar_part(const Tree& a) {
  if (a->op != Op::Product) return a->shape.scalar() ? a : number(Number(1));
  std::vector<Tree> fs{number(a->coefficient)};
  fs.insert(fs.end(), a->args.begin(), a->args.begin() + static_cast<std::ptrdiff_t>(a->scalars));
  return product(std::move(fs));
}

bool depends_on(const Tree& a, const std::string& name) {
  if (a->op == Op::Symbol) return a->declared && a->name == name;
  return std::any_of(a->args.begin(), a->args.end(), [&](const Tree& t) { return depends_on(t, name); });
}

}  // namespace ddx::matrix
