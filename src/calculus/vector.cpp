// SPDX-License-Identifier: GPL-3.0-or-later
// Gradient, Jacobian, Hessian and tangent line, each a table of partial derivatives.
#include "calculus/vector.hpp"

#include <algorithm>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/expand.hpp"

namespace ddx::calc {

Row gradient(Expr f, const std::vector<Expr>& vars) {
  Row g;
  for (Expr v : vars) g.push_back(diff(f, v));
  return g;
}

Matrix jacobian(const std::vector<Expr>& fs, const std::vector<Expr>& vars) {
  Matrix m;
  for (Expr f : fs) m.push_back(gradient(f, vars));
  return m;
}

Matrix hessian(Expr f, const std::vector<Expr>& vars) {
  Matrix m;
  for (Expr a : vars) {
    Expr da = diff(f, a);
    Row row;
    for (Expr b : vars) row.push_back(diff(da, b));
    m.push_back(std::move(row));
  }
  return m;
}

Matrix transpose(const Matrix& m) {
  Matrix t;
  if (m.empty()) return t;
  t.assign(m[0].size(), Row(m.size()));
  for (std::size_t i = 0; i < m.size(); ++i)
    for (std::size_t j = 0; j < m[i].size(); ++j) t[j][i] = m[i][j];
  return t;
}

std::vector<Expr> variables_of(const std::vector<Expr>& es) {
  std::vector<Expr> vars;
  for (Expr e : es)
    for (Expr s : free_symbols(e))
      if (std::find(vars.begin(), vars.end(), s) == vars.end()) vars.push_back(s);
  std::sort(vars.begin(), vars.end(), ExprLess{});
  return vars;
}

Expr tangent_line(Expr f, Expr x, Expr a) {
  Expr fa = substitute(f, {{x, a}});
  Expr slope = substitute(diff(f, x), {{x, a}});
  return expand(fa + slope * (x - a));
}

}  // namespace ddx::calc
