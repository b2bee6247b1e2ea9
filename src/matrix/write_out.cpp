// SPDX-License-Identifier: GPL-3.0-or-later
// Writing matrix expressions out in entries (see write_out.hpp).
#include "matrix/write_out.hpp"

#include <optional>
#include <random>
#include <unordered_map>

#include "calculus/expand.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/substitute.hpp"
#include "core/interrupt.hpp"
#include "core/limits.hpp"

namespace ddx::matrix {
namespace {

Grid filled(std::size_t rows, std::size_t cols, Expr value) { return Grid(rows, std::vector<Expr>(cols, value)); }

Grid identity_grid(std::size_t n) {
  Grid g = filled(n, n, Expr(0));
  for (std::size_t i = 0; i < n; ++i) g[i][i] = Expr(1);
  return g;
}

Grid times(const Grid& a, const Grid& b) {
  // A 1×1 grid is a scalar (a product's scalars multiply whatever shape the others have).
  if (a.size() == 1 && a[0].size() == 1 && !(b.size() == 1 && b[0].size() == 1) && b.size() != 1) {
    Grid g = b;
    for (auto& row : g)
      for (Expr& e : row) e = a[0][0] * e;
    return g;
  }
  if (b.size() == 1 && b[0].size() == 1 && a[0].size() != 1) {
    Grid g = a;
    for (auto& row : g)
      for (Expr& e : row) e = e * b[0][0];
    return g;
  }
  Grid g = filled(a.size(), b[0].size(), Expr(0));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b[0].size(); ++j) {
      std::vector<Expr> terms;
      for (std::size_t k = 0; k < b.size(); ++k) terms.push_back(a[i][k] * b[k][j]);
      g[i][j] = add(std::move(terms));
    }
  return g;
}

Grid transposed(const Grid& a) {
  Grid g = filled(a[0].size(), a.size(), Expr(0));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < a[0].size(); ++j) g[j][i] = a[i][j];
  return g;
}

// The determinant by expansion along the first row, minors keyed by their columns (2^n n work).
Expr determinant(const Grid& a, std::size_t row, unsigned long columns, std::map<unsigned long, Expr>& memo) {
  std::size_t n = a.size();
  if (row == n) return Expr(1);
  if (auto it = memo.find(columns); it != memo.end()) return it->second;
  check_interrupt();
  std::vector<Expr> terms;
  int sign = 1;
  for (std::size_t c = 0; c < n; ++c) {
    if (columns & (1UL << c)) continue;
    terms.push_back(Expr(sign) * a[row][c] * determinant(a, row + 1, columns | (1UL << c), memo));
    sign = -sign;
  }
  Expr d = add(std::move(terms));
  memo.emplace(columns, d);
  return d;
}

Expr determinant(const Grid& a) {
  std::map<unsigned long, Expr> memo;
  return determinant(a, 0, 0, memo);
}

Grid minor_of(const Grid& a, std::size_t skip_row, std::size_t skip_col) {
  Grid m;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i == skip_row) continue;
    std::vector<Expr> row;
    for (std::size_t j = 0; j < a.size(); ++j)
      if (j != skip_col) row.push_back(a[i][j]);
    m.push_back(std::move(row));
  }
  return m;
}

// The adjugate: the transposed matrix of cofactors, which needs no division.
Grid adjugate_grid(const Grid& a) {
  std::size_t n = a.size();
  Grid g = filled(n, n, Expr(0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      Expr cofactor = n == 1 ? Expr(1) : determinant(minor_of(a, j, i));
      g[i][j] = (i + j) % 2 ? -cofactor : cofactor;
    }
  return g;
}

// The inverse as the adjugate over the determinant; refused where the determinant is 0 at every
// point though not written as 0 (XᵀX of a 2×3 X has rank 2: its determinant is a polynomial of
// degree 6 that cancels to 0).
Grid inverse_grid(const Grid& a) {
  Expr d = determinant(a);
  if (d.is_zero() || cancels_to_zero(d))
    throw MathError("the matrix written out is singular (its determinant is 0 at every point)");
  Grid g = adjugate_grid(a);
  for (auto& row : g)
    for (Expr& e : row) e = e / d;
  return g;
}

Expr scalar(const Grid& g) { return g[0][0]; }

template <typename F>
Grid each(Grid g, F f) {
  for (auto& row : g)
    for (Expr& e : row) e = f(e);
  return g;
}
Grid of(Expr e) { return {{e}}; }

// A determinant det(M)^k beside the inverse of the same M in a product (the derivative of a
// determinant, det(M) M^-T): the inverse of M or of Mᵀ, or its transpose, at `inverse`, and the
// determinant's factor at `determinant`. Written out they are det(M)^(k-1) times M's adjugate, with no division:
// d/dX det(XᵀX) at m = 2, n = 3, where XᵀX is singular at every point, was 0/0 in every entry.
struct DeterminantBesideInverse {
  std::size_t determinant = 0, inverse = 0;
  Number power{1};
  bool transposed = false;
  bool scaled = false;  // the determinant's matrix is a scalar s times the inverted one: det(sM) = sⁿ det(M)
};

// M when `t` is a scalar multiple of the one matrix M (2A, a Aᵀ), else t itself.
const Tree& without_scalars(const Tree& t) {
  return t->op == Op::Product && t->args.size() == t->scalars + 1 ? t->args.back() : t;
}

// In a product's factors `args`, the first `scalars` of them scalars.
std::optional<DeterminantBesideInverse> determinant_beside_inverse(const std::vector<Tree>& args, std::size_t scalars) {
  for (std::size_t d = 0; d < scalars; ++d) {
    const Tree& f = args[d];
    bool power = f->op == Op::Power && f->args[0]->op == Op::Det && f->exponent.is_integer() && f->exponent.sign() > 0;
    const Tree* det_of = f->op == Op::Det ? &f->args[0] : power ? &f->args[0]->args[0] : nullptr;
    if (!det_of) continue;
    for (std::size_t i = scalars; i < args.size(); ++i) {
      const Tree& g = args[i];
      bool transposed = g->op == Op::Transpose && g->args[0]->op == Op::Inverse;
      const Tree& inv = transposed ? g->args[0] : g;
      if (inv->op != Op::Inverse) continue;
      // (det(Mᵀ) is det(M): the inverse of Mᵀ pairs with it too, as in det(A) A^-T, and Mᵀ is
      // asked of transpose(), which writes (A + B)ᵀ as Aᵀ + Bᵀ and (Xᵀ W)ᵀ as Wᵀ X, as the
      // derivative does: det(A + B)'s was refused as a division by zero where A + B is singular)
      const Tree& det_matrix = without_scalars(*det_of);
      if (inv->args[0]->key == det_matrix->key || transpose(inv->args[0])->key == det_matrix->key)
        return DeterminantBesideInverse{d, i, power ? f->exponent : Number(1), transposed, &det_matrix != det_of};
    }
  }
  return std::nullopt;
}

Grid trace_grid(const Grid& g) {
  std::vector<Expr> diagonal;
  for (std::size_t i = 0; i < g.size(); ++i) diagonal.push_back(g[i][i]);
  return of(add(std::move(diagonal)));
}

// coefficient × args in order (the first `scalars` of them scalars), a determinant beside the
// inverse of its matrix written out as the adjugate. One beside a trace that holds that inverse
// goes into the trace (det(M) tr(M^-1 dM), the differential of a determinant, is tr(adj(M) dM)).
Grid product_grid(const Number& coefficient, const std::vector<Tree>& args, std::size_t scalars, const Sizes& sizes) {
  Grid g = of(num(coefficient));
  std::optional<DeterminantBesideInverse> pair = determinant_beside_inverse(args, scalars);
  if (!pair)
    for (std::size_t d = 0; d < scalars; ++d)
      for (std::size_t t = 0; t < scalars; ++t) {
        const Tree& traced = args[t];
        if (t == d || traced->op != Op::Trace || traced->args[0]->op != Op::Product) continue;
        const Tree& inside = traced->args[0];
        std::vector<Tree> with_determinant{args[d]};
        with_determinant.insert(with_determinant.end(), inside->args.begin(), inside->args.end());
        if (!determinant_beside_inverse(with_determinant, inside->scalars + 1)) continue;
        for (std::size_t k = 0; k < args.size(); ++k)
          if (k != d && k != t) g = times(g, write_out(args[k], sizes));
        return times(g, trace_grid(product_grid(inside->coefficient, with_determinant, inside->scalars + 1, sizes)));
      }
  // One beside a sum whose terms hold that inverse goes into each term (det(M) X (tr(M) M^-1 + I),
  // the derivative of det(M) tr(M)).
  if (!pair)
    for (std::size_t t = 0; t < args.size(); ++t)
      if (args[t]->op == Op::Sum) {
        std::vector<Grid> parts;
        bool paired = false;
        for (const Tree& term : args[t]->args) {
          Number c = coefficient;
          std::vector<Tree> scalar_factors(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(scalars)), matrices;
          if (t < scalars) scalar_factors.erase(scalar_factors.begin() + static_cast<std::ptrdiff_t>(t));
          std::vector<Tree> term_scalars, term_matrices;
          if (term->op == Op::Product) {
            c = c * term->coefficient;
            term_scalars.assign(term->args.begin(), term->args.begin() + static_cast<std::ptrdiff_t>(term->scalars));
            term_matrices.assign(term->args.begin() + static_cast<std::ptrdiff_t>(term->scalars), term->args.end());
          } else {
            (t < scalars ? term_scalars : term_matrices).push_back(term);
          }
          scalar_factors.insert(scalar_factors.end(), term_scalars.begin(), term_scalars.end());
          for (std::size_t k = scalars; k < args.size(); ++k)
            if (k == t) matrices.insert(matrices.end(), term_matrices.begin(), term_matrices.end());
            else matrices.push_back(args[k]);
          std::vector<Tree> flat = scalar_factors;
          flat.insert(flat.end(), matrices.begin(), matrices.end());
          paired = paired || determinant_beside_inverse(flat, scalar_factors.size()).has_value();
          parts.push_back(product_grid(c, flat, scalar_factors.size(), sizes));
        }
        if (!paired) break;
        Grid total = parts.front();
        for (std::size_t p = 1; p < parts.size(); ++p)
          for (std::size_t i = 0; i < total.size(); ++i)
            for (std::size_t j = 0; j < total[i].size(); ++j) total[i][j] = total[i][j] + parts[p][i][j];
        return total;  // (the coefficient is in each part)
      }
  for (std::size_t k = 0; k < args.size(); ++k) {
    const Tree& f = args[k];
    if (!pair || (k != pair->determinant && k != pair->inverse)) {
      g = times(g, write_out(f, sizes));
    } else if (k == pair->determinant) {
      const Tree& det = pair->power.is_one() ? f : f->args[0];
      if (!pair->power.is_one()) g = times(g, of(pow(determinant(write_out(det->args[0], sizes)), num(pair->power - Number(1)))));
      if (pair->scaled) {  // det(sM)^k M^-1 = det(sM)^(k-1) sⁿ adj(M)
        auto n = static_cast<long long>(write_out(without_scalars(det->args[0]), sizes).size());
        g = times(g, of(pow(scalar(write_out(scalar_part(det->args[0]), sizes)), num(Number(n)))));
      }
    } else {
      const Tree& inverted = pair->transposed ? f->args[0]->args[0] : f->args[0];
      Grid adjugate = adjugate_grid(write_out(inverted, sizes));
      g = times(g, pair->transposed ? transposed(adjugate) : adjugate);
    }
  }
  return g;
}

}  // namespace

long size_of(Expr dim, const Sizes& sizes) {
  long n = 0;
  if (dim.is_integer()) {
    n = dim.number().fits_long() ? dim.number().to_long() : max_matrix_dimension + 1;
  } else {
    auto it = sizes.find(dim.name());
    if (it == sizes.end()) throw MathError("no size for '" + dim.name() + "': write it out with at " + dim.name() + " = 2");
    n = it->second;
  }
  if (n > max_matrix_dimension)
    throw LimitError("a dimension written out in entries is at most " + std::to_string(max_matrix_dimension));
  return n;
}

Grid entries_of(const std::string& name, const Shape& shape, const Sizes& sizes) {
  long rows = size_of(shape.rows, sizes), cols = size_of(shape.cols, sizes);
  // Named by the declared shape, not the sizes: A in R^(n, n) at n = 1 has the entry A_11.
  bool vector = shape.cols.is_one(), row_vector = shape.rows.is_one() && !vector;
  std::string sep = rows >= 10 || cols >= 10 ? "_" : "";
  Grid g = filled(static_cast<std::size_t>(rows), static_cast<std::size_t>(cols), Expr(0));
  for (long i = 1; i <= rows; ++i)
    for (long j = 1; j <= cols; ++j) {
      std::string entry = vector ? std::to_string(i) : row_vector ? std::to_string(j) : std::to_string(i) + sep + std::to_string(j);
      g[static_cast<std::size_t>(i - 1)][static_cast<std::size_t>(j - 1)] = sym(name + "_" + entry);
    }
  return g;
}

bool cancels_to_zero(Expr e) {
  if (e.is_number()) return e.is_zero();
  std::mt19937_64 random(20261206);  // (the same point every time)
  std::unordered_map<Expr, Expr> point;
  for (Expr s : free_symbols(e)) point[s] = num(Number(static_cast<long long>(random() >> 23) - (1LL << 40)));
  try {
    return substitute(e, point).is_zero() && calc::expand(e).is_zero();
  } catch (const MathError&) {  // (no value at that point)
  } catch (const LimitError&) {  // (too large to expand)
  }
  return false;
}

Grid write_out(const Tree& a, const Sizes& sizes) {
  check_interrupt();
  auto all = [&](auto combine) {
    Grid g = write_out(a->args[0], sizes);
    for (std::size_t i = 1; i < a->args.size(); ++i) g = combine(g, write_out(a->args[i], sizes));
    return g;
  };
  switch (a->op) {
    case Op::Symbol:
      if (!a->declared) {
        // A dimension is a scalar too (tr(I_n) = n): written out at n = 2, it is 2.
        if (auto size = sizes.find(a->name); size != sizes.end()) return of(num(Number(static_cast<long long>(size->second))));
        return of(scalar_value(a->name));
      }
      return entries_of(a->name, a->shape, sizes);
    case Op::Identity: return identity_grid(static_cast<std::size_t>(size_of(a->shape.rows, sizes)));
    case Op::Sum:
      return all([](Grid x, const Grid& y) {
        for (std::size_t i = 0; i < x.size(); ++i)
          for (std::size_t j = 0; j < x[0].size(); ++j) x[i][j] = x[i][j] + y[i][j];
        return x;
      });
    case Op::Product: {
      Grid g = of(num(a->coefficient));
      if (a->args.empty()) {  // a number, or the zero of a shape
        if (a->shape.scalar()) return g;
        return filled(static_cast<std::size_t>(size_of(a->shape.rows, sizes)),
                      static_cast<std::size_t>(size_of(a->shape.cols, sizes)), num(a->coefficient));
      }
      return product_grid(a->coefficient, a->args, a->scalars, sizes);
    }
    case Op::Transpose: return transposed(write_out(a->args[0], sizes));
    case Op::Inverse: return inverse_grid(write_out(a->args[0], sizes));
    case Op::Trace: return trace_grid(write_out(a->args[0], sizes));
    case Op::Det: return of(determinant(write_out(a->args[0], sizes)));
    case Op::Norm: {
      std::vector<Expr> squares;
      for (const auto& row : write_out(a->args[0], sizes))
        for (Expr e : row) squares.push_back(pow(e, Expr(2)));
      return of(pow(add(std::move(squares)), rational(1, 2)));
    }
    case Op::Log: return of(ddx::log(scalar(write_out(a->args[0], sizes))));
    case Op::Exp: return of(ddx::exp(scalar(write_out(a->args[0], sizes))));
    case Op::Power: return each(write_out(a->args[0], sizes), [&](Expr e) { return pow(e, num(a->exponent)); });
    case Op::Ones:
      return filled(static_cast<std::size_t>(size_of(a->shape.rows, sizes)), 1, Expr(1));
    case Op::Diag: {
      Grid v = write_out(a->args[0], sizes);
      Grid g = filled(v.size(), v.size(), Expr(0));
      for (std::size_t i = 0; i < v.size(); ++i) g[i][i] = v[i][0];
      return g;
    }
    case Op::Hadamard:
      return all([](Grid x, const Grid& y) {
        for (std::size_t i = 0; i < x.size(); ++i)
          for (std::size_t j = 0; j < x[0].size(); ++j) x[i][j] = x[i][j] * y[i][j];
        return x;
      });
    case Op::Entrywise: {
      std::string f = a->name;
      return each(write_out(a->args[0], sizes), [&](Expr e) { return call(f, {e}); });
    }
    case Op::Softmax: {
      Grid g = each(write_out(a->args[0], sizes), [](Expr e) { return ddx::exp(e); });
      std::vector<Expr> terms;
      for (const auto& row : g) terms.push_back(row[0]);
      Expr total = add(std::move(terms));
      return each(g, [&](Expr e) { return e / total; });
    }
  }
  return of(Expr(0));
}

}  // namespace ddx::matrix
