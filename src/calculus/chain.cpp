// SPDX-License-Identifier: GPL-3.0-or-later
// Chain expansion over the dependency graph of definitions (see chain.hpp). Each path from the
// target down to the variable becomes one product of Leibniz factors.
#include "calculus/chain.hpp"

#include <algorithm>
#include <unordered_map>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "core/functions.hpp"
#include "core/sums.hpp"

namespace ddx::calc {
namespace {

class ChainBuilder {
 public:
  ChainBuilder(std::string_view var, const DefinitionLookup& body_of) : var_(var), body_of_(body_of) {}

  // Does name n (or the variable itself) reach var through definitions?
  bool reaches(std::string_view n, int depth = 0) {
    if (n == var_) return true;
    if (depth > 10000) return false;
    auto key = std::string(n);
    if (auto it = reaches_.find(key); it != reaches_.end()) return it->second;
    bool r = false;
    reaches_[key] = false;  // a cycle (refused by sessions, possible through the API) ends here
    if (auto body = body_of_(n))
      for (Expr s : arguments(*body))
        if (s.name() != n && reaches(s.name(), depth + 1)) {
          r = true;
          break;
        }
    reaches_[key] = r;
    return r;
  }

  // All products of factors for d n / d var (n defined, n != var).
  std::vector<std::vector<LeibnizFactor>> paths(const std::string& n, int depth = 0) {
    std::vector<std::vector<LeibnizFactor>> out;
    Expr body = *body_of_(n);
    std::vector<Expr> args = arguments(body);
    bool partial = args.size() > 1;
    for (Expr a : args) {
      const std::string& v = a.name();
      if (!reaches(v)) continue;
      LeibnizFactor f{n, v, partial, diff(body, a), informative(body, a)};
      if (v == var_ || !body_of_(v) || depth > 1000) {
        out.push_back({f});
        continue;
      }
      for (auto& rest : paths(v, depth + 1)) {
        rest.insert(rest.begin(), f);
        out.push_back(std::move(rest));
      }
    }
    return out;
  }

 private:
  // The names a body depends on: its free symbols, and the variable itself when a sum over a
  // family holds it as a term (sum(x_n^2, n = 1 .. N) depends on x_k).
  std::vector<Expr> arguments(Expr body) const {
    std::vector<Expr> args = free_symbols(body);
    Expr var = sym(var_);
    check_sum_variable(body, var);  // refuses ∂/∂x_n of a sum over x_n; notes the range of x_k's term
    if (std::find(args.begin(), args.end(), var) == args.end() && depends_on(body, var)) args.push_back(var);
    return args;
  }

  // ∂n/∂v tells nothing new when n's body is just an unknown function of plain symbols.
  static bool informative(Expr body, Expr) {
    if (!body.is(Kind::Call) || !function_info(body.function()).abstract) return true;
    for (Expr a : body.args())
      if (!a.is(Kind::Symbol)) return true;
    return false;
  }

  std::string var_;
  const DefinitionLookup& body_of_;
  std::unordered_map<std::string, bool> reaches_;
};

// Every definition but var's: the variable keeps its own name when it is itself a defined name
// (∂x5/∂x3 treats x3 as independent).
DefinitionLookup all_but(std::string_view var, const DefinitionLookup& body_of) {
  return [var = std::string(var), &body_of](std::string_view n) -> std::optional<Expr> {
    if (n == var) return std::nullopt;
    return body_of(n);
  };
}

// The chain's Leibniz terms and their filled-in value, without the substitution.
Chain leibniz_chain(std::string_view target, std::string_view var, bool partial, const DefinitionLookup& body_of) {
  Chain c;
  c.target = std::string(target);
  c.var = std::string(var);
  c.partial = partial;
  ChainBuilder builder(var, body_of);
  if (target != var) c.terms = builder.paths(c.target);
  std::vector<Expr> sum;
  for (const auto& term : c.terms) {
    std::vector<Expr> product;
    for (const LeibnizFactor& f : term) product.push_back(f.value);
    sum.push_back(mul(std::move(product)));
  }
  c.filled = target == var ? Expr(1) : add(std::move(sum));
  return c;
}

}  // namespace

Expr substitute_definitions(Expr e, const DefinitionLookup& body_of) {
  std::unordered_map<Expr, Expr> s;
  for (Expr v : free_symbols(e))
    if (auto body = body_of(v.name())) s.emplace(v, substitute_definitions(*body, body_of));
  return s.empty() ? e : substitute(e, s);
}

Chain chain_rule(std::string_view target, std::string_view var, bool partial, const DefinitionLookup& body_of) {
  Chain c = leibniz_chain(target, var, partial, body_of);
  c.substituted = substitute_definitions(c.filled, all_but(var, body_of));
  return c;
}

std::optional<Chain> second_order_chain(std::string_view target, std::string_view var, const DefinitionLookup& body_of) {
  std::optional<Expr> body = body_of(target);
  if (!body || target == var) return std::nullopt;
  ChainBuilder builder(var, body_of);
  std::optional<Expr> through;
  for (Expr s : free_symbols(*body)) {
    if (!builder.reaches(s.name())) continue;
    if (through || s.name() == var) return std::nullopt;  // a second route, or var itself
    through = s;
  }
  if (!through) return std::nullopt;
  Chain c;
  c.target = std::string(target);
  c.var = std::string(var);
  c.order = 2;
  c.through = through->name();
  DefinitionLookup others = all_but(var, body_of);
  Expr x = sym(c.var);
  Expr du_dx = leibniz_chain(c.through, var, false, body_of).filled;
  Expr d2u_dx2 = diff(substitute_definitions(*through, others), x, 2);
  c.filled = diff(*body, *through, 2) * pow(du_dx, 2) + diff(*body, *through) * d2u_dx2;
  c.substituted = substitute_definitions(c.filled, others);
  return c;
}

}  // namespace ddx::calc
