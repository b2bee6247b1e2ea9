// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix notation for sums (see notation.hpp).
#include "matrix/notation.hpp"

namespace ddx::matrix {
namespace {

// A sum's terms as (scalar part, matrix factors).
std::vector<std::vector<Tree>> term_factors(const Tree& a) {
  std::vector<std::vector<Tree>> out;
  for (const Tree& t : a->args) {
    std::vector<Tree> fs{scalar_part(t)};
    for (const Tree& m : matrix_factors(t)) fs.push_back(m);
    out.push_back(std::move(fs));
  }
  return out;
}

}  // namespace

Tree factor_common(const Tree& a) {
  if (a->op != Op::Sum) return a;
  auto terms = term_factors(a);
  // Every term has a matrix factor and they agree on the last (right == true) or the first.
  auto shared = [&](bool right) -> Tree {
    Tree common;
    for (const auto& fs : terms) {
      if (fs.size() < 2) return nullptr;
      const Tree& f = right ? fs.back() : fs[1];
      if (!common) common = f;
      if (common->key != f->key) return nullptr;
    }
    return common;
  };
  for (bool right : {true, false}) {
    Tree common = shared(right);
    if (!common || common->op == Op::Identity) continue;  // c I + d I stays: I outside would come back
    std::vector<Tree> rest;
    for (auto fs : terms) {
      if (right) {
        fs.pop_back();
      } else {
        fs.erase(fs.begin() + 1);
      }
      // A term that was the common factor alone leaves its scalar times the identity.
      Expr n = right ? common->shape.rows : common->shape.cols;
      rest.push_back(fs.size() == 1 ? product({fs[0], identity(n)}) : product(fs));
    }
    Tree inner = sum(std::move(rest));
    if (inner->key == a->key) continue;
    inner = factor_common(inner);
    return right ? product({inner, common}) : product({common, inner});
  }
  return a;
}

}  // namespace ddx::matrix
