// SPDX-License-Identifier: GPL-3.0-or-later
// Generated code (program.hpp): the answer's expressions with each shared part computed once
// (core/common_subexpressions.hpp), then laid out as a Python, NumPy or C function.
#include "print/program.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/common_subexpressions.hpp"
#include "core/errors.hpp"
#include "core/functions.hpp"
#include "core/real_value.hpp"
#include "core/sums.hpp"
#include "print/critical_render.hpp"
#include "print/foreign.hpp"
#include "print/result.hpp"

namespace ddx::print {
namespace {

// The answer's entries in order, and its shape: {} a scalar, {n} a vector, {m, n} a matrix.
struct Entries {
  std::vector<Expr> exprs;
  std::vector<std::size_t> shape;
};

void flatten(const eval::Value& v, Entries& out, std::size_t depth) {
  if (v.kind != eval::Value::Kind::List) {
    out.exprs.push_back(v.scalar);
    return;
  }
  if (out.shape.size() <= depth) out.shape.push_back(v.items.size());
  if (out.shape[depth] != v.items.size() || depth > 1)
    throw Unprintable("generated code takes vectors and matrices, not lists of other shapes");
  for (const eval::Value& item : v.items) flatten(item, out, depth + 1);
}

// The parameters: every free name, sorted; a family x whose entries x_n a sum reads is one
// parameter, a list (`families`).
struct Parameters {
  std::set<std::string> names;
  std::set<std::string> families;
  std::set<std::string> indices;  // bound by sums: never parameters, never temporaries' names
  std::map<std::string, std::set<std::string>> indexed_by;  // an index: the families it reads
};

void collect(Expr e, const std::vector<Expr>& bound, Parameters& p, std::set<const void*>& seen) {
  if (!seen.insert(e.node()).second) return;
  if (e.is(Kind::Symbol)) {
    for (Expr index : bound) {
      if (e == index) return;
      if (auto family = family_of(e.name(), index.name())) {
        p.families.insert(*family);
        p.indexed_by[index.name()].insert(*family);
        return;
      }
    }
    p.names.insert(e.name());
    return;
  }
  if (is_sum(e)) {
    auto a = e.args();
    collect(a[2], bound, p, seen);
    collect(a[3], bound, p, seen);
    std::vector<Expr> inner = bound;
    inner.push_back(a[1]);
    p.indices.insert(a[1].name());
    std::set<const void*> inner_seen;  // the body means something else under its index
    collect(a[0], inner, p, inner_seen);
    // A list holds x_1 first (x[0]): x_0 would be x[-1], Python's last entry (sum((n + 1) x_n,
    // n = 0 .. 2) came out 11 for 14) and C's read before the array. So a sum over a family starts
    // at a number 1 or more (k .. N may start at 0).
    const std::set<std::string>& read = p.indexed_by[a[1].name()];
    if (!read.empty() && !(a[2].is_number() && !(a[2].number() < Number(1)))) {
      const std::string& x = *read.begin();
      throw Unprintable("generated code takes the family " + x + " as a list from " + x + "_1; this sum starts at " +
                        a[1].name() + " = " + to_string(a[2], Format::Text) +
                        (a[2].is_number() ? ": start it at 1 (write its terms with " + a[1].name() + " + 1)"
                                          : ", which may be below 1: start it at a number, 1 or more"));
    }
    return;
  }
  for_each_child(e, [&](Expr c) { collect(c, bound, p, seen); });
}

// Code computes with doubles: a constant past their range (e^1000, about 2e434) is inf there and
// one nonzero below it (e^-1000) 0, where ddx's answer has its value. Refused, as a number
// literal past it is (foreign.cpp); each largest constant part is valued once.
class ConstantsInDoubles {
 public:
  explicit ConstantsInDoubles(Format f) : f_(f) {}
  void check(Expr e) {
    if (free_of_symbols(e)) check_value(e);
  }

 private:
  Format f_;
  std::unordered_map<const void*, bool> constant_;

  bool free_of_symbols(Expr e) {
    if (auto it = constant_.find(e.node()); it != constant_.end()) return it->second;
    bool constant = !e.is(Kind::Symbol) && !is_sum(e);
    std::vector<Expr> parts;
    for_each_child(e, [&](Expr c) {
      if (free_of_symbols(c)) parts.push_back(c);
      else constant = false;
    });
    if (!constant)
      for (Expr c : parts) check_value(c);
    // (a product keeps e^1000 of x e^1000 as its base e and exponent 1000, no part of its own)
    if (!constant && e.is(Kind::Mul))
      for (std::size_t i = 0; i < e.bases().size(); ++i)
        if (Expr b = e.bases()[i], x = e.exponents()[i]; !x.is_one() && free_of_symbols(b) && free_of_symbols(x)) check_value(pow(b, x));
    constant_.emplace(e.node(), constant);
    return constant;
  }

  void check_value(Expr c) {
    if (c.is(Kind::Number) || c.is(Kind::Constant)) return;
    Real v(64);
    try {
      real_value(c, v.get());
    } catch (const MathError&) {  // (no value, or none ddx works out: as it was)
      return;
    }
    double d = mpfr_get_d(v.get(), MPFR_RNDN);
    if (std::isinf(d) || (d == 0 && !mpfr_zero_p(v.get())))
      throw Unprintable(std::string(program_language(f_)) + " code computes with doubles, and " + to_string(c, Format::Text) +
                        " (about " + approximately(v.get()) + ") is beyond their range");
  }

  static std::string approximately(mpfr_ptr v) {
    char buf[64];
    mpfr_snprintf(buf, sizeof buf, "%.3Rg", v);
    return buf;
  }
};

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
  return s;
}

// The position of entry i of a vector or matrix: "[2]", "[1][0]".
std::string position(std::size_t i, const std::vector<std::size_t>& shape) {
  if (shape.size() == 1) return "[" + std::to_string(i) + "]";
  return "[" + std::to_string(i / shape[1]) + "][" + std::to_string(i % shape[1]) + "]";
}

// Functions a language lacks that programs call, each defined in the program that calls it:
// sign where Python and C have none; softplus and sigmoid written so that no exp overflows
// (u + log(1 + e^-u) for a positive u; e^-|u|): log(exp(800) + 1) was inf, and Python's
// math.exp(800) raised OverflowError.
struct ProgramHelper {
  Format language;
  std::string_view name;
  std::string_view definition;
};
constexpr ProgramHelper program_helpers[] = {
    {Format::Python, "sign", "def sign(v):\n    return (v > 0) - (v < 0)"},
    {Format::Python, "softplus", "def softplus(u):\n    return u + math.log1p(math.exp(-u)) if u > 0 else math.log1p(math.exp(u))"},
    {Format::Python, "sigmoid", "def sigmoid(u):\n    e = math.exp(-abs(u))\n    return 1/(1 + e) if u >= 0 else e/(1 + e)"},
    {Format::NumPy, "softplus", "def softplus(u):\n    return np.logaddexp(0, u)"},
    {Format::NumPy, "sigmoid", "def sigmoid(u):\n    e = np.exp(-np.abs(u))\n    return np.where(u >= 0, 1/(1 + e), e/(1 + e))"},
    {Format::C, "sign", "static double sign(double v) { return (v > 0) - (v < 0); }"},
    {Format::C, "softplus", "static double softplus(double u) { return u > 0 ? u + log1p(exp(-u)) : log1p(exp(u)); }"},
    {Format::C, "sigmoid", "static double sigmoid(double u) {\n    double e = exp(-fabs(u));\n    return u >= 0 ? 1/(1 + e) : e/(1 + e);\n}"},
};

class Program {
 public:
  Program(const eval::Result& r, Format f) : f_(f), name_(r.name.empty() ? "f" : r.name) {
    flatten(r.value, entries_, 0);
    for (Expr& e : entries_.exprs) e = rewritten_for(e, f);
    ConstantsInDoubles in_doubles(f);
    for (Expr e : entries_.exprs) in_doubles.check(e);
    std::set<const void*> seen;
    for (Expr e : entries_.exprs) collect(e, {}, params_, seen);
    take_entries_into_families();
    // One parameter per name: x beside a family x_n (sum(x x_n, n = 1 .. 2) took x as the list
    // too), or a bound N beside a family N_n, would be one parameter for two things.
    for (const std::string& family : params_.families)
      if (params_.names.contains(family))
        throw Unprintable("generated code takes the family " + family + "_n as a list named " + family + ", and " + family +
                          " is also a variable here: rename one of them");
    taken_.insert(params_.names.begin(), params_.names.end());
    taken_.insert(params_.families.begin(), params_.families.end());
    taken_.insert(params_.indices.begin(), params_.indices.end());
    // C has no sum expression: each sum is a temporary computed by a loop.
    std::function<bool(Expr)> loops = [](Expr e) { return is_sum(e); };
    shared_ = share_common_subexpressions(entries_.exprs, taken_, f == Format::C ? loops : nullptr);
  }

  std::string text() const { return f_ == Format::C ? c() : python(); }

 private:
  Format f_;
  std::string name_;
  Entries entries_;
  Parameters params_;
  std::unordered_set<std::string> taken_;  // the parameters' and indices' names
  SharedForm shared_;

  std::string expr(Expr e) const { return foreign_expression(e, f_, {}, &params_.families); }

  // x_2 beside a sum over x_n is x[1] of the list x, not a parameter of its own (the function
  // took x and x_2 apart, as if x_2 could differ from x[1]); x_k is x[k - 1], k a parameter.
  void take_entries_into_families() {
    if (params_.families.empty()) return;
    std::set<std::string> names;
    for (const std::string& name : params_.names) {
      std::optional<Expr> subscript = entry_subscript(name);
      if (!subscript || !params_.families.contains(name.substr(0, name.find('_')))) {
        names.insert(name);
      } else if (subscript->is(Kind::Symbol)) {
        names.insert(subscript->name());
      }
    }
    params_.names = std::move(names);
  }

  // Every parameter, in order: the free names and the families, sorted together.
  std::set<std::string> all_parameters() const {
    std::set<std::string> all(params_.names.begin(), params_.names.end());
    all.insert(params_.families.begin(), params_.families.end());
    return all;
  }

  std::vector<std::string> parameter_names() const {
    std::vector<std::string> out;
    for (const std::string& n : all_parameters()) out.push_back(foreign_symbol(n, f_));
    return out;
  }

  // Whether the body names `what` as a word of its own: sign( but not copysign( nor np.sign(.
  static bool uses(const std::string& body, std::string_view what) {
    for (auto at = body.find(what); at != std::string::npos; at = body.find(what, at + 1)) {
      char before = at == 0 ? ' ' : body[at - 1];
      if (!(std::isalnum(static_cast<unsigned char>(before)) || before == '_' || before == '.')) return true;
    }
    return false;
  }

  // The program's own definitions of the helpers its body calls, in this language.
  std::string helpers_used(const std::string& body) const {
    std::string out;
    for (const ProgramHelper& h : program_helpers)
      if (h.language == f_ && uses(body, std::string(h.name) + "(")) out += std::string(h.definition) + "\n\n";
    return out;
  }

  // `return` and what comes before it: [a, b] or [[a, b], [c, d]] of the results. NumPy: an
  // array, its entries broadcast first (a constant entry beside one that is an array per point).
  std::string python_return() const {
    const auto& results = shared_.results;
    if (entries_.shape.empty()) return "    return " + expr(results[0]) + "\n";
    if (f_ == Format::NumPy) {
      std::vector<std::string> all;
      for (Expr e : results) all.push_back(expr(e));
      std::string stacked = "np.stack(np.broadcast_arrays(" + join(all, ", ") + "))";
      if (entries_.shape.size() == 1) return "    return " + stacked + "\n";
      std::string t = fresh_name(), dims = std::to_string(entries_.shape[0]) + ", " + std::to_string(entries_.shape[1]);
      return "    " + t + " = " + stacked + "\n    return " + t + ".reshape((" + dims + ") + " + t + ".shape[1:])\n";
    }
    std::vector<std::string> rows;
    if (entries_.shape.size() == 1) {
      for (Expr e : results) rows.push_back(expr(e));
    } else {
      for (std::size_t i = 0; i < entries_.shape[0]; ++i) {
        std::vector<std::string> row;
        for (std::size_t j = 0; j < entries_.shape[1]; ++j) row.push_back(expr(results[i * entries_.shape[1] + j]));
        rows.push_back("[" + join(row, ", ") + "]");
      }
    }
    return "    return [" + join(rows, ", ") + "]\n";
  }

  // A name for one more temporary, after those of the shared form.
  std::string fresh_name() const {
    for (std::size_t k = shared_.temporaries.size() + 1;; ++k) {
      std::string name = "t" + std::to_string(k);
      if (!taken_.contains(name)) return name;
    }
  }

  std::string python() const {
    std::string body;
    for (const auto& [t, definition] : shared_.temporaries) body += "    " + t.name() + " = " + expr(definition) + "\n";
    body += python_return();
    std::string const helpers = helpers_used(body);
    std::string head;
    if (uses(body + helpers, "math.")) head += "import math\n";
    if (uses(body + helpers, "np.")) head += "import numpy as np\n";
    if (!head.empty()) head += "\n";
    head += helpers;
    return head + "def " + name_ + "(" + join(parameter_names(), ", ") + "):\n" + body;
  }

  std::string c_parameters(const std::string& out) const {
    std::vector<std::string> ps;
    for (const std::string& n : all_parameters())
      ps.push_back((params_.families.contains(n) ? "const double *" : "double ") + foreign_symbol(n, f_));
    if (!out.empty()) ps.push_back(out);
    return ps.empty() ? "void" : join(ps, ", ");
  }

  std::string c() const {
    std::string body;
    for (const auto& [t, definition] : shared_.temporaries) {
      if (is_sum(definition)) {
        auto a = definition.args();
        std::string n = foreign_symbol(a[1].name(), f_);
        Expr body_expr = a[0];
        body += "    double " + t.name() + " = 0;\n";
        body += "    for (long " + n + " = " + expr(a[2]) + "; " + n + " <= " + expr(a[3]) + "; ++" + n + ") " + t.name() +
                " += " + foreign_expression(body_expr, f_, {a[1]}, &params_.families) + ";\n";
        continue;
      }
      body += "    double " + t.name() + " = " + expr(definition) + ";\n";
    }
    std::string signature;
    if (entries_.shape.empty()) {
      body += "    return " + expr(shared_.results[0]) + ";\n";
      signature = "double " + name_ + "(" + c_parameters("") + ")";
    } else {
      std::string dims;
      for (std::size_t d : entries_.shape) dims += "[" + std::to_string(d) + "]";
      for (std::size_t i = 0; i < shared_.results.size(); ++i)
        body += "    out" + position(i, entries_.shape) + " = " + expr(shared_.results[i]) + ";\n";
      signature = "void " + name_ + "(" + c_parameters("double out" + dims) + ")";
    }
    return "#include <math.h>\n\n" + helpers_used(body) + signature + " {\n" + body + "}";
  }
};

}  // namespace

std::string program(const eval::Result& r, Format f) {
  if (const auto* m = std::get_if<eval::MatrixAnswer>(&r.shape)) {
    // The value of an answer in matrix notation is no expression of its own: only its entries are.
    if (!m->entries)
      throw Unprintable(std::string(format_name(f)) + " code needs the answer entry by entry; write it out with at n = 2 (or another size)");
    eval::Result entries = r;
    entries.value = *m->entries;
    entries.shape = std::monostate{};
    if (entries.name.empty() && !m->var.empty()) entries.name = "d_d" + m->var;  // d/dx of a matrix expression
    return program(entries, f);
  }
  if (const auto* c = std::get_if<eval::CriticalPoints>(&r.shape)) refuse_list_of_infinitely_many(*c, f);
  if (std::holds_alternative<eval::ValueTable>(r.shape) || std::holds_alternative<eval::PlotRequest>(r.shape))
    return render(r, Format::Code);  // a table is data (CSV), a plot goes to a file
  if (r.value.kind == eval::Value::Kind::Truth) {
    bool t = r.value.truth;
    if (f == Format::C) return std::string("int ") + (r.name.empty() ? "f" : r.name) + "(void) { return " + (t ? "1" : "0") + "; }";
    return "def " + (r.name.empty() ? std::string("f") : r.name) + "():\n    return " + (t ? "True" : "False");
  }
  std::string s = Program(r, f).text();
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace ddx::print
