// SPDX-License-Identifier: GPL-3.0-or-later
// Differentials and the derivatives read off them (see differentiate.hpp).
#include "matrix/differentiate.hpp"

#include "matrix/notation.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/interrupt.hpp"

namespace ddx::matrix {
namespace {

// One term of a differential, linear in dX:
//   untraced: s · L · D · R        (the term's shape is L's rows × R's columns)
//   traced:   s · tr(L · D · R) · P
// where D is dX, or dXᵀ when `transposed`, s is a scalar and L, R, P are products (empty: none).
struct Term {
  Tree s = number(Number(1));
  bool traced = false;
  std::vector<Tree> left;
  bool transposed = false;
  std::vector<Tree> right;
  std::vector<Tree> outer;
};
using Differential = std::vector<Term>;

std::vector<Tree> transposed_reversed(const std::vector<Tree>& fs) {
  std::vector<Tree> out;
  for (auto it = fs.rbegin(); it != fs.rend(); ++it) out.push_back(transpose(*it));
  return out;
}

void scale_by(Term& t, const Tree& c) { t.s = product({t.s, c}); }

// A scalar term (1×1) made traced, so that matrices can multiply it as a scalar.
void make_traced(Term& t) {
  if (t.traced) return;
  t.traced = true;
  t.outer.clear();
}

// A traced term's P that is 1×1 (z^T diag(exp(u)) z) taken into its scalar: the products a
// matrix multiplies it by must not chain with it as with a matrix (the derivative of
// (z^T exp(sum(x) z)) z was refused as n×1 times n×1).
void fold_scalar_outer(Term& t) {
  if (!t.traced || t.outer.empty()) return;
  Tree p = product(t.outer);
  if (!p->shape.scalar()) return;
  scale_by(t, p);
  t.outer.clear();
}

// The term's shape-bearing products multiplied by fs on the left (or right).
void multiply_left(Term& t, const std::vector<Tree>& fs) {
  fold_scalar_outer(t);
  auto& target = t.traced ? t.outer : t.left;
  target.insert(target.begin(), fs.begin(), fs.end());
}
void multiply_right(Term& t, const std::vector<Tree>& fs) {
  fold_scalar_outer(t);
  auto& target = t.traced ? t.outer : t.right;
  target.insert(target.end(), fs.begin(), fs.end());
}

void transpose_term(Term& t) {
  if (t.traced) {
    t.outer = transposed_reversed(t.outer);
    return;
  }
  std::vector<Tree> left = transposed_reversed(t.right), right = transposed_reversed(t.left);
  t.left = std::move(left);
  t.right = std::move(right);
  t.transposed = !t.transposed;
}

// tr(term): an untraced square term becomes traced; tr(tr(...) P) = tr(...) tr(P).
void trace_term(Term& t) {
  if (!t.traced) {
    make_traced(t);
    return;
  }
  if (!t.outer.empty()) scale_by(t, trace(product(t.outer)));
  t.outer.clear();
}

Differential differential(const Tree& f, const Tree& var);
Differential entrywise_differential(const Tree& f, const Tree& var);

// B diag(dv) C, which is linear in dv only as an entrywise product: with C a column u it is
// B diag(u) dv; with B a row w it is dvᵀ diag(wᵀ) C. Anything else is refused.
Differential diag_differential(const Tree& v, const std::vector<Tree>& before, const std::vector<Tree>& after,
                               const Tree& var) {
  Differential out;
  Tree right = after.empty() ? nullptr : product(after);
  Tree left = before.empty() ? nullptr : product(before);
  for (Term t : differential(v, var)) {
    if (right && right->shape.cols.is_one()) {
      multiply_left(t, {diag(right)});
      multiply_left(t, before);
    } else if (left && left->shape.rows.is_one()) {
      transpose_term(t);
      multiply_right(t, {diag(transpose(left))});
      multiply_right(t, after);
    } else {
      throw MathError("ddx cannot differentiate diag(...) of an expression in " + var->name +
                      " here (only before a vector or after a row vector)");
    }
    out.push_back(std::move(t));
  }
  return out;
}

// The product rule over ordered factors: each factor's differential with the others around it.
Differential product_differential(const Tree& f, const Tree& var) {
  Differential out;
  std::vector<Tree> scalars(f->args.begin(), f->args.begin() + static_cast<std::ptrdiff_t>(f->scalars));
  std::vector<Tree> matrices = matrix_factors(f);
  auto others_scalar = [&](std::size_t skip) {
    std::vector<Tree> fs{number(f->coefficient)};
    for (std::size_t k = 0; k < scalars.size(); ++k)
      if (k != skip) fs.push_back(scalars[k]);
    return product(std::move(fs));
  };
  for (std::size_t j = 0; j < scalars.size(); ++j) {
    Tree around = others_scalar(j);
    for (Term t : differential(scalars[j], var)) {
      make_traced(t);
      scale_by(t, around);
      multiply_right(t, matrices);
      out.push_back(std::move(t));
    }
  }
  Tree all_scalars = others_scalar(scalars.size());
  for (std::size_t i = 0; i < matrices.size(); ++i) {
    std::vector<Tree> before(matrices.begin(), matrices.begin() + static_cast<std::ptrdiff_t>(i));
    std::vector<Tree> after(matrices.begin() + static_cast<std::ptrdiff_t>(i) + 1, matrices.end());
    if (matrices[i]->op == Op::Diag && depends_on(matrices[i], var->name)) {
      Differential d = diag_differential(matrices[i]->args[0], before, after, var);
      for (Term& t : d) scale_by(t, all_scalars);
      out.insert(out.end(), d.begin(), d.end());
      continue;
    }
    for (Term t : differential(matrices[i], var)) {
      multiply_left(t, before);
      multiply_right(t, after);
      scale_by(t, all_scalars);
      out.push_back(std::move(t));
    }
  }
  return out;
}

// Every term of d(a) transformed by `each`.
template <typename F>
Differential map_terms(const Tree& a, const Tree& var, F each) {
  Differential out = differential(a, var);
  for (Term& t : out) each(t);
  return out;
}

// The derivatives of det(A) and inv(A) hold inv(A). Where A is a product through a dimension of 1
// (x x^T, u v^T: a column times a row) it has rank 1, so it is singular at every size above 1,
// and such a formula has no value anywhere: d/dx det(x x^T) was 2det(x x^T) inv(x x^T) x, where
// the derivative is 0 for n > 1.
// A factor of one row and one column (c, x^T x in c X or (x^T x) A) is a scalar, which scales
// the product and keeps its rank: det(c X) was refused so.
void check_invertible(const Tree& a, const char* function) {
  if (a->op != Op::Product || a->shape.rows.is_one()) return;
  auto is_scalar = [](const Tree& t) { return t->shape.rows.is_one() && t->shape.cols.is_one(); };
  bool column_before = false;  // a factor of one column, not a scalar, before this one
  for (const Tree& factor : a->args) {
    if (is_scalar(factor)) continue;
    if (column_before)
      throw MathError(std::string("ddx cannot differentiate ") + function + " of a column times a row: that matrix has rank 1, " +
                      "so it is singular (det 0, no inverse) at every size above 1, and the derivative's formula " +
                      "needs its inverse");
    column_before = factor->shape.cols.is_one();
  }
}

Differential differential(const Tree& f, const Tree& var) {
  check_interrupt();
  if (!depends_on(f, var->name)) return {};
  const Tree& a = f->args.empty() ? f : f->args[0];
  switch (f->op) {
    case Op::Symbol: return {Term{}};  // f is var itself
    case Op::Identity: return {};
    case Op::Sum: {
      Differential out;
      for (const Tree& t : f->args) {
        Differential d = differential(t, var);
        out.insert(out.end(), d.begin(), d.end());
      }
      return out;
    }
    case Op::Product: return product_differential(f, var);
    case Op::Transpose: return map_terms(a, var, transpose_term);
    case Op::Inverse: {
      check_invertible(a, "inv");
      Tree inv = f;
      return map_terms(a, var, [&](Term& t) {
        multiply_left(t, {inv});
        multiply_right(t, {inv});
        scale_by(t, number(Number(-1)));
      });
    }
    case Op::Trace: return map_terms(a, var, trace_term);
    case Op::Det:
      check_invertible(a, "det");
      return map_terms(a, var, [&](Term& t) {
        multiply_left(t, {inverse(a)});
        trace_term(t);
        scale_by(t, f);
      });
    case Op::Norm:
      return map_terms(a, var, [&](Term& t) {
        multiply_left(t, {transpose(a)});
        trace_term(t);
        scale_by(t, power(f, Number(-1)));
      });
    case Op::Log:
      return map_terms(a, var, [&](Term& t) {
        make_traced(t);
        scale_by(t, power(a, Number(-1)));
      });
    case Op::Exp:
      return map_terms(a, var, [&](Term& t) {
        make_traced(t);
        scale_by(t, f);
      });
    case Op::Power:
      if (!f->shape.scalar()) return entrywise_differential(f, var);
      return map_terms(a, var, [&](Term& t) {
        make_traced(t);
        scale_by(t, product({number(f->exponent), power(a, f->exponent - Number(1))}));
      });
    case Op::Hadamard: return entrywise_differential(f, var);
    case Op::Entrywise: {
      // d f(v) = f'(v) ⊙ dv = diag(f'(v)) dv
      Tree one_minus = f->shape.scalar() ? sum({number(Number(1)), scale(Number(-1), f)})
                                         : sum({ones(f->shape.rows), scale(Number(-1), f)});
      Tree slope = f->name == "exp"   ? f
                   : f->name == "log" ? entrywise_power(a, Number(-1))
                                      : hadamard({f, one_minus});  // σ' = σ (1 - σ)
      if (f->shape.scalar())
        return map_terms(a, var, [&](Term& t) {
          make_traced(t);
          scale_by(t, slope);
        });
      return map_terms(a, var, [&](Term& t) { multiply_left(t, {diag(slope)}); });
    }
    case Op::Softmax: {
      // d softmax(v) = diag(s) dv - s sᵀ dv
      Differential out;
      for (const Term& t : differential(a, var)) {
        Term own = t, shared = t;
        multiply_left(own, {diag(f)});
        multiply_left(shared, {f, transpose(f)});
        scale_by(shared, number(Number(-1)));
        out.push_back(std::move(own));
        out.push_back(std::move(shared));
      }
      return out;
    }
    case Op::Ones: return {};
    case Op::Diag:
      throw MathError("ddx cannot differentiate diag(...) of an expression in " + var->name + " yet");
  }
  return {};
}

// d(u1^k1 ⊙ u2^k2 ⊙ ...) = Σ diag(ki ui^(ki - 1) ⊙ the others) dui: the product rule entry by entry.
Differential entrywise_differential(const Tree& f, const Tree& var) {
  std::vector<Tree> factors = f->op == Op::Hadamard ? f->args : std::vector<Tree>{f};
  Differential out;
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const Tree& fi = factors[i];
    Tree base = fi->op == Op::Power ? fi->args[0] : fi;
    Number k = fi->op == Op::Power ? fi->exponent : Number(1);
    std::vector<Tree> rest{entrywise_power(base, k - Number(1))};
    for (std::size_t j = 0; j < factors.size(); ++j)
      if (j != i) rest.push_back(factors[j]);
    Tree slope = hadamard(std::move(rest));
    for (Term t : differential(base, var)) {
      multiply_left(t, {diag(slope)});
      scale_by(t, number(k));
      out.push_back(std::move(t));
    }
  }
  return out;
}

std::string what(const Tree& t) {
  if (t->shape.scalar()) return "a scalar";
  if (t->shape.cols.is_one()) return "a vector (" + shape_text(t->shape) + ")";
  return "a matrix (" + shape_text(t->shape) + ")";
}

// The gradient of a scalar f: Σ s (R L)ᵀ for the terms tr(L dX R), Σ s R L for tr(L dXᵀ R).
Tree gradient(const Differential& d, const Tree& var) {
  std::vector<Tree> parts;
  for (Term t : d) {
    if (!t.outer.empty()) scale_by(t, product(t.outer));  // a 1×1 product: a scalar
    std::vector<Tree> rl = t.right;
    rl.insert(rl.end(), t.left.begin(), t.left.end());
    Expr n = t.transposed ? var->shape.rows : var->shape.cols;
    Tree g = product_or_identity(rl, n);
    parts.push_back(product({t.s, t.transposed ? g : transpose(g)}));
  }
  return parts.empty() ? zero(var->shape) : sum(std::move(parts));
}

// The Jacobian (numerator layout) of a vector f by a vector x.
Tree jacobian(const Differential& d, const Tree& f, const Tree& var) {
  std::vector<Tree> parts;
  Expr n = var->shape.rows;
  for (const Term& t : d) {
    Tree part;
    if (!t.traced && !t.transposed) {  // L dx R, R 1×1: J = L R, with I for an empty L (x yᵀy: (yᵀy) I)
      part = product({product_or_identity(t.left, n), product(t.right)});
    } else if (!t.traced) {  // L dxᵀ R with L m×1, R n×1: J = L Rᵀ
      part = product({product(t.left), transpose(product(t.right))});
    } else {  // tr(L D R) P: tr(L dx R) = (R L) dx, tr(L dxᵀ R) = (R L)ᵀ dx
      std::vector<Tree> rl = t.right;
      rl.insert(rl.end(), t.left.begin(), t.left.end());
      Tree row = t.transposed ? transpose(product(rl)) : product(rl);
      part = product({product(t.outer), row});
    }
    parts.push_back(product({t.s, part}));
  }
  if (parts.empty()) return zero({f->shape.rows, n});
  return sum(std::move(parts));
}

}  // namespace

std::vector<Tree> differential_terms(const Tree& f, const Tree& var) {
  Tree d = symbol("d" + var->name, var->shape);
  std::vector<Tree> out;
  for (const Term& t : differential(f, var)) {
    std::vector<Tree> inner = t.left;
    inner.push_back(t.transposed ? transpose(d) : d);
    inner.insert(inner.end(), t.right.begin(), t.right.end());
    std::vector<Tree> whole;
    whole.push_back(t.s);
    if (t.traced) {
      Tree traced = product(inner);
      whole.push_back(traced->shape.scalar() ? traced : trace(traced));
      whole.insert(whole.end(), t.outer.begin(), t.outer.end());
    } else {
      whole.insert(whole.end(), inner.begin(), inner.end());
    }
    out.push_back(product(std::move(whole)));
  }
  return out;
}

Tree derivative(const Tree& f, const Tree& var, Layout layout) {
  if (var->op != Op::Symbol || !var->declared) throw MathError("can only differentiate by a declared vector or matrix");
  Differential d = differential(f, var);
  if (f->shape.scalar()) return factor_common(gradient(d, var));
  if (f->shape.cols.is_one() && var->shape.cols.is_one()) {
    Tree j = factor_common(jacobian(d, f, var));
    return layout == Layout::Denominator ? transpose(j) : j;
  }
  throw MathError("the derivative of " + what(f) + " by " + what(var) +
                  " is not a matrix; ddx differentiates scalars by vectors or matrices and vectors by vectors");
}

Tree hessian(const Tree& f, const Tree& var) {
  if (!f->shape.scalar()) throw MathError("hessian needs a scalar, not " + what(f));
  if (!var->shape.cols.is_one()) throw MathError("hessian is by a vector, not " + what(var));
  return derivative(derivative(f, var), var);
}

}  // namespace ddx::matrix
