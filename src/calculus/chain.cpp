// SPDX-License-Identifier: GPL-3.0-or-later
// Chain expansion over the dependency graph of definitions (see chain.hpp). Each path from the
// target down to the variable becomes one product of Leibniz factors.
#include "calculus/chain.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "core/functions.hpp"
#include "core/limits.hpp"
#include "core/sums.hpp"
#include "support/graph_walk.hpp"

namespace ddx::calc {
namespace {

// Calls finish(name, body, uses(body)) for every defined name that `roots` reach through
// definitions, each once, after every defined name its body uses; names `known` accepts were
// finished before. No recursion: a chain may be thousands of definitions long. A name met again
// while its own body is being walked (a cycle, refused by sessions, possible through the API) is
// not waited for.
template <class Uses, class Known, class Finish>
void for_each_definition_below(const std::vector<Expr>& roots, const DefinitionLookup& body_of, Uses uses, Known known,
                               Finish finish) {
  struct Frame {
    Expr name;
    Expr body;
    std::vector<Expr> edges;  // what the body uses
  };
  std::unordered_set<Expr> entered;
  auto open = [&](Expr name) -> std::optional<Frame> {
    if (known(name) || !entered.insert(name).second) return std::nullopt;
    std::optional<Expr> body = body_of(name.name());
    if (!body) return std::nullopt;
    return Frame{name, *body, uses(*body)};
  };
  walk_after_successors<Expr>(roots, open, [&](const Frame& f) { finish(f.name, f.body, f.edges); });
}

class ChainBuilder {
 public:
  ChainBuilder(std::string_view var, const DefinitionLookup& body_of)
      : var_(var), var_symbol_(sym(var)), body_of_(body_of) {}

  // Does name n (or the variable itself) reach var through definitions?
  bool reaches(std::string_view n) {
    Expr name = sym(n);
    if (name == var_symbol_) return true;
    explore(name);
    auto it = names_.find(name);
    return it != names_.end() && it->second.reaches;
  }

  // How many products the chain of d n / d var has, and how many factors they hold together
  // (before they are written out: a chain of definitions that each use the one before twice has
  // two to the power of its length).
  double path_count(std::string_view n) { return explored(n).paths; }
  double factor_count(std::string_view n) { return explored(n).factors; }

  // All products of factors for d n / d var (n defined, n != var).
  std::vector<std::vector<LeibnizFactor>> paths(const std::string& n) {
    std::vector<std::vector<LeibnizFactor>> out;
    const Name& info = explored(n);
    for (const Reaching& a : info.reaching) {
      const std::string& v = a.symbol.name();
      LeibnizFactor f{n, v, info.partial, a.local, a.informative};
      if (a.symbol == var_symbol_) {
        out.push_back({f});
        continue;
      }
      for (auto& rest : paths(v)) {
        rest.insert(rest.begin(), f);
        out.push_back(std::move(rest));
      }
    }
    return out;
  }

 private:
  struct Reaching {  // an argument of a body through which it reaches var
    Expr symbol;
    Expr local;  // ∂body/∂symbol
    bool informative;
  };
  struct Name {
    bool reaches = false;
    bool partial = false;  // several arguments: ∂
    std::vector<Reaching> reaching;
    double paths = 0, factors = 0;
  };

  const Name& explored(std::string_view n) {
    Expr name = sym(n);
    explore(name);
    return names_.at(name);
  }

  // Every defined name n reaches, after those its body uses.
  void explore(Expr name) {
    auto uses = [this](Expr body) { return arguments(body); };
    auto known = [this](Expr n) { return n == var_symbol_ || names_.contains(n); };  // (var: a leaf)
    for_each_definition_below({name}, body_of_, uses, known, [this](Expr n, Expr body, const std::vector<Expr>& args) {
      Name info;
      info.partial = args.size() > 1;
      for (Expr a : args) {
        if (a == n) continue;
        double paths = 1, factors = 0;
        if (a != var_symbol_) {
          auto it = names_.find(a);
          if (it == names_.end() || !it->second.reaches) continue;  // (or a cycle back to a name still open)
          paths = it->second.paths;
          factors = it->second.factors;
        }
        info.reaching.push_back({a, diff(body, a), informative(body, a)});
        info.paths += paths;
        info.factors += paths + factors;
      }
      info.reaches = !info.reaching.empty();
      names_.insert_or_assign(n, std::move(info));
    });
  }

  // The names a body depends on: its free symbols, and the variable itself when a sum over a
  // family holds it as a term (sum(x_n^2, n = 1 .. N) depends on x_k).
  std::vector<Expr> arguments(Expr body) const {
    std::vector<Expr> args = free_symbols(body);
    check_sum_variable(body, var_symbol_);  // refuses ∂/∂x_n of a sum over x_n; notes the range of x_k's term
    if (std::find(args.begin(), args.end(), var_symbol_) == args.end() && depends_on(body, var_symbol_))
      args.push_back(var_symbol_);
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
  Expr var_symbol_;
  const DefinitionLookup& body_of_;
  std::unordered_map<Expr, Name> names_;  // every defined name explored
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
  if (target == var) {
    c.filled = 1;
    return c;
  }
  ChainBuilder builder(var, body_of);
  // Too many products to write out: the chain's value alone, the derivative of the target with
  // every definition but var's substituted. (Each name's derivative from the one below it, as the
  // builder has it, is a product that copies the one below: quadratic in a chain's length, 25 s
  // and 3.5 GB for 20,000 nested definitions, where the differentiation takes a second.)
  if (builder.factor_count(c.target) > max_chain_factors) {
    c.products_not_written = builder.path_count(c.target);
    c.filled = diff(substitute_definitions(sym(c.target), all_but(var, body_of)), sym(var));
    return c;
  }
  c.terms = builder.paths(c.target);
  std::vector<Expr> sum;
  for (const auto& term : c.terms) {
    std::vector<Expr> product;
    for (const LeibnizFactor& f : term) product.push_back(f.value);
    sum.push_back(mul(std::move(product)));
  }
  c.filled = add(std::move(sum));
  return c;
}

}  // namespace

Expr substitute_definitions(Expr e, const DefinitionLookup& body_of) {
  std::unordered_map<Expr, Expr> values;  // a defined name: its body with every definition substituted
  auto substituted = [&values](Expr body, const std::vector<Expr>& symbols) {
    std::unordered_map<Expr, Expr> s;
    for (Expr v : symbols)
      if (auto it = values.find(v); it != values.end()) s.emplace(v, it->second);
    return s.empty() ? body : substitute(body, s);
  };
  std::vector<Expr> symbols = free_symbols(e);
  for_each_definition_below(symbols, body_of, free_symbols, [](Expr) { return false; },
                            [&](Expr name, Expr body, const std::vector<Expr>& used) {
                              values.emplace(name, substituted(body, used));
                            });
  return substituted(e, symbols);
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
  c.target_partial = free_symbols(*body).size() > 1;
  // ∂u/∂x where u's other names stand still as x moves; where one of them moves with x (u = x^2 w,
  // w = sin(x)), the factor is the total dx-derivative, written d (it was ∂u/∂x, which the
  // first-order chain uses for the part with w held).
  if (std::optional<Expr> through_body = body_of(c.through)) {
    std::vector<Expr> names = free_symbols(*through_body);
    bool const others_move = std::any_of(names.begin(), names.end(), [&](Expr n) { return n.name() != var && builder.reaches(n.name()); });
    c.through_partial = names.size() > 1 && !others_move;
  }
  DefinitionLookup others = all_but(var, body_of);
  Expr x = sym(c.var);
  Expr du_dx = leibniz_chain(c.through, var, false, body_of).filled;
  Expr d2u_dx2 = diff(substitute_definitions(*through, others), x, 2);
  c.filled = diff(*body, *through, 2) * pow(du_dx, 2) + diff(*body, *through) * d2u_dx2;
  c.substituted = substitute_definitions(c.filled, others);
  return c;
}

}  // namespace ddx::calc
