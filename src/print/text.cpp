// SPDX-License-Identifier: GPL-3.0-or-later
// The one-line emitters: Text (ASCII but ∂, implicit multiplication), Unicode (·, ², √, π, −)
// and Code (explicit * and ^, exp(), for other CAS). They share one walk because they differ only
// in tokens; every layout decision was made in present.cpp. Output must re-parse in ddx.
#include <algorithm>
#include <cctype>

#include "print/emit.hpp"

namespace ddx::print {
namespace {

bool is_exact_natural(const Display& d) { return d.kind == DKind::Number && d.value.is_integer(); }

// A name the parser may read as a function when "(" follows: f, g, h (f1, g_u), multi-letter and
// Greek names, pi. Plain single letters with digits (a, x1) are safe: a (b + c) is a product.
bool callable_name(std::string_view name) {
  if (name.empty()) return false;
  if (name[0] == 'f' || name[0] == 'g' || name[0] == 'h') return true;
  return !std::all_of(name.begin() + 1, name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

class Linear {
 public:
  explicit Linear(Format f) : f_(f) {}

  std::string emit(const Display& d) {
    switch (d.kind) {
      case DKind::Number: return d.value.to_string();
      case DKind::Symbol: return f_ == Format::Unicode ? symbol_name(d.name, f_) : d.name;
      case DKind::Constant:
        if (d.constant == ConstantId::Pi) return f_ == Format::Unicode ? "π" : "pi";
        return f_ == Format::Code ? "exp(1)" : "e";
      case DKind::Call:
        if (auto p = pending_derivative_of(d.function)) return pending(*p, d.children[0]);
        return function_info(d.function).name + "(" + args(d) + ")";
      case DKind::Derivative: return derivative(d);
      case DKind::Pow: return power(d);
      case DKind::Sqrt: {
        std::string s = emit(d.children[0]);
        if (f_ != Format::Unicode) return "sqrt(" + s + ")";
        const Display& r = d.children[0];
        bool bare = is_exact_natural(r) || r.kind == DKind::Symbol || r.kind == DKind::Constant;
        return bare ? "√" + s : "√(" + s + ")";
      }
      case DKind::Product: {
        std::string out = child(d, 0);
        for (std::size_t i = 1; i < d.children.size(); ++i) {
          std::string next = child(d, i);
          out += separator(d.children[i - 1], out, d.children[i], next) + next;
        }
        return out;
      }
      case DKind::Fraction: return child(d, 0) + "/" + child(d, 1);
      case DKind::Sum: {
        std::string out;
        for (std::size_t i = 0; i < d.children.size(); ++i) {
          const Display& t = d.children[i];
          if (t.kind == DKind::Neg)
            out += (i ? " " + minus() + " " : minus()) + child(t, 0);
          else
            out += (i ? " + " : "") + emit(t);
        }
        return out;
      }
      case DKind::Neg: return minus() + child(d, 0);
    }
    return {};
  }

 private:
  Format f_;

  std::string minus() const { return f_ == Format::Unicode ? "−" : "-"; }

  std::string child(const Display& parent, std::size_t i) {
    std::string s = emit(parent.children[i]);
    return needs_parens(parent, i, false) ? "(" + s + ")" : s;
  }

  // `steps` shows a derivative not yet taken as `d/dx (x^2)`; Code as diff(x^2, x), which re-parses.
  std::string pending(const PendingDerivative& p, const Display& operand) {
    std::string s = emit(operand);
    if (f_ == Format::Code) return "diff(" + s + ", " + p.var + ")";
    std::string op = leibniz("", {p.var}, 1, p.partial, f_);
    return op + (pending_operand_needs_parens(operand) ? " (" + s + ")" : " " + s);
  }

  std::string args(const Display& d) {
    std::string out;
    for (std::size_t i = 0; i < d.children.size(); ++i) out += (i ? ", " : "") + emit(d.children[i]);
    return out;
  }

  // f'(x), f''(2x + 1); ∂f/∂u, ∂^2f/∂u∂v, ∂f/∂u(x^2, y). Code keeps ddx's own notation so that it
  // still re-parses (other CAS have no common spelling for an abstract derivative).
  std::string derivative(const Display& d) {
    const std::string& name = function_info(d.function).name;
    if (d.children.size() == 1) return name + std::string(d.indices.size(), '\'') + "(" + args(d) + ")";
    Format f = f_ == Format::Unicode ? Format::Unicode : Format::Text;
    std::string out = leibniz(name, derivative_vars(d), static_cast<int>(d.indices.size()), true, f);
    return d.point_implicit ? out : out + "(" + args(d) + ")";
  }

  std::string power(const Display& d) {
    const Display& base = d.children[0];
    const Display& exponent = d.children[1];
    if (f_ == Format::Code && base.kind == DKind::Constant && base.constant == ConstantId::E)
      return "exp(" + emit(exponent) + ")";
    if (f_ == Format::Unicode && is_exact_natural(exponent)) {
      std::string sup = superscript(exponent.value.to_string());
      // sin²(x) for built-ins, as textbooks write it (the parser reads sin^2(x) as sin(x)^2).
      if (unicode_function_power(d))
        return function_info(base.function).name + sup + "(" + args(base) + ")";
      return child(d, 0) + sup;
    }
    return child(d, 0) + "^" + child(d, 1);
  }

  // sin²(x): a built-in raised to a natural power, written with the exponent on the name.
  static bool unicode_function_power(const Display& d) {
    const Display& base = d.children[0];
    return is_exact_natural(d.children[1]) && base.kind == DKind::Call && !function_info(base.function).abstract;
  }

  // The rightmost name of a factor as printed, if it ends in one (x, x^a, pi).
  static std::string trailing_name(const Display& d) {
    if (d.kind == DKind::Symbol) return d.name;
    if (d.kind == DKind::Constant) return d.constant == ConstantId::Pi ? "pi" : "e";
    if (d.kind == DKind::Pow && !needs_parens(d, 1, false)) return trailing_name(d.children[1]);
    return {};
  }

  // A name that may follow a number with no space: 3a, 18x, 72e^4, 6x^2 (not e1: 2e1 is a float).
  static bool tight_after_number(const Display& d) {
    if (d.kind == DKind::Pow) return tight_after_number(d.children[0]);
    if (d.kind == DKind::Constant) return d.constant == ConstantId::E;
    if (d.kind != DKind::Symbol) return false;
    const std::string& n = d.name;
    if (!std::isalpha(static_cast<unsigned char>(n[0])) || callable_name(n)) return false;
    return !((n[0] == 'e' || n[0] == 'E') && n.size() > 1);
  }

  std::string separator(const Display& prev, const std::string& prev_s, const Display& next, const std::string& next_s) {
    if (f_ == Format::Code) return "*";
    const std::string times = f_ == Format::Unicode ? "·" : "*";
    if (prev.kind == DKind::Number && prev_s.find('e') == std::string::npos && tight_after_number(next)) return "";
    // "2 3" would be read as one number by a human, and 2 3^x is easy to misread: be explicit.
    if (!next_s.empty() && (std::isdigit(static_cast<unsigned char>(next_s[0])) || next_s[0] == '.')) return times;
    // f (x + 1) and alpha (x + 1) would re-parse as calls, and in x (x + 1)^2 the power would bind
    // to the whole x(x + 1), which the parser reads as one operand.
    if (!next_s.empty() && next_s[0] == '(') {
      std::string name = trailing_name(prev);
      if (!name.empty() && (next.kind == DKind::Pow || callable_name(name))) return times;
    }
    // sin²(x) y would read as sin²(x y): the argument of `sin²` runs to the next operator.
    if (f_ == Format::Unicode && prev.kind == DKind::Pow && unicode_function_power(prev)) return times;
    // √x y could read as √(x y).
    if (f_ == Format::Unicode && prev.kind == DKind::Sqrt && prev_s.back() != ')') return times;
    return " ";
  }
};

}  // namespace

std::string emit_linear(const Display& d, Format f) { return Linear(f).emit(d); }

}  // namespace ddx::print
