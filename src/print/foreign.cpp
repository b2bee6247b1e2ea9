// SPDX-License-Identifier: GPL-3.0-or-later
// The emitter of other systems' syntax (foreign.hpp). It walks the same display tree as the
// other emitters (present.cpp made every layout decision), choosing each system's tokens: `**`
// or `^` or pow(), `(` or `[`, Rational(1, 2) where Python would compute 0.5, Subscript[x, 1].
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>
#include <unordered_set>
#include <vector>

#include "core/functions.hpp"
#include "core/interrupt.hpp"
#include "core/substitute.hpp"
#include "core/sums.hpp"
#include "print/emit.hpp"
#include "print/foreign.hpp"

namespace ddx::print {
namespace {

// Names a system reads as something else. SymPy: `from sympy import *` binds these (sympy.abc
// calls them its clashes; Lambda is its class of anonymous functions); Mathematica: System`
// symbols a single capital or a Greek name may name (the variable Pi was pasted as the number pi).
constexpr std::array<std::string_view, 13> sympy_taken{"E", "I", "N", "O", "Q", "S", "E1", "beta", "gamma", "zeta", "lambda", "Lambda", "n_order"};
constexpr std::array<std::string_view, 9> mathematica_taken{"C", "D", "E", "I", "K", "N", "O", "Pi", "Gamma"};
// Python's keywords, and the names the generated code itself calls (a parameter `range` made
// range(1, N + 1) call a float).
constexpr std::array<std::string_view, 45> python_keywords{
    "False", "None",  "True",   "and",      "as",     "assert", "async",  "await",  "break",  "class",
    "continue", "def", "del",   "elif",     "else",   "except", "finally", "for",   "from",   "global",
    "if",    "import", "in",    "is",       "lambda", "nonlocal", "not",  "or",     "pass",   "raise",
    "return", "try",  "while",  "with",     "yield",  "math",   "np",     "sum",    "range",  "float",
    "abs",   "max",   "min",    "sign",     "int"};
// C's keywords, and the names the generated code uses besides math.h's functions: its output
// array, the functions it writes powers and odd roots with (math.h's macros: c_macro_name).
constexpr std::array<std::string_view, 38> c_keywords{
    "auto",   "break",  "case",     "char",   "const",    "continue", "default", "do",     "double",
    "else",   "enum",   "extern",   "float",  "for",      "goto",     "if",      "inline", "int",
    "long",   "register", "restrict", "return", "short",  "signed",   "sizeof",  "static", "struct",
    "switch", "typedef", "union",   "unsigned", "void",   "volatile", "while",  "out",    "pow",
    "copysign", "main"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A name math.h takes as a macro (or may: it reserves these prefixes): M_LN2 as a parameter was
// `double 0.69314718055994530942`, which no compiler reads.
bool c_macro_name(std::string_view name) {
  constexpr std::array<std::string_view, 7> macros{"NAN", "INFINITY", "HUGE_VAL", "HUGE_VALF", "HUGE_VALL", "MATH_ERRNO", "MATH_ERREXCEPT"};
  return name.starts_with("M_") || name.starts_with("FP_") || name == "math_errhandling" || among(macros, name);
}

// A decimal with an exponent (its `e` at `e`) as Mathematica reads a machine real: 1e-07 is
// 1.*^-7 and 2.5e+20 2.5*^20 (1*^-07, a whole mantissa, is an exact rational there).
std::string mathematica_real(const std::string& s, std::size_t e) {
  std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
  if (mantissa.find('.') == std::string::npos) mantissa += '.';
  bool negative = !exponent.empty() && exponent[0] == '-';
  if (!exponent.empty() && (exponent[0] == '-' || exponent[0] == '+')) exponent.erase(0, 1);
  exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
  return mantissa + "*^" + (negative ? "-" : "") + exponent;
}

// A C name that a math.h function (or the program's sign) would shadow.
bool c_function_name(std::string_view name) {
  for (const std::string& f : builtin_function_names())
    if (has_foreign_spelling(f) && foreign_function(f, Format::C) == name) return true;
  return name == "sign";
}

class Foreign {
 public:
  Foreign(Format f, std::vector<Expr> bound, const std::set<std::string>& families)
      : f_(f), bound_(std::move(bound)), families_(families) {}

  std::string emit(const Display& d) {
    std::string out;
    put(d, out);
    return out;
  }

 private:
  Format f_;
  std::vector<Expr> bound_;  // the indices of the sums being written, innermost last
  const std::set<std::string>& families_;  // written as indexed names (summed_families)

  bool brackets() const { return f_ == Format::Mathematica; }
  std::string open() const { return brackets() ? "[" : "("; }
  std::string close() const { return brackets() ? "]" : ")"; }

  void put(const Display& d, std::string& out) {
    check_interrupt();
    switch (d.kind) {
      case DKind::Number: out += number(d.value); return;
      case DKind::Symbol: out += symbol(d.name); return;
      case DKind::Constant: out += foreign_constant(d.constant, f_); return;
      case DKind::Call: call(d, out); return;
      case DKind::Derivative: out += derivative(d); return;
      case DKind::Pow: power(d, out); return;
      case DKind::Sqrt:
        out += std::string(foreign_function("sqrt", f_)) + open();
        put(d.children[0], out);
        out += close();
        return;
      case DKind::Product:
        for (std::size_t i = 0; i < d.children.size(); ++i) {
          if (i) out += '*';
          put_child(d, i, out);
        }
        return;
      case DKind::Fraction: fraction(d, out); return;
      case DKind::Sum:
        put_sum(d, out, "-", [this](const Display& p, std::size_t i, std::string& o) { put_child(p, i, o); });
        return;
      case DKind::Neg:
        out += '-';
        put_child(d, 0, out);
        return;
    }
  }

  void put_child(const Display& parent, std::size_t i, std::string& out) {
    bool parens = needs_parens(parent, i, false);
    if (parens) out += '(';
    put(parent.children[i], out);
    if (parens) out += ')';
  }

  std::string number(const Number& n) {
    std::string s = n.to_string();
    if (!n.is_integer()) {  // a float: Mathematica writes its exponent *^
      if (auto e = s.find('e'); e != std::string::npos && f_ == Format::Mathematica) s = mathematica_real(s, e);
      return s;
    }
    // Programs compute with doubles: past their range a literal is inf in C (x^2/10^310 came out 0
    // at x = 10^300), and Python's whole number beside a float raised OverflowError when run.
    if (is_program(f_) && s.size() > 300 && std::isinf(std::strtod(s.c_str(), nullptr)))
      throw Unprintable(std::string(program_language(f_)) + " code computes with doubles, and " + s.substr(0, 12) + "... (" +
                        std::to_string(s.size() - (s[0] == '-')) + " digits) is beyond their range");
    // C: an integer literal past int's range would not compile; as a double it is what C computes with.
    if (f_ == Format::C && s.size() > 9) s += ".0";
    // NumPy: a whole number past 64 bits is a Python object to it, and an array times one is an
    // array of objects, which np.cos and the rest refuse (d/dx sin(2^70 x) raised TypeError on an
    // array); as a double it is what the program computes with.
    if (f_ == Format::NumPy && s.size() - (s[0] == '-') > 18) s += ".0";
    return s;
  }

  std::string symbol(std::string_view name) {
    for (auto it = bound_.rbegin(); it != bound_.rend(); ++it) {
      const std::string& index = it->name();
      // (C's loop counts with a long: in the arithmetic of its terms it is a double, as 1/n
      // was integer division, 1 for 1/1 + 1/2 + 1/3)
      if (name == index) return f_ == Format::C ? "(double)" + foreign_symbol(name, f_) : foreign_symbol(name, f_);
      if (auto family = family_of(name, index)) return member(*family, sym(index));
    }
    // x_2 or x_k beside a sum over x_n: an entry of the family the sum reads.
    if (!families_.empty())
      if (auto subscript = entry_subscript(std::string(name)))
        if (std::string family(name.substr(0, name.find('_'))); families_.contains(family)) return member(family, *subscript);
    return foreign_symbol(name, f_);
  }

  bool is_bound(Expr index) const { return std::find(bound_.begin(), bound_.end(), index) != bound_.end(); }

  // x_n inside a sum over n, or x_2: the n-th (2nd) entry of the family x. Programs take x as a
  // list from x_1, at [0] (program.cpp refuses an entry before it).
  std::string member(const std::string& family, Expr index) {
    std::string x = foreign_symbol(family, f_);
    bool const numbered = index.is_integer();
    std::string n = numbered ? index.number().to_string() : foreign_symbol(index.name(), f_);
    switch (f_) {
      case Format::SymPy: return "Indexed('" + family + "', " + n + ")";
      case Format::Maxima:
      case Format::Mathematica: return x + "[" + n + "]";
      default:
        // (C indexes with a whole number: a parameter k is a double, x[k - 1] did not compile. A
        // sum's own index is a long counter, and comes here as n already.)
        if (!numbered) return x + "[" + (f_ == Format::C && !is_bound(index) ? "(long)" + n : n) + " - 1]";
        if (index.number() < Number(1))
          throw Unprintable("generated code takes the family " + family + " as a list from " + family + "_1, and " +
                            family + "_" + n + " is before it");
        return x + "[" + (index.number() - Number(1)).to_string() + "]";
    }
  }

  void put_args(const Display& d, std::string& out) {
    for (std::size_t i = 0; i < d.args.size(); ++i) {
      if (i) out += ", ";
      put(present_arg(d, i), out);
    }
  }

  void call(const Display& d, std::string& out) {
    const FunctionInfo& info = function_info(d.function);
    if (info.pending) throw std::logic_error("a derivative not yet taken is shown by steps, never pasted");
    if (info.notation == Notation::Sum) {
      sum(d, out);
      return;
    }
    if (info.abstract) {
      if (is_program(f_)) throw Unprintable(abstract_message(info.name));
      out += symbol(info.name);
    } else {
      out += foreign_function(info.name, f_);
    }
    out += open();
    put_args(d, out);
    out += close();
  }

  // Sum(body, (n, 1, N)), sum(body, n, 1, N), Sum[body, {n, 1, N}], sum(body for n in range(1, N + 1)).
  void sum(const Display& d, std::string& out) {
    if (f_ == Format::C) throw Unprintable("C cannot write this sum as an expression: it is inside another sum");
    Expr index = d.args[1];
    std::string n = foreign_symbol(index.name(), f_), lower = emit(present_arg(d, 2)), upper = emit(present_arg(d, 3));
    bound_.push_back(index);
    std::string body = emit(present_arg(d, 0));
    bound_.pop_back();
    switch (f_) {
      case Format::SymPy: out += "Sum(" + body + ", (" + n + ", " + lower + ", " + upper + "))"; return;
      case Format::Maxima: out += "sum(" + body + ", " + n + ", " + lower + ", " + upper + ")"; return;
      case Format::Mathematica: out += "Sum[" + body + ", {" + n + ", " + lower + ", " + upper + "}]"; return;
      default:
        out += "sum(" + body + " for " + n + " in range(" + lower + ", " + emit(present(d.args[3] + 1)) + "))";
        return;
    }
  }

  std::string abstract_message(const std::string& name) const {
    return std::string(program_language(f_)) + " code needs every function known, and " + name +
           " is an abstract function: define it first";
  }

  // Mathematica: Derivative[1, 0][f][a, b] at any point. SymPy and Maxima: diff(f(x), x, 2) where
  // the point is the function's own distinct variables, else that derivative at the point.
  std::string derivative(const Display& d) {
    const std::string& name = function_info(d.function).name;
    if (is_program(f_)) throw Unprintable(abstract_message(name));
    std::vector<std::string> args;
    for (std::size_t i = 0; i < d.args.size(); ++i) args.push_back(emit(present_arg(d, i)));
    if (f_ == Format::Mathematica) {
      std::vector<int> counts(d.args.size(), 0);
      for (int i : d.indices) ++counts[static_cast<std::size_t>(i)];
      std::string s = "Derivative[";
      for (std::size_t i = 0; i < counts.size(); ++i) s += (i ? ", " : "") + std::to_string(counts[i]);
      return s + "][" + symbol(name) + "][" + join(args) + "]";
    }
    bool own_variables = true;
    for (std::size_t i = 0; i < d.args.size(); ++i)
      own_variables = own_variables && d.args[i].is(Kind::Symbol) &&
                      std::count(d.args.begin(), d.args.end(), d.args[i]) == 1;
    auto runs = derivative_runs(d.indices);  // diff(f(x), x), diff(f(x), x, 2), diff(f(u, v), u, 1, v, 1)
    // diff(f(inside...), ...): the derivative by the arguments that `inside` writes at its places.
    auto diff_of = [&](const std::vector<std::string>& inside) {
      std::string diff = "diff(" + symbol(name) + "(" + join(inside) + ")";
      for (const auto& [index, count] : runs)
        diff += ", " + inside[static_cast<std::size_t>(index)] + (count > 1 || runs.size() > 1 ? ", " + std::to_string(count) : "");
      return diff + ")";
    };
    if (own_variables) return diff_of(args);
    // A stand-in for each argument the derivative is taken by (SymPy: only those, as SymPy writes
    // its own, Subs(Derivative(f(_xi_1, x), _xi_1), _xi_1, x); with stand-ins for every argument,
    // SymPy took the two terms of d/dx f(x, x), at the point (x, x), for one and added them into
    // 2 Subs(diff(f(ddx_u1, ddx_u2), ddx_u1), ...): 2x^2 for f(u, v) = u v^2, not 3x^2). Maxima:
    // for every argument.
    std::vector<bool> taken(args.size(), f_ == Format::Maxima);
    for (const auto& [index, count] : runs) taken[static_cast<std::size_t>(index)] = true;
    std::vector<std::string> inside = args, vars, points;
    for (std::size_t i = 0; i < args.size(); ++i)
      if (taken[i]) {
        inside[i] = "ddx_u" + std::to_string(i + 1);
        vars.push_back(inside[i]);
        points.push_back(args[i]);
      }
    std::string const diff = diff_of(inside);
    if (f_ == Format::Maxima) {
      std::string point;
      for (std::size_t i = 0; i < vars.size(); ++i) point += (i ? ", " : "") + vars[i] + " = " + points[i];
      return "at(" + diff + ", [" + point + "])";
    }
    if (vars.size() == 1) return "Subs(" + diff + ", " + vars[0] + ", " + points[0] + ")";
    return "Subs(" + diff + ", (" + join(vars) + "), (" + join(points) + "))";
  }

  static std::string join(const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
    return s;
  }

  // Whether the exponent k is p/q with q odd and above 1, and then whether p is odd.
  static std::optional<bool> odd_root(const Display& k) {
    if (k.kind != DKind::Fraction) return std::nullopt;
    const Display &p = k.children[0], &q = k.children[1];
    if (p.kind != DKind::Number || q.kind != DKind::Number || !p.value.is_integer() || !q.value.is_integer()) return std::nullopt;
    if (!q.value.is_odd()) return std::nullopt;
    return p.value.is_odd();
  }

  // x^(p/q), q odd: ddx means the real root ((-8)^(1/3) = -2, (-8)^(2/3) = 4), which Python's **
  // (a complex number), C's pow (NaN), SymPy's and Mathematica's principal roots do not give for a
  // negative x. SymPy and Mathematica have the real root (real_root, Surd); a program takes the
  // root of |x|, with x's sign when p is odd. (Maxima's x^(1/3) is the real root already.)
  void real_root(const Display& d, bool odd_numerator, std::string& out) {
    std::string base = emit(d.children[0]), k = emit(d.children[1]);
    if (f_ == Format::SymPy || f_ == Format::Mathematica) {
      const Display& fraction = d.children[1];
      std::string p = number(fraction.children[0].value), q = number(fraction.children[1].value);
      std::string root = f_ == Format::SymPy ? "real_root(" + base + ", " + q + ")" : "Surd[" + base + ", " + q + "]";
      out += p == "1" ? root : root + (f_ == Format::SymPy ? "**" : "^") + p;
      return;
    }
    std::string magnitude = f_ == Format::C ? "pow(fabs(" + base + "), " + k + ")"
                            : f_ == Format::NumPy ? "np.abs(" + base + ")**(" + k + ")"
                                                  : "abs(" + base + ")**(" + k + ")";
    if (!odd_numerator) {
      out += magnitude;
    } else if (f_ == Format::NumPy) {  // (bracketed: a product, and it may be a divisor: 1/(np.sign(x)*...))
      out += "(np.sign(" + base + ")*" + magnitude + ")";
    } else {
      out += std::string(f_ == Format::C ? "copysign(" : "math.copysign(") + magnitude + ", " + base + ")";
    }
  }

  void power(const Display& d, std::string& out) {
    const Display& base = d.children[0];
    if (base.kind == DKind::Constant && base.constant == ConstantId::E) {
      out += std::string(foreign_function("exp", f_)) + open();
      put(d.children[1], out);
      out += close();
      return;
    }
    bool non_negative_base = base.kind == DKind::Number || base.kind == DKind::Constant;
    bool real_roots_differ = is_program(f_) || f_ == Format::SymPy || f_ == Format::Mathematica;
    if (auto odd_numerator = odd_root(d.children[1]); odd_numerator && real_roots_differ && !non_negative_base) {
      real_root(d, *odd_numerator, out);
      return;
    }
    bool whole_exponent = d.children[1].kind == DKind::Number && d.children[1].value.is_integer();
    // A whole exponent past 2^53 is no double: an odd one rounds to an even one, and x^(2^60 + 1)
    // was +1 at x = -1. Its magnitude is taken of |x|, its sign x's where it is odd.
    auto past_doubles = [](const Number& n) { return !((n.is_negative() ? -n : n) < Number(static_cast<long long>(1) << 53)); };
    if (whole_exponent && is_program(f_) && !non_negative_base && past_doubles(d.children[1].value)) {
      bool const odd = d.children[1].value.is_odd();
      std::string base_text = emit(base), k = number(d.children[1].value);
      if (f_ == Format::NumPy && k.find('.') == std::string::npos) k += ".0";  // (np.float_power takes no int past 2^64)
      // (as floats: a Python whole number to such a power was worked out exactly, for ever)
      std::string magnitude = f_ == Format::C ? "pow(fabs(" + base_text + "), " + k + ")"
                              : f_ == Format::NumPy ? "np.float_power(np.abs(" + base_text + "), " + k + ")"
                                                    : "float(abs(" + base_text + "))**" + k;
      if (!odd) out += magnitude;
      else if (f_ == Format::NumPy) out += "(np.sign(" + base_text + ")*" + magnitude + ")";
      else out += std::string(f_ == Format::C ? "copysign(" : "math.copysign(") + magnitude + ", " + base_text + ")";
      return;
    }
    // C has no power operator. Python's ** makes a negative float to a power that is no whole
    // number complex ((-8.0)**(1/3) is 1 + 1.73j); math.pow refuses it, as ddx leaves it undefined;
    // np.float_power makes it NaN (x_n^(n/3) of a family passed as a list of floats was complex),
    // and takes whole numbers as floats (np.power(2, -1) raises ValueError).
    if (f_ == Format::NumPy && !whole_exponent && !non_negative_base) {
      out += "np.float_power(";
      put(base, out);
      out += ", ";
      put(d.children[1], out);
      out += ')';
      return;
    }
    if (f_ == Format::C || (f_ == Format::Python && !whole_exponent && !non_negative_base)) {
      out += f_ == Format::C ? "pow(" : "math.pow(";
      put(base, out);
      out += ", ";
      put(d.children[1], out);
      out += ')';
      return;
    }
    put_child(d, 0, out);
    out += f_ == Format::Maxima || f_ == Format::Mathematica ? "^" : "**";
    put_child(d, 1, out);
  }

  // SymPy: Rational(1, 2), as 1/2 would be Python's 0.5. C: 1.0/2, as 1/2 would be 0.
  void fraction(const Display& d, std::string& out) {
    bool numbers = d.children[0].kind == DKind::Number && d.children[1].kind == DKind::Number;
    if (numbers && f_ == Format::SymPy) {
      out += "Rational(" + number(d.children[0].value) + ", " + number(d.children[1].value) + ")";
      return;
    }
    if (numbers && f_ == Format::C) {
      std::string top = number(d.children[0].value);
      out += top + (top.find('.') == std::string::npos ? ".0" : "");
    } else {
      put_child(d, 0, out);
    }
    out += '/';
    put_child(d, 1, out);
  }
};

}  // namespace

std::vector<std::pair<int, std::size_t>> derivative_runs(std::span<const int> indices) {
  std::vector<std::pair<int, std::size_t>> runs;
  for (int i : indices) {
    if (runs.empty() || runs.back().first != i) runs.emplace_back(i, 0);
    ++runs.back().second;
  }
  return runs;
}

std::string foreign_symbol(std::string_view name, Format f) {
  std::string n(name);
  // An entry of negative index (x_-1, of a sum from n = -1) is no identifier anywhere: 2*x_-1
  // was 2*x_ - 1 in SymPy and Maxima, and no parameter name in Python or C.
  bool negative_index = n.find('-') != std::string::npos;
  auto replaced_minus = [&](std::string_view by) {
    std::string out;
    for (char c : n) out += c == '-' ? std::string(by) : std::string(1, c);
    return out;
  };
  switch (f) {
    case Format::SymPy: return among(sympy_taken, name) || negative_index ? "Symbol('" + n + "')" : n;
    case Format::Maxima: return replaced_minus("\\-");  // (a backslash makes - part of a Maxima name)
    case Format::Mathematica: {
      if (among(mathematica_taken, name)) return "Global`" + n;
      auto u = n.find('_');
      if (u == std::string::npos || u == 0) return n;
      std::string s = "Subscript[" + n.substr(0, u);
      for (std::size_t start = u + 1;;) {  // A_1_10 -> Subscript[A, 1, 10]
        std::size_t next = n.find('_', start);
        s += ", " + n.substr(start, next == std::string::npos ? std::string::npos : next - start);
        if (next == std::string::npos) break;
        start = next + 1;
      }
      return s + "]";
    }
    // A taken name gets a `_`, and so does one that ends in `_` (lambda and lambda_ are lambda_ and
    // lambda__, not one parameter twice): no two names are written alike.
    case Format::Python:
    case Format::NumPy: return among(python_keywords, name) || n.ends_with('_') ? n + "_" : replaced_minus("m");
    case Format::C:
      return among(c_keywords, name) || c_function_name(name) || c_macro_name(name) || n.ends_with('_') ? n + "_"
                                                                                                         : replaced_minus("m");
    default: return n;
  }
}

std::string_view program_language(Format f) { return f == Format::Python ? "Python" : f == Format::NumPy ? "NumPy" : "C"; }

std::set<std::string> summed_families(Expr e) {
  std::set<std::string> families;
  if (!has_sum(e)) return families;
  std::unordered_set<const Node*> seen;
  std::function<void(Expr)> visit = [&](Expr x) {
    if (!seen.insert(x.node()).second) return;
    if (is_sum(x))
      for (Expr s : free_symbols(x.args()[0]))
        if (auto family = family_of(s.name(), x.args()[1].name())) families.insert(*family);
    for_each_child(x, visit);
  };
  visit(e);
  return families;
}

std::string foreign_expression(Expr e, Format f, std::vector<Expr> bound, const std::set<std::string>* families) {
  Expr rewritten = rewritten_for(e, f);
  std::set<std::string> own;
  if (!families) own = summed_families(rewritten);
  return Foreign(f, std::move(bound), families ? *families : own).emit(present(rewritten));
}

}  // namespace ddx::print
