// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix notation for sums (see notation.hpp).
#include "matrix/notation.hpp"

#include <algorithm>
#include <map>

namespace ddx::matrix {
namespace {

// A sum's terms as (scalar part, matrix factors).
std::vector<std::vector<Tree>> term_factors(const std::vector<Tree>& terms) {
  std::vector<std::vector<Tree>> out;
  for (const Tree& t : terms) {
    std::vector<Tree> fs{scalar_part(t)};
    for (const Tree& m : matrix_factors(t)) fs.push_back(m);
    out.push_back(std::move(fs));
  }
  return out;
}

// The commuting scalar factors of a term (det(X), exp(s), (xᵀx)⁻¹), without its coefficient.
std::vector<Tree> scalar_factors(const Tree& t) {
  if (t->op == Op::Product) return {t->args.begin(), t->args.begin() + static_cast<std::ptrdiff_t>(t->scalars)};
  return {};
}

// The name of a term's only matrix factor when it is a declared name or its transpose.
std::pair<std::string, bool> lone_name(const Tree& t) {
  std::vector<Tree> ms = matrix_factors(t);
  if (ms.size() != 1) return {"", false};
  if (ms[0]->op == Op::Symbol) return {ms[0]->name, false};
  if (ms[0]->op == Op::Transpose && ms[0]->args[0]->op == Op::Symbol) return {ms[0]->args[0]->name, true};
  return {"", false};
}

// B before Bᵀ: a transposed name goes after the same name untransposed (else the order stays).
void untransposed_first(std::vector<Tree>& terms) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    auto [name, transposed] = lone_name(terms[i]);
    if (name.empty() || !transposed) continue;
    for (std::size_t j = i + 1; j < terms.size(); ++j) {
      auto [other, other_transposed] = lone_name(terms[j]);
      if (other == name && !other_transposed) {
        Tree moved = terms[j];
        terms.erase(terms.begin() + static_cast<std::ptrdiff_t>(j));
        terms.insert(terms.begin() + static_cast<std::ptrdiff_t>(i), moved);
        break;
      }
    }
  }
}

// The scalar factors every term has (same base, same exponent).
std::vector<Tree> common_scalars(const std::vector<Tree>& terms) {
  std::vector<Tree> common = scalar_factors(terms[0]);
  for (std::size_t i = 1; i < terms.size(); ++i) {
    std::vector<Tree> here = scalar_factors(terms[i]);
    std::erase_if(common, [&](const Tree& c) {
      return std::none_of(here.begin(), here.end(), [&](const Tree& h) { return h->key == c->key; });
    });
  }
  return common;
}

// Σ terms as (Σ the terms without `common`) common, on the right or the left; a term that was
// `common` alone leaves its scalar times the identity.
Tree factored(const Tree& a, std::vector<std::string>& open);

Tree pull_out(const std::vector<Tree>& terms, const Tree& common, bool right, std::vector<std::string>& open) {
  std::vector<Tree> rest;
  for (auto fs : term_factors(terms)) {
    if (right) {
      fs.pop_back();
    } else {
      fs.erase(fs.begin() + 1);
    }
    Expr n = right ? common->shape.rows : common->shape.cols;
    rest.push_back(fs.size() == 1 ? product({fs[0], identity(n)}) : product(fs));
  }
  untransposed_first(rest);
  Tree inner = factored(sum(std::move(rest)), open);
  return right ? product({inner, common}) : product({common, inner});
}

// The factor on one side (the last matrix factor, or the first), null when there is none.
Tree side_factor(const Tree& t, bool right) {
  std::vector<Tree> ms = matrix_factors(t);
  if (ms.empty()) return nullptr;
  return right ? ms.back() : ms.front();
}

Tree factored_once(const Tree& a, std::vector<std::string>& open) {
  const std::vector<Tree>& terms = a->args;
  // A coefficient every term has goes in front: 3B x + 3Bᵀ x = 3 (B x + Bᵀ x).
  Number c = terms[0]->op == Op::Product ? terms[0]->coefficient : Number(1);
  bool same = std::all_of(terms.begin(), terms.end(), [&](const Tree& t) { return t->op == Op::Product && t->coefficient == c; });
  if (same && !c.is_one()) {
    std::vector<Tree> rest;
    for (const Tree& t : terms) rest.push_back(scale(Number(1) / c, t));
    return scale(c, factored(sum(std::move(rest)), open));
  }
  // A scalar every term has goes in front: exp(s) B x + exp(s) Bᵀ x = exp(s) (B + Bᵀ) x.
  if (std::vector<Tree> scalars = common_scalars(terms); !scalars.empty()) {
    std::vector<Tree> inverse;
    for (const Tree& s : scalars) inverse.push_back(power(s, Number(-1)));
    std::vector<Tree> rest;
    for (const Tree& t : terms) {
      std::vector<Tree> fs = inverse;
      fs.push_back(t);
      rest.push_back(product(std::move(fs)));
    }
    scalars.push_back(factored(sum(std::move(rest)), open));
    return product(std::move(scalars));
  }
  // Terms that share their last matrix factor (or else their first) are grouped around it:
  // 3B x + 3Bᵀ x + 2Aᵀ b = 3 (B + Bᵀ) x + 2Aᵀ b.
  for (bool right : {true, false}) {
    std::vector<std::pair<Tree, std::vector<Tree>>> groups;  // factor, its terms (in order)
    for (const Tree& t : terms) {
      Tree f = side_factor(t, right);
      auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return f && g.first && g.first->key == f->key; });
      if (it == groups.end()) {
        groups.push_back({f, {t}});
      } else {
        it->second.push_back(t);
      }
    }
    bool grouped = std::any_of(groups.begin(), groups.end(), [](const auto& g) {
      return g.second.size() > 1 && g.first && g.first->op != Op::Identity;  // c I + d I: I would come back
    });
    if (!grouped) continue;
    std::vector<Tree> out;
    for (const auto& [factor, members] : groups) {
      if (members.size() > 1 && factor->op != Op::Identity) {
        out.push_back(pull_out(members, factor, right, open));
      } else {  // each as it is (c I + d I stays two terms: neither may be dropped)
        out.insert(out.end(), members.begin(), members.end());
      }
    }
    if (groups.size() == 1) return out[0];
    Tree regrouped = sum(std::move(out));
    return regrouped->key == a->key ? a : regrouped;
  }
  return a;
}


// factor_common, knowing the sums being factored further up (their keys): dividing out a
// coefficient and then a scalar can lead back to one of them (the terms of d/dx log(2 x^T e^x):
// the scalar's reciprocal brings the 2 back), which is then left as it is instead of recursing
// for ever.
Tree factored(const Tree& a, std::vector<std::string>& open) {
  if (a->op != Op::Sum) return a;
  if (std::find(open.begin(), open.end(), a->key) != open.end()) return a;
  open.push_back(a->key);
  Tree out = factored_once(a, open);
  open.pop_back();
  return out;
}

}  // namespace

Tree factor_common(const Tree& a) {
  std::vector<std::string> open;
  return factored(a, open);
}

}  // namespace ddx::matrix
