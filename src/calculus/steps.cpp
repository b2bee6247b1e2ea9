// SPDX-License-Identifier: GPL-3.0-or-later
// explain_derivative: records the differentiator's rule applications as a tree (DiffTrace enter /
// rule events) and replays it outer to inner. Each node's local formula - its rule with the parts
// kept undifferentiated - is also the differentiator's work: diff() applied once to the node with
// each part replaced by an opaque stand-in function, checked against the traced result. A
// quotient f/g, which the differentiator takes as the product f·g^-1, is shown by the quotient
// rule (g f' - f g')/g^2, checked against the product rule's result it stands for.
#include "calculus/steps.hpp"

#include <functional>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "calculus/diff.hpp"
#include "calculus/eval.hpp"
#include "calculus/simplify.hpp"
#include "core/functions.hpp"

namespace ddx::calc {
namespace {

// Takes a shown expression's printed size from the trace's budget; TraceTooLong when it is spent.
void charge_terms(Expr shown, std::size_t& terms_left) {
  std::size_t terms = expr_size(shown);
  if (terms > terms_left) throw TraceTooLong();
  terms_left -= terms;
}

struct TraceNode {
  std::string rule;
  Expr input, result;
  std::vector<std::size_t> children;
  bool closed = false;
};

// Rebuilds the tree from enter/rule events: each rule() closes the innermost open enter(). Every
// application recorded is a step shown, of one printed term at least: past `most` of them the
// trace could not be shown within its budget anyway (TraceTooLong), and the differentiator, which
// takes no shortcut through shared parts while it is traced, is stopped before it walks the whole
// tree of a DAG (steps d/dx f6(x) after f_k(t) = f_(k-1)(f_(k-1)(t)): 2^32 leaves).
class Recorder : public DiffTrace {
 public:
  explicit Recorder(std::size_t most) : most_(most) {}
  void enter(Expr input) override {
    if (nodes_.size() >= most_) throw TraceTooLong();
    std::size_t i = nodes_.size();
    nodes_.push_back({{}, input, input, {}, false});
    if (open_.empty())
      roots_.push_back(i);
    else
      nodes_[open_.back()].children.push_back(i);
    open_.push_back(i);
  }
  void rule(std::string_view name, Expr input, Expr result) override {
    // A trace without enter events (an older differentiator) cannot be replayed: treat it as
    // one step per order, never as a wrong tree.
    if (open_.empty() || nodes_[open_.back()].input != input) {
      consistent_ = false;
      return;
    }
    TraceNode& n = nodes_[open_.back()];
    n.rule = std::string(name);
    n.result = result;
    n.closed = true;
    open_.pop_back();
  }
  const std::vector<TraceNode>& nodes() const { return nodes_; }
  const std::vector<std::size_t>& roots() const { return roots_; }
  bool consistent() const { return consistent_ && open_.empty(); }

 private:
  std::size_t most_;
  std::vector<TraceNode> nodes_;
  std::vector<std::size_t> open_, roots_;
  bool consistent_ = true;
};

bool is_leaf(Expr e) { return e.is(Kind::Number) || e.is(Kind::Constant) || e.is(Kind::Symbol); }

using Replacements = std::unordered_map<Expr, Expr>;

// Replaces whole subexpressions (calls, derivatives) by key, everywhere, re-canonicalising.
// Memoised per node: the expressions are DAGs whose printed trees can be exponentially larger.
Expr replace(Expr e, const Replacements& m, Replacements& done) {
  if (auto it = m.find(e); it != m.end()) return it->second;
  if (is_leaf(e)) return e;
  if (auto it = done.find(e); it != done.end()) return it->second;
  Expr out = map_children(e, [&](Expr c) { return replace(c, m, done); });
  done.emplace(e, out);
  return out;
}

Expr replace(Expr e, const Replacements& m) {
  Replacements done;
  return replace(e, m, done);
}

bool contains(Expr e, Expr part, std::unordered_set<Expr>& searched) {
  if (e == part) return true;
  if (!searched.insert(e).second) return false;
  bool found = false;
  for_each_child(e, [&](Expr c) { found = found || contains(c, part, searched); });
  return found;
}

bool contains(Expr e, Expr part) {
  std::unordered_set<Expr> searched;
  return contains(e, part, searched);
}

// The parts the differentiator differentiates separately, in its order, and a way to put the
// node back together from (possibly replaced) parts.
std::vector<Expr> parts_of(Expr e) {
  std::vector<Expr> parts;
  switch (e.kind()) {
    case Kind::Add: parts.assign(e.terms().begin(), e.terms().end()); break;
    case Kind::Mul:
      for (std::size_t i = 0; i < e.bases().size(); ++i)
        parts.push_back(e.exponents()[i].is_one() ? e.bases()[i] : pow(e.bases()[i], e.exponents()[i]));
      break;
    case Kind::Pow: parts = {e.base(), e.exponent()}; break;
    case Kind::Call:
    case Kind::Derivative: parts.assign(e.args().begin(), e.args().end()); break;
    default: break;
  }
  return parts;
}

Expr rebuild(Expr e, const std::vector<Expr>& parts) {
  switch (e.kind()) {
    case Kind::Add: {
      std::vector<Expr> terms{num(e.number())};
      for (std::size_t i = 0; i < parts.size(); ++i) terms.push_back(num(e.coefficients()[i]) * parts[i]);
      return add(std::move(terms));
    }
    case Kind::Mul: {
      std::vector<Expr> factors{num(e.number())};
      factors.insert(factors.end(), parts.begin(), parts.end());
      return mul(std::move(factors));
    }
    case Kind::Pow: return pow(parts[0], parts[1]);
    case Kind::Call: return call(e.function(), parts);
    case Kind::Derivative: return derivative(e.function(), parts, {e.indices().begin(), e.indices().end()});
    default: return e;
  }
}

// A node's rule with its parts kept: the formula with pending derivatives, the children to
// expand next (one per pending derivative), and the chain's outer function when there is one.
struct Local {
  Expr formula;
  std::vector<std::size_t> pending;
  std::optional<Expr> outer;   // over stand-in symbol
  std::optional<Expr> inner;
  std::optional<Expr> inner_symbol;
  std::string rule;            // the rule the formula shows, where it is not the node's own
  bool quotient = false;       // the formula is the textbook's quotient rule, (g f' - f g')/g^2
};

class Replayer {
 public:
  Replayer(const Recorder& rec, Expr var, bool partial, Expr question, std::size_t max_terms)
      : rec_(rec), var_(var), partial_(partial), terms_left_(max_terms) {
    for (Expr s : free_symbols(question)) used_.insert(s.name());
  }

  StepBlock block(std::size_t root) {
    const TraceNode& r = rec_.nodes()[root];
    StepBlock b;
    b.operand = r.input;
    b.question = pending_derivative(r.input, var_, partial_);
    b.answer = r.result;
    shown_ = b.question;
    steps_ = &b.steps;
    expand(root, true);
    if (b.steps.empty() || b.steps.back().expression != r.result) push({"simplify", {}, {}, {}, r.result});
    return b;
  }

  std::size_t terms_left() const { return terms_left_; }

 private:
  const Recorder& rec_;
  Expr var_;
  bool partial_;
  Expr shown_;
  std::vector<Step>* steps_ = nullptr;
  std::unordered_set<std::string> used_;
  std::size_t next_letter_ = 0;
  std::size_t terms_left_;

  // Each step prints the whole expression: the trace stops once it would print too much.
  void push(Step step) {
    charge_terms(step.expression, terms_left_);
    steps_->push_back(std::move(step));
  }

  Expr pending(Expr e) const { return pending_derivative(e, var_, partial_); }

  // u, v, w, ... as in a textbook chain (cos(u), u = v^3, v = e^x - ax), skipping names
  // the question already uses.
  Expr fresh_symbol() {
    static const char* letters[] = {"u", "v", "w", "t", "s", "r", "p", "q", "z"};
    while (next_letter_ < std::size(letters) && used_.count(letters[next_letter_])) ++next_letter_;
    if (next_letter_ >= std::size(letters)) return sym("u_" + std::to_string(next_letter_++));
    return sym(letters[next_letter_++]);
  }

  // A trivial part (its derivative is 0, or it is a lone symbol or number) is folded into its
  // parent's step; every other part is kept under a stand-in while the node's rule is applied.
  // Computed once per node: the chain's fresh symbol must not be drawn twice.
  const Local& local(std::size_t index) {
    auto it = locals_.find(index);
    if (it == locals_.end()) it = locals_.emplace(index, compute_local(index)).first;
    return it->second;
  }

  // The node's parts under stand-ins: a stand-in function of the variable for each part that is
  // neither a leaf nor constant, with what each stands for (`back`: the part and its pending
  // derivative; `check`: the part and its traced derivative).
  struct StoodIn {
    Expr stand_in;
    std::size_t child;  // the part's trace node
  };
  std::optional<StoodIn> stand_in(Expr part, std::size_t child, std::size_t i, Replacements& back, Replacements& check) {
    const TraceNode& c = rec_.nodes()[child];
    if (is_leaf(part) || c.result.is_zero()) return std::nullopt;
    FunctionId f = abstract_function("steps·u" + std::to_string(i), 1);
    Expr s = call(f, {var_});
    Expr ds = derivative(f, {var_}, {0});
    back[s] = part;
    back[ds] = pending(part);
    check[s] = part;
    check[ds] = c.result;
    return StoodIn{s, child};
  }

  // The quotient rule as a textbook writes it, (g f' - f g')/g^2, for a product of one factor
  // above the bar and one below (a number besides): f/g, f/g^k. The differentiator applied the
  // product rule to f·g^-k; the formula must give its result. nullopt for other shapes.
  std::optional<Local> quotient_local(const TraceNode& n, const std::unordered_map<Expr, std::size_t>& child_of) {
    Expr const e = n.input;
    Expr above = num(e.number()), below = Expr(1);
    std::vector<std::size_t> kept;
    Replacements back, check;
    bool has_above = false, has_below = false;
    for (std::size_t i = 0; i < e.bases().size(); ++i) {
      Expr const base = e.bases()[i], exponent = e.exponents()[i];
      Expr const part = exponent.is_one() ? base : pow(base, exponent);
      auto it = child_of.find(part);
      if (it == child_of.end()) return std::nullopt;
      if (!below_the_bar(exponent)) {
        if (rec_.nodes()[it->second].result.is_zero()) {
          above = above * part;
          continue;
        }
        if (std::exchange(has_above, true)) return std::nullopt;
        std::optional<StoodIn> s = stand_in(part, it->second, i, back, check);
        above = above * (s ? s->stand_in : part);
        if (s) kept.push_back(s->child);
        continue;
      }
      if (std::exchange(has_below, true)) return std::nullopt;
      // g^-k's trace node has g's among its children (the power rule's base).
      std::optional<std::size_t> base_child;
      for (std::size_t c : rec_.nodes()[it->second].children)
        if (rec_.nodes()[c].input == base) base_child = c;
      if (!base_child) return std::nullopt;
      std::optional<StoodIn> s = stand_in(base, *base_child, i, back, check);
      below = pow(s ? s->stand_in : base, -exponent);
      if (s) kept.push_back(s->child);
    }
    if (!has_above || !has_below) return std::nullopt;
    try {
      Expr const d_above = diff(above, var_), d_below = diff(below, var_);
      // The formula must give the traced result: written out as the product rule's two terms it
      // is the differentiator's own sum.
      Expr const as_product = d_above * pow(below, Expr(-1)) - above * d_below * pow(below, Expr(-2));
      if (replace(as_product, check) != n.result) return std::nullopt;
      Local out{replace((below * d_above - above * d_below) * pow(below, Expr(-2)), back), {}, {}, {}, {}, {}, true};
      for (std::size_t c : kept) out.pending.push_back(c);
      return out;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }

  Local compute_local(std::size_t index) {
    const TraceNode& n = rec_.nodes()[index];
    std::vector<Expr> parts = parts_of(n.input);
    std::unordered_map<Expr, std::size_t> child_of;
    for (std::size_t c : n.children) child_of.emplace(rec_.nodes()[c].input, c);
    bool const quotient = n.rule == "quotient rule";
    if (quotient)
      if (std::optional<Local> q = quotient_local(n, child_of)) return *q;
    Local out{n.result, {}, {}, {}, {}, {}, false};
    if (n.children.size() != parts.size()) return out;  // not the shape we know: show the result
    std::vector<Expr> stood = parts;
    Replacements back, check;
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      auto it = child_of.find(parts[i]);
      if (it == child_of.end()) return out;
      std::optional<StoodIn> s = stand_in(parts[i], it->second, i, back, check);
      if (!s) continue;
      stood[i] = s->stand_in;
      kept.push_back(it->second);
    }
    try {
      Expr applied = diff(rebuild(n.input, stood), var_);
      // The formula must give exactly the traced result once the parts' traced derivatives are
      // put in; otherwise the step would claim something the differentiator did not do.
      if (replace(applied, check) != n.result) return out;
      out.formula = replace(applied, back);
      // A quotient not in the textbook's shape is shown as the product it is: f·g^-1's rule.
      if (quotient && !kept.empty()) out.rule = "product rule";
    } catch (const std::exception&) {
      return out;
    }
    // Dedupe: a part that occurs twice is one pending derivative, expanded once.
    std::unordered_set<Expr> seen;
    for (std::size_t c : kept)
      if (seen.insert(rec_.nodes()[c].input).second) out.pending.push_back(c);
    bool chain = n.rule.find("chain rule") != std::string::npos;
    if (chain && kept.size() == 1 && parts.size() <= 2 && !n.input.is(Kind::Add) && !n.input.is(Kind::Mul)) {
      Expr inner = rec_.nodes()[kept[0]].input;
      Expr u = fresh_symbol();
      std::vector<Expr> with_u = parts;
      for (Expr& p : with_u)
        if (p == inner) p = u;
      out.outer = rebuild(n.input, with_u);
      out.inner = inner;
      out.inner_symbol = u;
    }
    return out;
  }

  std::unordered_map<std::size_t, Local> locals_;

  void expand(std::size_t index, bool root) {
    const TraceNode& n = rec_.nodes()[index];
    Expr target = pending(n.input);
    if (!root && !contains(shown_, target)) return;  // cancelled, or already expanded as a twin
    const Local& l = local(index);
    shown_ = replace(shown_, {{target, l.formula}});
    // A sum or product shows its elementary parts (e^x, a x, x^3: nothing left pending inside)
    // differentiated in the same line, as a textbook does: "sum rule; exponential; power rule".
    // Chain rules keep their inner derivative pending for a line, which is what they teach.
    // The quotient rule's line is its formula with the derivatives pending, as a textbook writes
    // it; its elementary parts are filled in on the line after.
    std::string const own_rule = l.rule.empty() ? n.rule : l.rule;
    std::string rule = l.quotient ? std::string() : own_rule;
    std::vector<std::size_t> next;
    Replacements folded;
    for (std::size_t c : l.pending) {
      if (n.input.is(Kind::Add) || n.input.is(Kind::Mul)) {
        const Local& lc = local(c);
        if (lc.pending.empty()) {
          folded.emplace(pending(rec_.nodes()[c].input), lc.formula);
          if (rule.find(rec_.nodes()[c].rule) == std::string::npos)
            rule += (rule.empty() ? "" : "; ") + rec_.nodes()[c].rule;
          continue;
        }
      }
      next.push_back(c);
    }
    if (l.quotient) push({own_rule, {}, {}, {}, shown_});
    if (!folded.empty()) shown_ = replace(shown_, folded);
    if (!l.quotient || !folded.empty()) push({rule, l.outer, l.inner_symbol, l.inner, shown_});
    for (std::size_t c : next) expand(c, false);
  }
};

}  // namespace

Expr pending_derivative(Expr operand, Expr var, bool partial) {
  return call(pending_derivative_function(var.name(), partial), {operand});
}

Steps explain_derivative(Expr e, Expr var, int order, bool partial, std::optional<Expr> as_written, std::size_t* terms_left) {
  std::size_t unlimited = std::numeric_limits<std::size_t>::max();
  std::size_t& budget = terms_left ? *terms_left : unlimited;
  Recorder rec(budget);
  Expr answer = diff(e, var, order, &rec);
  Steps out;
  out.operand = as_written.value_or(e);
  out.var = var;
  out.order = order;
  out.partial = partial;
  out.answer = answer;
  if (!rec.consistent()) {
    // Fallback: one step per order, each the differentiator's answer.
    Expr cur = e;
    for (int k = 0; k < order && !cur.is_zero(); ++k) {
      Expr next = diff(cur, var);
      charge_terms(next, budget);
      out.blocks.push_back({cur, pending_derivative(cur, var, partial), {{"simplify", {}, {}, {}, next}}, next});
      cur = next;
    }
  } else {
    Replayer r(rec, var, partial, out.operand, budget);
    for (std::size_t root : rec.roots()) out.blocks.push_back(r.block(root));
    budget = r.terms_left();
  }
  // diff does not even look at 0 (it stops once a derivative vanishes); say why the answer is 0.
  if (out.blocks.empty() && order > 0)
    out.blocks.push_back({e, pending_derivative(e, var, partial), {{"constant", {}, {}, {}, Expr(0)}}, Expr(0)});
  if (as_written && *as_written != e && !out.blocks.empty()) {
    StepBlock& first = out.blocks.front();
    first.steps.insert(first.steps.begin(), {"definition substitution", {}, {}, {}, first.question});
    first.question = pending_derivative(*as_written, var, partial);
  }
  return out;
}

}  // namespace ddx::calc
