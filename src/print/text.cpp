// SPDX-License-Identifier: GPL-3.0-or-later
// The one-line emitters: Text (ASCII but ∂, implicit multiplication), Unicode (·, ², √, π, −)
// and Code (explicit * and ^, exp(), for other CAS). They share one walk because they differ only
// in tokens; every layout decision was made in present.cpp. Output must re-parse in ddx.
#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/interrupt.hpp"
#include "print/emit.hpp"

namespace ddx::print {
namespace {

bool is_exact_natural(const Display& d) { return d.kind == DKind::Number && d.value.is_integer(); }

// A name the parser may read as a function when "(" follows: f, g, h (f1, g_u), multi-letter and
// Greek names, pi. A single letter, with digits or a subscript (a, x1, x_n, A_11), is safe:
// a (b + c) and x_n (t_n - b) are products.
bool callable_name(std::string_view name) {
  if (name.empty()) return false;
  if (name[0] == 'f' || name[0] == 'g' || name[0] == 'h') return true;
  auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  auto is_alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  std::string_view rest = name.substr(1);
  if (std::all_of(rest.begin(), rest.end(), is_digit)) return false;
  bool subscripted = rest.size() >= 2 && rest[0] == '_' && std::all_of(rest.begin() + 1, rest.end(), is_alnum);
  return !subscripted;
}

class Linear {
 public:
  // `sink`: where finished text goes as the top level is written (write_expression); the strings
  // the emitters return then hold only what was left when they ended.
  explicit Linear(Format f, const TextSink* sink = nullptr) : f_(f), sink_(sink) {}

  std::string emit(const Display& d, std::size_t expected_size = 0) {
    std::string out = start(expected_size);
    top_ = &d;
    put(d, out);
    return out;
  }

  // As emit(d), but a product at the top hands each finished factor to the sink.
  std::string emit_top(const Display& d, std::size_t expected_size) {
    if (d.kind != DKind::Product) return emit(d, expected_size);
    top_ = &d;
    std::string out = start(expected_size);
    put_product(d, out, true);
    return out;
  }

  std::string emit(const SumTerms& terms, std::size_t expected_size = 0) {
    std::string out = start(expected_size);
    Display holder = Display{};  // a sum of the one term in hand, for put_sum_term's rules
    holder.kind = DKind::Sum;
    holder.children.resize(1);
    auto put_one = [this](const Display& p, std::size_t i, std::string& o) { put_child(p, i, o); };
    for (std::size_t i = 0; i < terms.size(); ++i) {
      holder.children[0] = terms.present(i);
      put_sum_term(holder, 0, i == 0, out, minus(), put_one);
      spill(out, out.size());
    }
    return out;
  }

  // Appends d to out. One growing buffer, not a string per subtree: nested calls 2000 deep
  // (sin(sin(...))) would otherwise copy their text once per level.
  void put(const Display& d, std::string& out) {
    check_interrupt();
    switch (d.kind) {
      case DKind::Number: d.value.append_to(out); return;
      case DKind::Symbol:
        if (f_ == Format::Unicode || d.name.find("_-") != std::string::npos) out += symbol_name(d.name, f_);
        else out += d.name;
        return;
      case DKind::Constant:
        if (d.constant == ConstantId::Pi) out += f_ == Format::Unicode ? "π" : "pi";
        else out += f_ == Format::Code ? "exp(1)" : "e";
        return;
      case DKind::Call:
        if (auto p = pending_derivative_of(d.function)) {
          out += pending(*p, present_arg(d, 0), &d == top_);
          return;
        }
        if (function_info(d.function).notation == Notation::Sum) {  // sum(BODY, n = A .. B): it reads back
          out += "sum(";
          put(present_arg(d, 0), out);
          out += ", ";
          put(present_arg(d, 1), out);
          out += " = ";
          put(present_arg(d, 2), out);
          out += " .. ";
          put(present_arg(d, 3), out);
          out += ')';
          return;
        }
        out += function_info(d.function).name;
        out += '(';
        put_args(d, out);
        out += ')';
        return;
      case DKind::Derivative: out += derivative(d); return;
      case DKind::Pow: power(d, out); return;
      case DKind::Sqrt: {
        const Display& r = d.children[0];
        bool bare = f_ == Format::Unicode &&
                    (is_exact_natural(r) || r.kind == DKind::Symbol || r.kind == DKind::Constant);
        out += f_ != Format::Unicode ? "sqrt(" : bare ? "√" : "√(";
        put(r, out);
        if (!bare) out += ')';
        return;
      }
      case DKind::Product: put_product(d, out, false); return;
      case DKind::Fraction:
        put_child(d, 0, out);
        out += '/';
        put_child(d, 1, out);
        return;
      case DKind::Sum:
        put_sum(d, out, minus(), [this](const Display& p, std::size_t i, std::string& o) { put_child(p, i, o); });
        return;
      case DKind::Neg:
        out += minus();
        put_child(d, 0, out);
        return;
    }
  }

 private:
  // Answers expected to print this long keep their arguments' text. A short argument (x, 2x)
  // costs less to write again than to keep; one of more than largest_kept_tree nodes is not
  // looked for (the budget holds few such, and every look costs a hash).
  static constexpr std::size_t long_answer = std::size_t{1} << 16, shortest_kept_argument = 8,
                               kept_arguments_budget = std::size_t{1} << 16, largest_kept_tree = 256;
  // Streaming: text is handed over in pieces of at least this many bytes.
  static constexpr std::size_t piece_size = std::size_t{1} << 16;
  Format f_;
  const TextSink* sink_;
  const Display* top_ = nullptr;  // what emit() was given: a pending derivative alone there reads as it is
  bool keep_arguments_ = false;
  std::unordered_map<const Node*, std::pair<std::size_t, std::size_t>> kept_arguments_;  // offset, length
  std::string kept_text_;

  std::string minus() const { return f_ == Format::Unicode ? "−" : "-"; }

  // An answer's buffer, with room for what it is expected to write; a long one keeps arguments.
  std::string start(std::size_t expected_size) {
    keep_arguments_ = keep_arguments_ || expected_size >= long_answer;
    std::string out;
    out.reserve(sink_ ? std::min(expected_size, 2 * piece_size) : expected_size);
    return out;
  }

  // Streaming: hands out's first `final_length` bytes (text nothing will look at or change again)
  // to the sink once there are enough of them, and returns how many it took off the front.
  std::size_t spill(std::string& out, std::size_t final_length) {
    if (!sink_ || final_length < piece_size) return 0;
    (*sink_)(std::string_view(out.data(), final_length));
    out.erase(0, final_length);
    return final_length;
  }

  // Factors with their separators; `top`: the answer itself, whose finished factors may be
  // spilled (only the previous factor's text is looked at to choose the next separator).
  void put_product(const Display& d, std::string& out, bool top) {
    std::size_t previous = out.size();  // where the previous factor's text starts
    put_child(d, 0, out);
    for (std::size_t i = 1; i < d.children.size(); ++i) {
      if (top) previous -= spill(out, previous);
      std::size_t pos = out.size();
      if (f_ == Format::Code) {  // always '*': no need to look at the neighbours' text
        out += '*';
        put_child(d, i, out);
        previous = pos + 1;
        continue;
      }
      put_child(d, i, out);
      std::string_view before(out.data() + previous, pos - previous), next(out.data() + pos, out.size() - pos);
      std::string sep = separator(d.children[i - 1], before, d.children[i], next);
      if (!sep.empty()) out.insert(pos, sep);
      previous = pos + sep.size();
    }
  }

  void put_child(const Display& parent, std::size_t i, std::string& out) {
    bool parens = needs_parens(parent, i, false);
    if (parens) out += '(';
    put(parent.children[i], out);
    if (parens) out += ')';
  }

  void put_args(const Display& d, std::string& out) {
    for (std::size_t i = 0; i < d.args.size(); ++i) {
      if (i) out += ", ";
      put_argument(d.args[i], out);
    }
  }

  // An argument is a whole expression between a bracket and a comma: its text is the same
  // wherever it appears, so in a long answer the text of one written before is copied instead of
  // presented and written again (the derivative of a product of 400 sin(k x + 1) writes each
  // argument 400 times). Kept within a small budget, so that a long answer does not keep a second
  // copy of itself (d/dx of sin(sin(...)) 2000 deep repeats every inner chain in each factor: a
  // megabyte would take a third off its printing, for a megabyte more memory).
  void put_argument(Expr argument, std::string& out) {
    if (!keep_arguments_ || argument.node()->tree_size > largest_kept_tree) return put(present(argument), out);
    if (auto kept = kept_arguments_.find(argument.node()); kept != kept_arguments_.end()) {
      out.append(kept_text_, kept->second.first, kept->second.second);
      return;
    }
    std::size_t start = out.size();
    put(present(argument), out);
    std::size_t length = out.size() - start;
    if (length >= shortest_kept_argument && kept_text_.size() + length <= kept_arguments_budget) {
      if (kept_text_.empty()) kept_text_.reserve(kept_arguments_budget);
      kept_arguments_.emplace(argument.node(), std::pair{kept_text_.size(), length});
      kept_text_.append(out, start, length);
    }
  }

  // `steps` shows a derivative not yet taken as `d/dx (x^2)`, `d/dx (sin(x))`: bracketed, for
  // d/dx sin(x) + 1 would read back as the derivative of the whole sum (an operand ends at a `+`
  // only when it is one bracketed group). Code shows diff(x^2, x), which re-parses too.
  std::string pending(const PendingDerivative& p, const Display& operand, bool alone) {
    std::string s = Linear(f_).emit(operand);
    if (f_ == Format::Code) return "diff(" + s + ", " + p.var + ")";
    // Alone on its line (the question `steps` repeats), d/dx sin(x^2) reads back as it is.
    bool bare = alone && (operand.kind == DKind::Symbol || operand.kind == DKind::Number ||
                          operand.kind == DKind::Constant || (operand.kind == DKind::Call && !pending_derivative_of(operand.function)) ||
                          (operand.kind == DKind::Derivative && !is_leibniz_form(operand)));
    return leibniz("", {p.var}, 1, p.partial, f_) + (bare ? " " + s : " (" + s + ")");
  }

  std::string args(const Display& d) {
    std::string out;
    for (std::size_t i = 0; i < d.args.size(); ++i) out += (i ? ", " : "") + emit(present_arg(d, i));
    return out;
  }

  // f'(x), f''(2x + 1); ∂f/∂u, ∂^2f/∂u∂v, ∂f/∂u(x^2, y). Code writes diff(f(x), x, 2) and
  // diff(f(u, v), u, v) where the point is the function's own variables (SymPy, Maxima and ddx all
  // read that); at any other point it keeps ddx's notation, which only ddx re-reads.
  std::string derivative(const Display& d) {
    const std::string& name = function_info(d.function).name;
    if (f_ == Format::Code) {
      if (auto code = derivative_call(d)) return *code;
    }
    if (d.args.size() == 1) return name + std::string(d.indices.size(), '\'') + "(" + args(d) + ")";
    Format f = f_ == Format::Unicode ? Format::Unicode : Format::Text;
    std::string out = leibniz(name, derivative_vars(d), static_cast<int>(d.indices.size()), true, f);
    return d.point_implicit ? out : out + "(" + args(d) + ")";
  }

  // diff(f(x, y), x, y) when every argument is a distinct symbol, else nullopt.
  std::optional<std::string> derivative_call(const Display& d) {
    std::vector<std::string> names;
    for (Expr a : d.args) {
      if (!a.is(Kind::Symbol) || std::find(names.begin(), names.end(), a.name()) != names.end()) return std::nullopt;
      names.push_back(a.name());
    }
    std::string out = "diff(" + function_info(d.function).name + "(" + args(d) + ")";
    // Runs of one variable as `x, n`: diff(f(x), x, 2). With several variables every count is
    // written, diff(f(u, v), u, 2, v, 1), as Maxima requires.
    auto runs = derivative_runs(d.indices);
    for (const auto& [index, count] : runs) {
      out += ", " + names[static_cast<std::size_t>(index)];
      if (count > 1 || runs.size() > 1) out += ", " + std::to_string(count);
    }
    return out + ")";
  }

  void power(const Display& d, std::string& out) {
    const Display& base = d.children[0];
    const Display& exponent = d.children[1];
    if (f_ == Format::Code && base.kind == DKind::Constant && base.constant == ConstantId::E) {
      out += "exp(";
      put(exponent, out);
      out += ')';
      return;
    }
    if (f_ == Format::Unicode && is_exact_natural(exponent)) {
      std::string sup = superscript(exponent.value.to_string());
      // sin²(x) for built-ins, as textbooks write it (the parser reads sin^2(x) as sin(x)^2).
      if (unicode_function_power(d)) {
        out += function_info(base.function).name + sup + "(";
        put_args(base, out);
        out += ')';
        return;
      }
      put_child(d, 0, out);
      out += sup;
      return;
    }
    put_child(d, 0, out);
    out += '^';
    put_child(d, 1, out);
  }

  // sin²(x): a built-in of one argument raised to a natural power, written with the exponent on
  // the name (max(x, y)², since max²(x, y) does not read back: sin^2(x) is read, max^2(x, y) not).
  static bool unicode_function_power(const Display& d) {
    const Display& base = d.children[0];
    return is_exact_natural(d.children[1]) && base.kind == DKind::Call && base.args.size() == 1 &&
           !function_info(base.function).abstract &&
           function_info(base.function).notation != Notation::Sum;  // sum(...)², not sum²(...)
  }

  // The rightmost name of a factor as printed, if it ends in one (x, x^a, pi).
  static std::string trailing_name(const Display& d) {
    if (d.kind == DKind::Symbol) return std::string(d.name);
    if (d.kind == DKind::Constant) return d.constant == ConstantId::Pi ? "pi" : "e";
    if (d.kind == DKind::Pow && !needs_parens(d, 1, false)) return trailing_name(d.children[1]);
    return {};
  }

  // A name that may follow a number with no space: 3a, 18x, 72e^4, 6x^2, 4x_k (not e1: 2e1 is a float).
  static bool tight_after_number(const Display& d) {
    if (d.kind == DKind::Pow) return tight_after_number(d.children[0]);
    if (d.kind == DKind::Constant) return d.constant == ConstantId::E;
    if (d.kind != DKind::Symbol) return false;
    std::string_view n = d.name;
    if (!std::isalpha(static_cast<unsigned char>(n[0]))) return false;
    bool subscripted_letter = n.size() > 2 && n[1] == '_';  // 4x_k, 2A_11 (a number never ends in _)
    if (callable_name(n) && !subscripted_letter) return false;
    return !((n[0] == 'e' || n[0] == 'E') && n.size() > 1);
  }

  // prev_s: the previous factor's text; next_s: the next factor's text.
  std::string separator(const Display& prev, std::string_view prev_s, const Display& next, std::string_view next_s) {
    if (f_ == Format::Code) return "*";
    const std::string times = f_ == Format::Unicode ? "·" : "*";
    if (prev.kind == DKind::Number && prev_s.find('e') == std::string::npos && tight_after_number(next)) return "";
    // "2 3" would be read as one number by a human, and 2 3^x is easy to misread: be explicit.
    if (!next_s.empty() && (std::isdigit(static_cast<unsigned char>(next_s[0])) || next_s[0] == '.')) return times;
    // f (x + 1) and alpha (x + 1) would re-parse as calls, and so would ∂f/∂t (...) as the
    // derivative at a point.
    if (!next_s.empty() && next_s[0] == '(') {
      std::string name = trailing_name(prev);
      if (!name.empty() && callable_name(name)) return times;
      if (prev.kind == DKind::Derivative && prev.point_implicit) return times;
    }
    // sin²(x) y would read as sin²(x y): the argument of `sin²` runs to the next operator.
    if (f_ == Format::Unicode && prev.kind == DKind::Pow && unicode_function_power(prev)) return times;
    // √x y could read as √(x y).
    if (f_ == Format::Unicode && prev.kind == DKind::Sqrt && prev_s.back() != ')') return times;
    return " ";
  }
};

}  // namespace

std::string emit_linear(const Display& d, Format f, std::size_t expected_size) {
  return Linear(f).emit(d, expected_size);
}
std::string emit_linear(const SumTerms& terms, Format f, std::size_t expected_size) {
  return Linear(f).emit(terms, expected_size);
}
std::string emit_linear(const Display& d, Format f, std::size_t expected_size, const TextSink& sink) {
  return Linear(f, &sink).emit_top(d, expected_size);
}
std::string emit_linear(const SumTerms& terms, Format f, std::size_t expected_size, const TextSink& sink) {
  return Linear(f, &sink).emit(terms, expected_size);
}

}  // namespace ddx::print
