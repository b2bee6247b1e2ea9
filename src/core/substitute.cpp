// SPDX-License-Identifier: GPL-3.0-or-later
// Substitution, free symbols and dependency tests (see substitute.hpp). Every walk is memoised on
// node addresses because differentiation produces DAGs whose tree size can be exponential.
#include "core/substitute.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/errors.hpp"
#include "core/node.hpp"
#include "core/pointer_set.hpp"
#include "core/sums.hpp"

namespace ddx {
namespace {

class Substituter {
 public:
  Substituter(const std::unordered_map<Expr, Expr>& s, bool renaming) : s_(s), renaming_(renaming) {}
  Expr operator()(Expr e) {
    if (auto it = s_.find(e); it != s_.end()) return it->second;
    if (e.is(Kind::Number) || e.is(Kind::Constant) || e.is(Kind::Symbol)) return e;
    if (auto it = done_.find(e.node()); it != done_.end()) return it->second;
    Expr r = is_sum(e) ? sum(e) : map_children(e, [this](Expr c) { return (*this)(c); });
    done_.emplace(e.node(), r);
    return r;
  }

 private:
  // A sum's index and its families' members are bound: they keep their names inside. An entry
  // given a value (x_2 = 5 in a sum over x_n) needs the sum written out, so bounds of numbers.
  Expr sum(Expr e) {
    auto a = e.args();
    Expr body = a[0], index = a[1], lower = (*this)(a[2]), upper = (*this)(a[3]);
    std::unordered_map<Expr, Expr> inner;
    std::optional<Expr> entry;
    for (const auto& [from, to] : s_) {
      if (from == index || family_of(from.name(), index.name())) continue;
      if (auto member = member_with_index(from, index); member && depends_on(body, *member)) entry = from;
      if (depends_on_index(to, index) && depends_on(body, from))  // it would be captured by the sum
        throw MathError("cannot put " + from.name() + " = (something holding " + index.name() +
                        ") inside the sum over " + index.name() + "; the sum's index is its own");
      inner.emplace(from, to);
    }
    // (A renamed entry is the one the term of its index holds: written out where the bounds
    // allow, as a given one is, and otherwise kept.)
    if (entry && !(renaming_ && (!lower.is_integer() || !upper.is_integer()))) {
      if (!lower.is_integer() || !upper.is_integer())
        throw Unanswerable("cannot give " + entry->name() + " a value inside a sum over " + index.name() +
                        " whose bounds are not numbers: whether it is one of the terms depends on them (give them values too)");
      return (*this)(write_out_sum(body, index, lower, upper));
    }
    if (inner.size() != s_.size()) body = Substituter(inner, renaming_)(body);
    else body = (*this)(body);
    return make_sum(body, index, lower, upper);
  }

  const std::unordered_map<Expr, Expr>& s_;
  bool renaming_;  // rename_with_entries
  std::unordered_map<const void*, Expr> done_;
};

// With summed: also the entries x_1 .. x_3 a sum over x_n, n = 1 .. 3 adds up.
void collect_symbols(Expr e, PointerSet& seen, std::vector<Expr>& out, bool summed) {
  if (e.node()->symbols == 0) return;  // no symbol anywhere below (node.hpp's filter)
  if (!seen.insert(e.node())) return;
  if (e.is(Kind::Symbol)) out.push_back(e);
  if (is_sum(e)) {  // the index and its families' members are bound inside
    auto a = e.args();
    PointerSet inner_seen;
    std::vector<Expr> inner;
    collect_symbols(a[0], inner_seen, inner, summed);
    for (Expr s : inner)
      if (s != a[1] && !family_of(s.name(), a[1].name())) out.push_back(s);
    if (summed)
      for (Expr s : summed_entries(e)) out.push_back(s);
    collect_symbols(a[2], seen, out, summed);
    collect_symbols(a[3], seen, out, summed);
    return;
  }
  visit_children(e, [&](Expr c) { collect_symbols(c, seen, out, summed); });
}

std::vector<Expr> sorted_symbols(Expr e, bool summed) {
  PointerSet seen;
  std::vector<Expr> out;
  collect_symbols(e, seen, out, summed);
  std::sort(out.begin(), out.end(), ExprLess{});
  out.erase(std::unique(out.begin(), out.end()), out.end());  // a symbol both inside and outside a sum
  return out;
}

bool find_symbol(Expr e, Expr var, PointerSet& seen);

// A sum depends on what its bounds and body name, except its index and its families' members
// x_n; and on every member x_k, x_3 of a family it sums over (one of its terms may be x_k).
bool sum_depends_on(Expr e, Expr var, PointerSet& seen) {
  auto a = e.args();
  if (find_symbol(a[2], var, seen) || find_symbol(a[3], var, seen)) return true;
  if (!var.is(Kind::Symbol)) return find_symbol(a[0], var, seen);
  const std::string& name = var.name();
  if (var == a[1] || family_of(name, a[1].name())) return false;
  if (find_symbol(a[0], var, seen)) return true;
  auto underscore = name.rfind('_');
  if (underscore == std::string::npos || underscore == 0) return false;
  PointerSet inner;
  return find_symbol(a[0], sym(name.substr(0, underscore + 1) + a[1].name()), inner);
}

bool find_symbol(Expr e, Expr var, PointerSet& seen) {
  if (e == var) return true;
  if (!seen.insert(e.node())) return false;
  if (is_sum(e)) return sum_depends_on(e, var, seen);
  bool found = false;
  visit_children(e, [&](Expr c) { found = found || find_symbol(c, var, seen); });
  return found;
}

// Whether `ok` holds for every floating-point number in e: the numbers, and a sum's or a
// product's coefficients and constant term (false at the first that fails it).
template <class Ok>
bool floats_pass(Expr e, PointerSet& seen, const Ok& ok) {
  if (!seen.insert(e.node())) return true;
  auto passes = [&](const Number& n) { return !n.is_float() || ok(n.to_double()); };
  if (e.is_number()) return passes(e.number());
  if (e.is(Kind::Add) || e.is(Kind::Mul)) {
    if (!passes(e.number())) return false;
    if (e.is(Kind::Add))
      for (const Number& c : e.coefficients())
        if (!passes(c)) return false;
  }
  bool all = true;
  visit_children(e, [&](Expr c) { all = all && floats_pass(c, seen, ok); });
  return all;
}

}  // namespace

Expr substitute(Expr e, const std::unordered_map<Expr, Expr>& s) {
  if (s.empty()) return e;
  return Substituter(s, false)(e);
}

Expr rename_with_entries(Expr e, const std::unordered_map<Expr, Expr>& s) {
  if (s.empty()) return e;
  return Substituter(s, true)(e);
}

std::vector<Expr> free_symbols(Expr e) { return sorted_symbols(e, true); }
std::vector<Expr> written_symbols(Expr e) { return sorted_symbols(e, false); }

bool depends_on(Expr e, Expr var) {
  PointerSet seen;
  return find_symbol(e, var, seen);
}

bool has_float(Expr e) {
  PointerSet seen;
  return !floats_pass(e, seen, [](double) { return false; });
}

bool all_floats(Expr e, const std::function<bool(double)>& ok) {
  PointerSet seen;
  return floats_pass(e, seen, ok);
}

namespace {

Number number_as_written(const Number& n) {
  return n.is_exact() || !std::isfinite(n.to_double()) ? n : Number::from_double_as_written(n.to_double());
}

Expr decimals_as_written(Expr e, std::unordered_map<Expr, Expr>& done) {
  if (e.is(Kind::Symbol) || e.is(Kind::Constant)) return e;
  if (auto it = done.find(e); it != done.end()) return it->second;
  auto again = [&](Expr child) { return decimals_as_written(child, done); };
  Expr out;
  switch (e.kind()) {
    case Kind::Number: out = num(number_as_written(e.number())); break;
    case Kind::Mul: {  // (map_children keeps a product's and a sum's coefficients as they are)
      std::vector<Expr> factors{num(number_as_written(e.number()))};
      for (std::size_t i = 0; i < e.bases().size(); ++i) factors.push_back(pow(again(e.bases()[i]), again(e.exponents()[i])));
      out = mul(std::move(factors));
      break;
    }
    case Kind::Add: {
      std::vector<Expr> terms{num(number_as_written(e.number()))};
      for (std::size_t i = 0; i < e.terms().size(); ++i)
        terms.push_back(num(number_as_written(e.coefficients()[i])) * again(e.terms()[i]));
      out = add(std::move(terms));
      break;
    }
    default: out = map_children(e, again);
  }
  done.emplace(e, out);
  return out;
}

}  // namespace

Expr decimals_as_written(Expr e) {
  if (!has_float(e)) return e;
  std::unordered_map<Expr, Expr> done;
  return decimals_as_written(e, done);
}

}  // namespace ddx
