// SPDX-License-Identifier: GPL-3.0-or-later
// Sums over an integer index (see sums.hpp).
#include "core/sums.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/limits.hpp"
#include "core/node.hpp"
#include "core/substitute.hpp"

namespace ddx {
namespace {

bool is_index_name(Expr s, Expr index) {
  return s == index || family_of(s.name(), index.name()).has_value();
}

// The number of terms of a sum with whole-number bounds (0 when empty), or -1 past the limit.
long term_count(Expr lower, Expr upper) {
  Number count = (upper.number() - lower.number()) + Number(1);
  if (count.sign() <= 0) return 0;
  if (!count.fits_long() || count.to_long() > max_sum_terms) return -1;
  return static_cast<long>(count.to_long());
}

// Whether the body's only bound name is the index itself (no family member x_n).
bool index_alone(Expr body, Expr index) {
  for (Expr s : free_symbols(body))
    if (s != index && family_of(s.name(), index.name())) return false;
  return true;
}

// A sum node sets every bit of its symbol filter (node.cpp), and a node's filter holds its
// children's: an expression whose filter has a clear bit holds no sum.
bool might_hold_sum(Expr e) { return e.node()->symbols == ~std::uint64_t{0}; }

// e rebuilt bottom-up with f applied to each sum (after its insides); shared parts once.
Expr map_sums(Expr e, const std::function<Expr(Expr)>& f) {
  if (!might_hold_sum(e)) return e;
  std::unordered_map<const void*, Expr> done;
  std::function<Expr(Expr)> rebuild = [&](Expr x) -> Expr {
    if (!might_hold_sum(x)) return x;
    if (auto it = done.find(x.node()); it != done.end()) return it->second;
    Expr r = map_children(x, rebuild);
    if (is_sum(r)) r = f(r);
    done.emplace(x.node(), r);
    return r;
  };
  return rebuild(e);
}

ConditionLog*& live_log() {
  static ConditionLog* log = nullptr;
  return log;
}

template <typename T>
void add_once(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// Calls f on each sum in e, inner ones first, each shared one once.
void for_each_sum(Expr e, const std::function<void(Expr)>& f) {
  if (!might_hold_sum(e)) return;  // asked of every derivative: nothing to set up for none
  std::unordered_set<const void*> seen;
  std::function<void(Expr)> visit = [&](Expr x) {
    if (!might_hold_sum(x) || !seen.insert(x.node()).second) return;
    for_each_child(x, visit);
    if (is_sum(x)) f(x);
  };
  visit(e);
}

// Whether a sum inside the body has the index in its bounds (sum(x_m, m = 1 .. n) in a sum over n).
bool in_inner_bounds(Expr body, Expr index) {
  bool found = false;
  for_each_sum(body, [&](Expr inner) {
    auto a = inner.args();
    found = found || depends_on(a[2], index) || depends_on(a[3], index);
  });
  return found;
}

Expr written_out(Expr body, Expr index, Expr lower, long count) {
  std::vector<Expr> terms;
  terms.reserve(static_cast<std::size_t>(count));
  for (long i = 0; i < count; ++i) terms.push_back(rename_index(body, index, num(lower.number() + Number(static_cast<long long>(i)))));
  return add(std::move(terms));
}

}  // namespace

bool is_sum(Expr e) { return e.is(Kind::Call) && e.function() == sum_function(); }
bool is_count(Expr e) { return is_sum(e) && e.args()[0].is_one(); }

std::optional<std::string> family_of(std::string_view name, std::string_view index) {
  if (name.size() < index.size() + 2 || !name.ends_with(index)) return std::nullopt;
  std::string_view base = name.substr(0, name.size() - index.size());
  if (base.back() != '_') return std::nullopt;
  base.remove_suffix(1);
  if (base.empty() || base.find('_') != std::string_view::npos) return std::nullopt;
  return std::string(base);
}

bool depends_on_index(Expr e, Expr index) {
  for (Expr s : free_symbols(e))
    if (is_index_name(s, index)) return true;
  return false;
}

namespace {

// e with every x_n made x_v (and, with_index, n itself v).
Expr renamed(Expr e, Expr index, Expr v, bool with_index) {
  std::string suffix = v.is(Kind::Symbol) ? v.name() : v.number().to_string();
  std::unordered_map<Expr, Expr> s;
  for (Expr sym_ : free_symbols(e)) {
    if (sym_ == index) {
      if (with_index) s.emplace(sym_, v);
    } else if (auto base = family_of(sym_.name(), index.name())) {
      s.emplace(sym_, sym(*base + "_" + suffix));
    }
  }
  return rename_with_entries(e, s);
}

}  // namespace

Expr rename_index(Expr e, Expr index, Expr v) { return renamed(e, index, v, true); }
Expr rename_entries(Expr e, Expr index, Expr v) { return renamed(e, index, v, false); }

namespace {

// A count in a sum's body whose length grows with the sum's index, n + c, is that length all
// through a range from A on where A + c >= 0: sum(sum(a, m = 1 .. n), n = 1 .. N) is
// a sum(n, n = 1 .. N).
Expr counts_known_in_range(Expr body, Expr index, Expr lower) {
  if (!lower.is_integer()) return body;
  return map_sums(body, [&](Expr sum) {
    if (!is_count(sum)) return sum;
    Expr length = sum.args()[3], c = length - index;
    return c.is_integer() && (lower.number() + c.number()).sign() >= 0 ? length : sum;
  });
}

}  // namespace

std::optional<Expr> simplify_sum(std::span<const Expr> a) {
  Expr body = a[0], index = a[1], lower = a[2], upper = a[3];
  if (!index.is(Kind::Symbol)) throw MathError("the index of a sum must be a name");
  if (depends_on_index(lower, index) || depends_on_index(upper, index))
    throw MathError("the index " + index.name() + " of a sum cannot appear in its bounds");
  for (Expr bound : {lower, upper})  // (a constant that is no number, sqrt(5) or pi, is no whole number either)
    if (bound.is_number() ? !bound.is_integer() : free_symbols(bound).empty())
      throw MathError("the bounds of a sum must be whole numbers");
  if (lower.is_integer() && upper.is_integer() && upper.number() < lower.number()) return Expr(0);
  if (body.is_zero()) return body;  // (0.0 stays a decimal: an answer that involves one is one)
  // Written out where the index is alone, and where a sum inside has it in its bounds (the terms
  // of sum(x_n sum(x_m, m = 1 .. n), n = 1 .. 3) by x_2 are those with n >= 2, which one
  // condition on a range cannot say; written out, each inner sum has numbers for bounds).
  if (lower.is_integer() && upper.is_integer() && (index_alone(body, index) || in_inner_bounds(body, index)))
    if (long count = term_count(lower, upper); count >= 0) return written_out(body, index, lower, count);
  // What does not depend on the index comes out: a constant sums to itself times the count. A
  // count B - A + 1 that is no number stays the sum of 1 from 1 to it (is_count), which is 0
  // where the range runs backwards: sum(a, n = 5 .. N) at N = 2 is 0, not -2a, and sum(sum(1, m =
  // n .. 3), n = 1 .. 5) is 6, not 5. It prints as max(B - A + 1, 0) (with_counts).
  if (!depends_on_index(body, index)) {
    Expr count = upper - lower + 1;
    if (count.is_integer()) return count.number().sign() > 0 ? body * count : Expr(0);
    if (!body.is_one()) return body * make_sum(Expr(1), index, Expr(1), count);
    if (!lower.is_one()) return make_sum(Expr(1), index, Expr(1), count);  // (one form for each count)
    return std::nullopt;
  }
  if (Expr known = counts_known_in_range(body, index, lower); known != body) return make_sum(known, index, lower, upper);
  if (body.is(Kind::Mul)) {
    std::vector<Expr> outside{num(body.number())}, inside;
    for (std::size_t i = 0; i < body.bases().size(); ++i) {
      Expr f = pow(body.bases()[i], body.exponents()[i]);
      (depends_on_index(f, index) ? inside : outside).push_back(f);
    }
    Expr out = mul(std::move(outside));
    if (!out.is_one()) return out * make_sum(mul(std::move(inside)), index, lower, upper);
  }
  return std::nullopt;
}

Expr make_sum(Expr body, Expr index, Expr lower, Expr upper) { return call(sum_function(), {body, index, lower, upper}); }

Expr write_out_sum(Expr body, Expr index, Expr lower, Expr upper) {
  if (!lower.is_integer() || !upper.is_integer())
    throw MathError("the sum over " + index.name() + " has bounds that are not numbers; give them values with at");
  long count = term_count(lower, upper);
  if (count < 0)
    throw LimitError("a sum written out term by term has at most " + std::to_string(max_sum_terms) + " terms");
  return written_out(body, index, lower, count);
}

Expr write_out_sum(Expr e) {
  auto a = e.args();
  return write_out_sum(a[0], a[1], a[2], a[3]);
}

std::optional<Expr> member_with_index(Expr var, Expr index) {
  if (!var.is(Kind::Symbol) || !entry_subscript(var.name())) return std::nullopt;
  return sym(var.name().substr(0, var.name().find('_') + 1) + index.name());
}

std::vector<Expr> summed_entries(Expr e) {
  auto a = e.args();
  std::vector<Expr> out;
  if (!a[2].is_integer() || !a[3].is_integer()) return out;
  long count = term_count(a[2], a[3]);
  if (count < 0) return out;
  for (Expr s : free_symbols(a[0]))
    if (auto family = family_of(s.name(), a[1].name()))
      for (long i = 0; i < count; ++i)
        out.push_back(sym(*family + "_" + (a[2].number() + Number(static_cast<long long>(i))).to_string()));
  return out;
}

bool has_unlisted_entries(Expr e) {
  bool found = false;
  for_each_sum(e, [&](Expr sum) {
    auto a = sum.args();
    if (found || !a[2].is_integer() || !a[3].is_integer() || term_count(a[2], a[3]) >= 0) return;
    for (Expr s : free_symbols(a[0]))
      if (family_of(s.name(), a[1].name())) found = true;
  });
  return found;
}

Expr with_counts(Expr e) {
  if (!might_hold_sum(e)) return e;  // (every answer printed asks)
  static FunctionId const larger = *find_function("max");
  return map_sums(e, [](Expr sum) { return is_count(sum) ? call(larger, {sum.args()[3], Expr(0)}) : sum; });
}

std::vector<Expr> bound_symbols(Expr e) {
  std::vector<Expr> out;
  for_each_sum(e, [&](Expr sum) {
    for (Expr bound : {sum.args()[2], sum.args()[3]})
      for (Expr s : free_symbols(bound))
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  });
  return out;
}

bool has_symbolic_range(Expr e) {
  bool found = false;
  for_each_sum(e, [&](Expr sum) { found = found || !sum.args()[2].is_integer() || !sum.args()[3].is_integer(); });
  return found;
}

bool has_sum(Expr e) {
  std::unordered_set<const void*> seen;
  std::function<bool(Expr)> search = [&](Expr x) {
    if (!might_hold_sum(x) || !seen.insert(x.node()).second) return false;
    if (is_sum(x)) return true;
    bool found = false;
    for_each_child(x, [&](Expr c) { found = found || search(c); });
    return found;
  };
  return search(e);
}

Expr write_out_sums(Expr e) {
  return map_sums(e, [](Expr sum) {
    auto a = sum.args();
    return a[2].is_integer() && a[3].is_integer() ? write_out_sum(sum) : sum;
  });
}

Expr with_canonical_indices(Expr e) {
  return map_sums(e, [](Expr sum) {
    auto a = sum.args();
    int depth = 1;
    for_each_sum(a[0], [&](Expr inner) { depth = std::max(depth, 1 + std::stoi(inner.args()[1].name().substr(1))); });
    Expr index = sym("#" + std::to_string(depth));  // no name a user can write
    return make_sum(rename_index(a[0], a[1], index), index, a[2], a[3]);
  });
}

Expr split_sums(Expr e) {
  return map_sums(e, [](Expr sum) {
    auto a = sum.args();
    if (!a[0].is(Kind::Add)) return sum;
    Expr body = a[0];
    std::vector<Expr> parts{make_sum(num(body.number()), a[1], a[2], a[3])};
    for (std::size_t i = 0; i < body.terms().size(); ++i)
      parts.push_back(make_sum(num(body.coefficients()[i]) * body.terms()[i], a[1], a[2], a[3]));
    return add(std::move(parts));
  });
}

namespace {

// The family part of an entry's name: x for x_k and x_3.
std::string_view family_part(const std::string& entry) { return std::string_view(entry).substr(0, entry.find('_')); }

// ∂/∂x_j takes every other entry x_k of x's family that e names for another variable, which is
// right only where j != k: that is the answer's condition when a subscript is a name (x_2 and x_3
// are different entries). ∂/∂x_k (x_1 x_k) is x_1 for k != 1, but 2x_1 for k = 1.
void note_distinct_entries(Expr e, Expr var, Expr j, ConditionLog& log) {
  const ConditionLog::Entries& written = log.written_entries(e);
  auto note = [&](Expr entry) {
    if (entry == var || family_part(entry.name()) != family_part(var.name())) return;
    Expr k = *entry_subscript(entry.name());
    IndexCondition c;
    c.kind = IndexCondition::Kind::Distinct;
    c.index = j.is_integer() ? k : j;  // k != 1, not 1 != k
    c.other = j.is_integer() ? j : k;
    add_once(log.conditions, c);
  };
  for (Expr entry : written.named) note(entry);
  if (!j.is_integer())  // a numbered var is a different entry from every numbered one
    for (Expr entry : written.numbered) note(entry);
}
}  // namespace

ConditionLog::ConditionLog() : outer_(live_log()) { live_log() = this; }

void note_condition(const IndexCondition& c) {
  if (ConditionLog* log = live_log()) add_once(log->conditions, c);
}

std::size_t conditions_noted() { return live_log() ? live_log()->conditions.size() : 0; }

bool index_outside(Expr k, Expr lower, Expr upper) {
  return k.is_integer() && ((lower.is_integer() && k.number() < lower.number()) ||
                            (upper.is_integer() && upper.number() < k.number()));
}

std::optional<IndexCondition> conditions_at(std::size_t first, const std::unordered_map<Expr, Expr>& point) {
  ConditionLog* log = live_log();
  if (!log) return std::nullopt;
  std::vector<IndexCondition> kept(log->conditions.begin(), log->conditions.begin() + static_cast<std::ptrdiff_t>(first));
  for (std::size_t i = first; i < log->conditions.size(); ++i) {
    IndexCondition c = log->conditions[i];
    for (Expr* e : {&c.index, &c.lower, &c.upper, &c.other}) *e = substitute(*e, point);
    bool distinct = c.kind == IndexCondition::Kind::Distinct;
    // (k != j at k = j: the same name on both sides, whatever its number)
    if (distinct && c.index == c.other) return log->conditions[i];
    // An index that is a number but no whole one is no entry's (x_k at k = 1/2).
    if (c.index.is_number() && !c.index.is_integer()) return log->conditions[i];
    if (!distinct && index_outside(c.index, c.lower, c.upper)) return log->conditions[i];
    bool decided = distinct ? c.index.is_integer() && c.other.is_integer()
                            : c.index.is_integer() && c.lower.is_integer() && c.upper.is_integer();
    if (!decided) {
      add_once(kept, c);
      continue;
    }
    if (distinct && c.index.number() == c.other.number()) return log->conditions[i];
  }
  log->conditions = std::move(kept);
  return std::nullopt;
}

const ConditionLog::Entries& ConditionLog::written_entries(Expr e) {
  if (entries_of_ == e) return entries_;
  entries_of_ = e;
  entries_ = {};
  for (Expr s : written_symbols(e))
    if (auto subscript = entry_subscript(s.name()))
      (subscript->is_integer() ? entries_.numbered : entries_.named).push_back(s);
  return entries_;
}

ConditionLog::~ConditionLog() { live_log() = outer_; }

std::optional<Expr> entry_subscript(const std::string& name) {
  auto underscore = name.find('_');
  if (underscore == std::string::npos || underscore == 0 || underscore + 1 == name.size()) return std::nullopt;
  std::string sub = name.substr(underscore + 1);
  if (sub.find_first_not_of("0123456789") == std::string::npos) return num(Number::from_integer_text(sub));
  // x_-1: the entry a sum from n = -2 writes out (grad of it was 0 there, its name not an entry's)
  if (sub.size() > 1 && sub[0] == '-' && sub.find_first_not_of("0123456789", 1) == std::string::npos)
    return num(-Number::from_integer_text(sub.substr(1)));
  bool plain = std::isalpha(static_cast<unsigned char>(sub[0])) &&
               std::all_of(sub.begin(), sub.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  if (!plain) return std::nullopt;  // A_1_10 is the entry of a matrix, not of a family
  return sym(sub);
}

std::optional<std::string> bound_in_sum(Expr e, Expr var) {
  std::optional<std::string> why;
  if (!var.is(Kind::Symbol)) return why;
  for_each_sum(e, [&](Expr sum) {
    auto a = sum.args();
    if (why) return;
    if (var == a[1]) why = var.name() + " is the index of a sum, which does not depend on it";
    else if (auto family = family_of(var.name(), a[1].name()); family && depends_on(a[0], var))
      why = "inside the sum over " + a[1].name() + ", " + var.name() + " stands for every entry " + *family + "_1, " +
            *family + "_2, ...; for one entry write " + *family + "_k or " + *family + "_3";
  });
  return why;
}

void check_sum_variable(Expr e, Expr var) {
  if (!var.is(Kind::Symbol)) return;
  if (auto why = bound_in_sum(e, var)) throw MathError("cannot differentiate by " + var.name() + ": " + *why);
  std::optional<Expr> subscript = entry_subscript(var.name());
  if (!subscript) return;
  // A sum over x_m whose bounds name the index n of a sum around it (sum(sum(x_m, m = 1 .. n),
  // n = 1 .. N)) has the term m = k only for some n, which one condition cannot say: refused (its
  // derivative was N + 1 for N - k + 1).
  std::vector<Expr> indices;
  for_each_sum(e, [&](Expr sum) { indices.push_back(sum.args()[1]); });
  ConditionLog* log = live_log();
  Expr k = *subscript;
  if (log) note_distinct_entries(e, var, k, *log);
  for_each_sum(e, [&](Expr sum) {
    auto a = sum.args();
    // (Its body writes the member itself: through a sum over the family inside, t_m of a sum over
    // m, the term is that sum's, which says its own condition; 1 <= k <= N was said for a sum over
    // n around sum(t_m, m = 1 .. M).)
    std::vector<Expr> written = written_symbols(a[0]);
    if (std::find(written.begin(), written.end(), *member_with_index(var, a[1])) == written.end()) return;
    for (Expr n : indices)
      if (depends_on(a[2], n) || depends_on(a[3], n))
        throw MathError("cannot differentiate by " + var.name() + ": the bounds of the sum over " + a[1].name() +
                        " name " + n.name() + ", the index of a sum around it (not supported yet: write it out with " +
                        "numbers for the bounds, at N = 3)");
    // (decided: the term is there or not; x_0 of a sum from n = 1 is outside whatever its end)
    if (!log || (k.is_integer() && a[2].is_integer() && a[3].is_integer()) || index_outside(k, a[2], a[3])) return;
    IndexCondition c;
    c.index = k;
    c.lower = a[2];
    c.upper = a[3];
    add_once(log->conditions, c);
  });
}

}  // namespace ddx
