// SPDX-License-Identifier: GPL-3.0-or-later
// Gradient, Jacobian, Hessian and tangent line, each a table of partial derivatives.
#include "calculus/vector.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/expand.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "core/sums.hpp"

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
  std::unordered_set<Expr> seen;  // (grad of a sum over x_1 .. x_10000: a search each was quadratic)
  for (Expr e : es) {
    // (grad(sum(x_n^2, n = 1 .. 20000)) was [])
    if (has_unlisted_entries(e))
      throw LimitError("a sum over more than " + std::to_string(max_sum_terms) +
                       " entries has too many variables to list; name the ones to take (grad(f, [x_1, x_2]))");
    for (Expr s : free_symbols(e))
      if (seen.insert(s).second) vars.push_back(s);
  }
  std::sort(vars.begin(), vars.end(), ExprLess{});
  return vars;
}

Expr tangent_line(Expr f, Expr x, Expr a) {
  Expr fa = substitute(f, {{x, a}});
  Expr slope = substitute(diff(f, x), {{x, a}});
  return expand(fa + slope * (x - a));
}

}  // namespace ddx::calc
