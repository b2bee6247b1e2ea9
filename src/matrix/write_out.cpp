// SPDX-License-Identifier: GPL-3.0-or-later
// Writing matrix expressions out in entries (see write_out.hpp).
#include "matrix/write_out.hpp"

#include "core/errors.hpp"
#include "core/functions.hpp"
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

// The inverse as the adjugate over the determinant.
Grid inverse_grid(const Grid& a) {
  std::size_t n = a.size();
  Expr d = determinant(a);
  if (d.is_number() && d.number().is_zero()) throw MathError("the matrix written out is singular");
  Grid g = filled(n, n, Expr(0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      Expr cofactor = n == 1 ? Expr(1) : determinant(minor_of(a, j, i));
      g[i][j] = ((i + j) % 2 ? -cofactor : cofactor) / d;
    }
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
      for (const Tree& f : a->args) g = times(g, write_out(f, sizes));
      return g;
    }
    case Op::Transpose: return transposed(write_out(a->args[0], sizes));
    case Op::Inverse: return inverse_grid(write_out(a->args[0], sizes));
    case Op::Trace: {
      Grid g = write_out(a->args[0], sizes);
      std::vector<Expr> diagonal;
      for (std::size_t i = 0; i < g.size(); ++i) diagonal.push_back(g[i][i]);
      return of(add(std::move(diagonal)));
    }
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
